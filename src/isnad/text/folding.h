// FoldingTable: the per-code-point part of the Arabic matching form, read from
// lexicons/folding.tsv. Columns: code point or range to fold; replacement (empty: remove the code
// point; a single code point; or a range of the same length, mapped element by element); comment.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "isnad/status.h"

namespace isnad {

class FoldingTable {
 public:
  static Status Parse(std::string_view tsv, FoldingTable* out);

  // The UTF-8 replacement of `c`: nullptr when `c` is kept as it is, "" when it is removed.
  const std::string* Find(char32_t c) const {
    if (c < min_ || c > max_) return nullptr;
    auto it = map_.find(c);
    return it == map_.end() ? nullptr : &it->second;
  }
  int version() const { return version_; }
  size_t size() const { return map_.size(); }

 private:
  std::unordered_map<char32_t, std::string> map_;
  char32_t min_ = 0x10FFFF;
  char32_t max_ = 0;
  int version_ = 0;
};

}  // namespace isnad
