#include "isnad/document.h"

namespace isnad {

const char* TokenKindName(TokenKind kind) {
  switch (kind) {
    case TokenKind::kWord: return "word";
    case TokenKind::kNumber: return "number";
    case TokenKind::kPunctuation: return "punctuation";
    case TokenKind::kQuoteOpen: return "quote_open";
    case TokenKind::kQuoteClose: return "quote_close";
    case TokenKind::kSymbol: return "symbol";
  }
  return "symbol";
}

}  // namespace isnad
