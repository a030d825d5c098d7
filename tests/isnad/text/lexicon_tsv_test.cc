#include "isnad/text/lexicon_tsv.h"

#include <gtest/gtest.h>

#include "isnad/text/folding.h"
#include "isnad/text/quotes.h"

namespace isnad {
namespace {

TEST(LexiconTsv, ReadsVersionRowsAndColumns) {
  Lexicon lexicon;
  ASSERT_TRUE(ParseLexiconTsv("t", "# version: 3\n# comment\nU+0640\t\ttatweel\r\n\nU+0622\tU+0627\n", &lexicon).ok());
  EXPECT_EQ(lexicon.version, 3);
  ASSERT_EQ(lexicon.rows.size(), 2u);
  EXPECT_EQ(lexicon.rows[0].line, 3);
  EXPECT_EQ(lexicon.rows[0].columns, (std::vector<std::string>{"U+0640", "", "tatweel"}));
  EXPECT_FALSE(ParseLexiconTsv("t", "U+0640\n", &lexicon).ok());  // no version header
}

TEST(LexiconTsv, CodePointRanges) {
  char32_t a, b;
  ASSERT_TRUE(ParseCodePointRange("U+064B..U+065F", &a, &b).ok());
  EXPECT_EQ(a, 0x064Bu);
  EXPECT_EQ(b, 0x065Fu);
  for (const char* bad : {"0640", "U+D800", "U+110000", "U+0650..U+0640", "U+06ZZ"}) {
    EXPECT_FALSE(ParseCodePointRange(bad, &a, &b).ok()) << bad;
  }
}

TEST(LexiconTsv, BadRowsNameTheirLine) {
  FoldingTable folding;
  Status s = FoldingTable::Parse("# version: 1\nU+0640\t\nU+0640\t\n", &folding);
  EXPECT_EQ(s.message(), "folding line 3: code point folded twice");
  s = FoldingTable::Parse("# version: 1\nU+0660..U+0669\tU+0030..U+0031\n", &folding);
  EXPECT_NE(s.message().find("folding line 2:"), std::string::npos);
  QuoteTable quotes;
  s = QuoteTable::Parse("# version: 1\nU+00AB\tsideways\tU+00BB\n", &quotes);
  EXPECT_EQ(s.message(), "quotes line 2: role must be open, close or either");
}

}  // namespace
}  // namespace isnad
