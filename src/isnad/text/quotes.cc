#include "isnad/text/quotes.h"

#include "isnad/text/lexicon_tsv.h"

namespace isnad {

Status QuoteTable::Parse(std::string_view tsv, QuoteTable* out) {
  Lexicon lexicon;
  Status s = ParseLexiconTsv("quotes", tsv, &lexicon);
  if (!s.ok()) return s;
  QuoteTable table;
  table.version_ = lexicon.version;
  for (const LexiconRow& row : lexicon.rows) {
    const std::string where = "quotes line " + std::to_string(row.line) + ": ";
    if (row.columns.size() < 3) return InvalidArgument(where + "expected mark, role, partner");
    char32_t mark, last, partner, partner_last;
    s = ParseCodePointRange(row.columns[0], &mark, &last);
    if (s.ok()) s = ParseCodePointRange(row.columns[2], &partner, &partner_last);
    if (!s.ok()) return InvalidArgument(where + s.message());
    QuoteRole role;
    if (row.columns[1] == "open") role = QuoteRole::kOpen;
    else if (row.columns[1] == "close") role = QuoteRole::kClose;
    else if (row.columns[1] == "either") role = QuoteRole::kEither;
    else return InvalidArgument(where + "role must be open, close or either");
    table.marks_[mark] = {role, partner};
  }
  *out = std::move(table);
  return Status::Ok();
}

QuoteRole QuoteTable::Role(char32_t c) const {
  auto it = marks_.find(c);
  return it == marks_.end() ? QuoteRole::kNone : it->second.role;
}

char32_t QuoteTable::Partner(char32_t c) const {
  auto it = marks_.find(c);
  return it == marks_.end() ? 0 : it->second.partner;
}

}  // namespace isnad
