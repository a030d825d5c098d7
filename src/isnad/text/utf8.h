// UTF-8 validation and code point helpers (thin wrappers over ICU's utf8.h macros).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <unicode/uscript.h>

#include "isnad/status.h"

namespace isnad {

// Ok when `text` is well-formed UTF-8 (no surrogates, no overlongs, nothing past U+10FFFF).
// Otherwise kInvalidArgument naming the byte offset of the first ill-formed sequence; that offset
// is also stored in *bad_offset when given.
Status ValidateUtf8(std::string_view text, size_t* bad_offset = nullptr);

// Appends code point `c` to `out` as UTF-8.
void AppendUtf8(char32_t c, std::string* out);

// The script of `c` when it is a letter (ICU's u_isalpha), else USCRIPT_INVALID_CODE. ASCII and
// the basic Arabic letters (hamza to yeh, without tatweel) are answered without asking ICU, with
// ICU's answer: the hot loops over text call this per character.
UScriptCode LetterScript(int32_t c);

}  // namespace isnad
