#include "isnad/text/utf8.h"

#include <unicode/uchar.h>

#include <unicode/utf8.h>

namespace isnad {

Status ValidateUtf8(std::string_view text, size_t* bad_offset) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  if (text.size() > static_cast<size_t>(INT32_MAX)) return InvalidArgument("input larger than 2 GiB");
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      if (bad_offset) *bad_offset = static_cast<size_t>(start);
      char byte[8];
      snprintf(byte, sizeof byte, "0x%02X", s[start]);
      return InvalidArgument("invalid UTF-8 at byte offset " + std::to_string(start) + " (byte " + byte + ")");
    }
  }
  return Status::Ok();
}

void AppendUtf8(char32_t c, std::string* out) {
  uint8_t buf[U8_MAX_LENGTH];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(buf, n, U8_MAX_LENGTH, static_cast<UChar32>(c), error);
  if (!error) out->append(reinterpret_cast<const char*>(buf), n);
}

UScriptCode LetterScript(int32_t c) {
  if (c < 0) return USCRIPT_INVALID_CODE;
  if (c < 0x80) return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ? USCRIPT_LATIN : USCRIPT_INVALID_CODE;
  if ((c >= 0x0621 && c <= 0x063A) || (c >= 0x0641 && c <= 0x064A)) return USCRIPT_ARABIC;
  if (!u_isalpha(c)) return USCRIPT_INVALID_CODE;
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(c, &status);
  return U_FAILURE(status) ? USCRIPT_INVALID_CODE : script;
}

}  // namespace isnad
