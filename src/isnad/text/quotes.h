// QuoteTable: the quotation marks of Arabic and Latin news text, read from lexicons/quotes.tsv.
// Columns: code point; role (open | close | either); the code point of its partner mark; comment.
// "either" marks (the straight quote ") open or close depending on their neighbours.
#pragma once

#include <string_view>
#include <unordered_map>

#include "isnad/status.h"

namespace isnad {

enum class QuoteRole { kNone, kOpen, kClose, kEither };

class QuoteTable {
 public:
  static Status Parse(std::string_view tsv, QuoteTable* out);

  QuoteRole Role(char32_t c) const;
  // The mark that pairs with `c` (for an opening mark its closer, and the reverse).
  char32_t Partner(char32_t c) const;
  int version() const { return version_; }

 private:
  struct Entry {
    QuoteRole role;
    char32_t partner;
  };
  std::unordered_map<char32_t, Entry> marks_;
  int version_ = 0;
};

}  // namespace isnad
