#include "isnad/text/transliterator.h"

#include <gtest/gtest.h>

#include <memory>

namespace isnad {
namespace {

std::unique_ptr<LatinTransliterator> MustCreate() {
  std::unique_ptr<LatinTransliterator> t;
  const Status s = LatinTransliterator::Create(&t);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return t;
}

TEST(LatinTransliterator, SpellsArabicNamesInLatinLetters) {
  auto t = MustCreate();
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->ToLatin("بغداد"), "bghdad");
  EXPECT_EQ(t->ToLatin("رويترز"), "rwytrz");
  // No Arabic letter is left, and spaces are single.
  const std::string latin = t->ToLatin("وزارة الدفاع العراقية");
  EXPECT_FALSE(latin.empty());
  EXPECT_EQ(latin.find("\xD8"), std::string::npos) << latin;  // no Arabic lead byte left
  EXPECT_EQ(latin.find("  "), std::string::npos);
  EXPECT_EQ(latin.substr(0, 5), "wzart");
}

TEST(LatinTransliterator, CollapsesWhitespaceAndKeepsLatinText) {
  auto t = MustCreate();
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->ToLatin("  بغداد \n  رويترز "), "bghdad rwytrz");
  EXPECT_EQ(t->ToLatin("Reuters  AFP"), "Reuters AFP");
  EXPECT_EQ(t->ToLatin(""), "");
}

TEST(LatinTransliterator, SpellsWrittenVowelsAndDropsTatweel) {
  auto t = MustCreate();
  ASSERT_NE(t, nullptr);
  // Written short vowels are spelled: they are what the bare letters lack.
  EXPECT_EQ(t->ToLatin("بَغْدَاد"), "baghdad");
  EXPECT_EQ(t->ToLatin("بغـــداد"), "bghdad");
}

}  // namespace
}  // namespace isnad
