#include "isnad/text/lexicon_tsv.h"

#include <algorithm>
#include <cstdlib>

namespace isnad {
namespace {

bool ParseCodePoint(std::string_view field, char32_t* out) {
  if (field.size() < 6 || field.size() > 8 || field.substr(0, 2) != "U+") return false;
  char32_t value = 0;
  for (char c : field.substr(2)) {
    int digit = (c >= '0' && c <= '9') ? c - '0' : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
    if (digit < 0) return false;
    value = value * 16 + digit;
  }
  if (value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return false;
  *out = value;
  return true;
}

// Calls f(line number, line) for each non-empty line of `text` (without its CR), while f returns
// true.
template <typename F>
void ForEachLine(std::string_view text, F f) {
  int line_no = 0;
  for (size_t pos = 0; pos <= text.size();) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty() && !f(line_no, line)) return;
  }
}

}  // namespace

Status ParseCodePointRange(std::string_view field, char32_t* first, char32_t* last) {
  const size_t dots = field.find("..");
  const std::string_view a = field.substr(0, dots);
  const std::string_view b = dots == std::string_view::npos ? a : field.substr(dots + 2);
  if (!ParseCodePoint(a, first) || !ParseCodePoint(b, last) || *last < *first) {
    return InvalidArgument("bad code point or range '" + std::string(field) + "'");
  }
  return Status::Ok();
}

Status ParseLexiconTsv(std::string_view name, std::string_view text, Lexicon* out) {
  *out = Lexicon();
  return ForEachLexiconRow(name, text, &out->version, [&](const LexiconRow& row) {
    out->rows.push_back(row);
    return Status::Ok();
  });
}

Status ForEachLexiconRow(std::string_view name, std::string_view text, int* version,
                         const std::function<Status(const LexiconRow&)>& on_row) {
  // The version first (the last header wins), so that a file without one calls on_row for no row.
  // Only the lines that start with the header's words are read (a find, not a walk over lines).
  constexpr std::string_view kVersion = "# version:";
  int data_version = 0;
  for (size_t at = text.find(kVersion); at != std::string_view::npos; at = text.find(kVersion, at + 1)) {
    if (at > 0 && text[at - 1] != '\n') continue;
    const size_t eol = std::min(text.find('\n', at), text.size());
    std::string_view line = text.substr(at, eol - at);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    data_version = std::atoi(std::string(line.substr(kVersion.size())).c_str());
  }
  if (data_version <= 0) return InvalidArgument(std::string(name) + ": missing '# version: N' header");
  *version = data_version;
  // One row, refilled line after line: its column strings keep their buffers.
  LexiconRow row;
  Status s;
  ForEachLine(text, [&](int line_no, std::string_view line) {
    if (line[0] == '#') return true;
    row.line = line_no;
    size_t n = 0;
    for (size_t start = 0;; ++n) {
      const size_t tab = line.find('\t', start);
      const std::string_view column = line.substr(start, tab == std::string_view::npos ? line.npos : tab - start);
      if (n < row.columns.size()) {
        row.columns[n].assign(column);
      } else {
        row.columns.emplace_back(column);
      }
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    row.columns.resize(n + 1);
    s = on_row(row);
    if (!s.ok()) s = InvalidArgument(std::string(name) + " line " + std::to_string(line_no) + ": " + s.message());
    return s.ok();
  });
  return s;
}

std::vector<std::string> SplitOn(std::string_view column, char separator) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i <= column.size()) {
    size_t j = column.find(separator, i);
    if (j == std::string_view::npos) j = column.size();
    if (j > i) out.emplace_back(column.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

}  // namespace isnad
