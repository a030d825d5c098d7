#include "isnad/text/utf8.h"

#include <gtest/gtest.h>

namespace isnad {
namespace {

TEST(ValidateUtf8, AcceptsArabicEmojiAndEmpty) {
  EXPECT_TRUE(ValidateUtf8("").ok());
  EXPECT_TRUE(ValidateUtf8("قال المتحدث 😀 abc").ok());
  EXPECT_TRUE(ValidateUtf8(std::string("a\0b", 3)).ok());  // NUL is a valid character
}

TEST(ValidateUtf8, NamesTheOffsetOfTheFirstBadByte) {
  struct Case {
    std::string text;
    size_t offset;
  } cases[] = {
      {"abc\xFF", 3},                   // never valid in UTF-8
      {"\xD9", 0},                      // truncated two-byte sequence (Arabic lead byte)
      {"ok \xC0\x80", 3},               // overlong NUL
      {"\xD9\x82\xED\xA0\x80", 2},      // encoded surrogate U+D800 after a valid ق
      {"\xF4\x90\x80\x80", 0},          // beyond U+10FFFF
      {"\xD9\x82\xD8", 2},              // truncated at the very end
  };
  for (const Case& c : cases) {
    size_t offset = 999;
    Status s = ValidateUtf8(c.text, &offset);
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(offset, c.offset);
    EXPECT_NE(s.message().find("byte offset " + std::to_string(c.offset)), std::string::npos) << s.message();
  }
}

TEST(AppendUtf8, EncodesAcrossPlanes) {
  std::string out;
  AppendUtf8(U'ق', &out);
  AppendUtf8(U'😀', &out);
  EXPECT_EQ(out, "ق😀");
}

}  // namespace
}  // namespace isnad
