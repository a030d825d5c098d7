// The shared reader for lexicon files (lexicons/*.tsv): UTF-8 text, one entry per line, columns
// separated by tabs, '#' starting a comment line. A header comment "# version: N" names the
// lexicon's data version. Code points are written U+XXXX, ranges U+XXXX..U+YYYY.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "isnad/status.h"

namespace isnad {

struct LexiconRow {
  int line = 0;                      // 1-based line number in the file, for error messages
  std::vector<std::string> columns;  // at least one column, trailing empty columns kept
};

struct Lexicon {
  int version = 0;
  std::vector<LexiconRow> rows;
};

Status ParseLexiconTsv(std::string_view name, std::string_view text, Lexicon* out);

// Parses `text` and calls `on_row` for each entry; an error from `on_row` comes back prefixed with
// "<name> line N: ". Stores the lexicon's data version in *version.
Status ForEachLexiconRow(std::string_view name, std::string_view text, int* version,
                         const std::function<Status(const LexiconRow&)>& on_row);

// The non-empty pieces of a column split on `separator` ("a b  c" on ' ' → a, b, c).
std::vector<std::string> SplitOn(std::string_view column, char separator);

// Parses "U+0640" or "U+064B..U+065F" into [first, last].
Status ParseCodePointRange(std::string_view field, char32_t* first, char32_t* last);

}  // namespace isnad
