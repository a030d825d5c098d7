#include "isnad/text/folding.h"

#include "isnad/text/lexicon_tsv.h"
#include "isnad/text/utf8.h"

namespace isnad {

Status FoldingTable::Parse(std::string_view tsv, FoldingTable* out) {
  Lexicon lexicon;
  Status s = ParseLexiconTsv("folding", tsv, &lexicon);
  if (!s.ok()) return s;
  FoldingTable table;
  table.version_ = lexicon.version;
  for (const LexiconRow& row : lexicon.rows) {
    const std::string where = "folding line " + std::to_string(row.line) + ": ";
    char32_t first, last;
    s = ParseCodePointRange(row.columns[0], &first, &last);
    if (!s.ok()) return InvalidArgument(where + s.message());
    const std::string replacement = row.columns.size() > 1 ? row.columns[1] : "";
    char32_t to_first = 0, to_last = 0;
    const bool removes = replacement.empty();
    if (!removes) {
      s = ParseCodePointRange(replacement, &to_first, &to_last);
      if (!s.ok()) return InvalidArgument(where + s.message());
      if (to_first != to_last && to_last - to_first != last - first) {
        return InvalidArgument(where + "a replacement range must be as long as the folded range");
      }
    }
    for (char32_t c = first; c <= last; ++c) {
      std::string utf8;
      if (!removes) AppendUtf8(to_first == to_last ? to_first : to_first + (c - first), &utf8);
      if (!table.map_.emplace(c, std::move(utf8)).second) {
        return InvalidArgument(where + "code point folded twice");
      }
      table.min_ = std::min(table.min_, c);
      table.max_ = std::max(table.max_, c);
    }
  }
  *out = std::move(table);
  return Status::Ok();
}

}  // namespace isnad
