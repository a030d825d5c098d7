#include "isnad/text/quotes.h"

#include "isnad/text/lexicon_tsv.h"

namespace isnad {

Status QuoteTable::Parse(std::string_view tsv, QuoteTable* out) {
  QuoteTable table;
  Status s = ForEachLexiconRow("quotes", tsv, &table.version_, [&](const LexiconRow& row) {
    if (row.columns.size() < 3) return InvalidArgument("expected mark, role, partner");
    char32_t mark, last, partner, partner_last;
    Status st = ParseCodePointRange(row.columns[0], &mark, &last);
    if (st.ok()) st = ParseCodePointRange(row.columns[2], &partner, &partner_last);
    if (!st.ok()) return st;
    static const std::pair<const char*, QuoteRole> kRoles[] = {
        {"open", QuoteRole::kOpen}, {"close", QuoteRole::kClose}, {"either", QuoteRole::kEither}};
    for (const auto& [name, role] : kRoles) {
      if (row.columns[1] == name) {
        table.marks_[mark] = {role, partner};
        return Status::Ok();
      }
    }
    return InvalidArgument("role must be open, close or either");
  });
  if (!s.ok()) return s;
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
