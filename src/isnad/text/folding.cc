#include "isnad/text/folding.h"

#include "isnad/text/lexicon_tsv.h"
#include "isnad/text/utf8.h"

namespace isnad {

Status FoldingTable::Parse(std::string_view tsv, FoldingTable* out) {
  FoldingTable table;
  Status s = ForEachLexiconRow("folding", tsv, &table.version_, [&](const LexiconRow& row) {
    char32_t first, last;
    Status st = ParseCodePointRange(row.columns[0], &first, &last);
    if (!st.ok()) return st;
    const std::string replacement = row.columns.size() > 1 ? row.columns[1] : "";
    char32_t to_first = 0, to_last = 0;
    const bool removes = replacement.empty();
    if (!removes) {
      st = ParseCodePointRange(replacement, &to_first, &to_last);
      if (!st.ok()) return st;
      if (to_first != to_last && to_last - to_first != last - first) {
        return InvalidArgument("a replacement range must be as long as the folded range");
      }
    }
    for (char32_t c = first; c <= last; ++c) {
      std::string utf8;
      if (!removes) AppendUtf8(to_first == to_last ? to_first : to_first + (c - first), &utf8);
      if (!table.map_.emplace(c, std::move(utf8)).second) return InvalidArgument("code point folded twice");
      table.min_ = std::min(table.min_, c);
      table.max_ = std::max(table.max_, c);
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  *out = std::move(table);
  return Status::Ok();
}

}  // namespace isnad
