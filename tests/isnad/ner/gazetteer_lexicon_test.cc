#include "isnad/ner/gazetteer_lexicon.h"

#include <gtest/gtest.h>

#include <map>

#include "isnad/text/lexicon_tsv.h"
#include "test_support.h"

namespace isnad {
namespace {

const GazetteerForms& ShippedForms() {
  static const GazetteerForms* forms = [] {
    auto* f = new GazetteerForms();
    EXPECT_TRUE(GazetteerForms::Parse(testing::ReadProjectFile("lexicons/gazetteer/forms.tsv"), f).ok());
    return f;
  }();
  return *forms;
}

Status ExpandLexiconForms(const std::string& word, const std::string& forms, std::vector<std::string>* out) {
  return ShippedForms().Expand(word, forms, out);
}

std::vector<std::string> Forms(const std::string& word, const std::string& forms) {
  std::vector<std::string> out;
  Status s = ExpandLexiconForms(word, forms, &out);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return out;
}

TEST(GazetteerLexicon, ExpandsTheArticleAndNisbaForms) {
  EXPECT_EQ(Forms("مطار بغداد", ""), (std::vector<std::string>{"مطار بغداد"}));
  EXPECT_EQ(Forms("مطار", "article"), (std::vector<std::string>{"مطار", "المطار"}));
  EXPECT_EQ(Forms("عراقي", "nisba"),
            (std::vector<std::string>{"عراقي", "العراقي", "عراقيه", "العراقيه", "عراقيان", "العراقيان",
                                      "عراقيتان", "العراقيتان", "عراقيتين", "العراقيتين", "عراقيون",
                                      "العراقيون", "عراقيين", "العراقيين", "عراقيات", "العراقيات"}));
  std::vector<std::string> out;
  EXPECT_FALSE(ExpandLexiconForms("مطار بغداد", "article", &out).ok());  // one word only
  EXPECT_EQ(Forms("المان", "article"), (std::vector<std::string>{"المان", "الالمان"}));  // ألمان
  EXPECT_FALSE(ExpandLexiconForms("مصر", "nisba", &out).ok());           // no final ي
  EXPECT_FALSE(ExpandLexiconForms("مطار", "plural", &out).ok());
  EXPECT_FALSE(ExpandLexiconForms("", "", &out).ok());
}

TEST(GazetteerLexicon, AddsAndRemovesRowsAndNamesTheBadLine) {
  Gazetteer g;
  int version = 0;
  ASSERT_TRUE(AddLexiconEntries("# version: 3\nمطار\tDESIG.FAC\tarticle\tairport\nشمال شرق\tCOMPASS\n", ShippedForms(), &g, &version).ok());
  EXPECT_EQ(version, 3);
  EXPECT_EQ(g.size(), 3u);
  EXPECT_TRUE(g.Contains("المطار", "DESIG.FAC"));
  EXPECT_TRUE(g.Contains("شمال شرق", "COMPASS"));

  ASSERT_TRUE(RemoveLexiconEntries("# version: 1\nالمطار\tDESIG.FAC\tc\nغير موجود\tGPE\tc\n", &g).ok());
  EXPECT_FALSE(g.Contains("المطار", "DESIG.FAC"));
  EXPECT_EQ(g.size(), 2u);

  const Status bad = AddLexiconEntries("# version: 1\nمطار\tDESIG.FAC\n\nمصر\tNATIONALITY\tnisba\n", ShippedForms(), &g);
  EXPECT_FALSE(bad.ok());
  EXPECT_NE(bad.message().find("line 4"), std::string::npos) << bad.message();
  EXPECT_FALSE(AddLexiconEntries("# version: 1\nمطار\n", ShippedForms(), &g).ok());  // no category
  EXPECT_FALSE(AddLexiconEntries("مطار\tDESIG.FAC\n", ShippedForms(), &g).ok());     // no version header
  EXPECT_FALSE(RemoveLexiconEntries("# version: 1\nمطار\n", &g).ok());
}

TEST(GazetteerLexicon, SpelledRowsTakeTheirNameFromNameOf) {
  Gazetteer g;
  // A stand-in for the builder's DisplayNameToGazetteerName: folds alef with hamza, drops "!".
  const GazetteerNameOf name_of = [](std::string_view spelling, std::string* name) {
    name->clear();
    for (size_t i = 0; i < spelling.size(); ++i) {
      if (spelling.substr(i, 2) == "أ") {
        *name += "ا";
        ++i;
      } else if (spelling[i] != '!') {
        *name += spelling[i];
      }
    }
    return Status::Ok();
  };
  ASSERT_TRUE(AddLexiconEntries("# version: 1\nأحمد\tPER.GIVEN\t\tAhmed\nأبو ظبي\tGPE\t\tAbu Dhabi\n", ShippedForms(), &g,
                                nullptr, name_of)
                  .ok());
  EXPECT_TRUE(g.Contains("احمد", "PER.GIVEN"));
  EXPECT_TRUE(g.Contains("ابو ظبي", "GPE"));
  EXPECT_FALSE(g.Contains("أحمد", "PER.GIVEN"));
  const Status nothing_left = AddLexiconEntries("# version: 1\n!!\tPER\n", ShippedForms(), &g, nullptr, name_of);
  EXPECT_FALSE(nothing_left.ok());
  EXPECT_NE(nothing_left.message().find("line 2"), std::string::npos) << nothing_left.message();
  const GazetteerNameOf failing = [](std::string_view, std::string*) { return InvalidArgument("no"); };
  EXPECT_FALSE(AddLexiconEntries("# version: 1\nأحمد\tPER\n", ShippedForms(), &g, nullptr, failing).ok());
}

// Every row of the shipped designator list is written as the analyzer reads that text: each word
// in the matching form and one token. Logs the number of entries per category.
TEST(GazetteerLexicon, TheShippedDesignatorsAreInTheMatchingForm) {
  const std::string tsv = testing::ReadProjectFile("lexicons/gazetteer/designators.tsv");
  std::unique_ptr<Analyzer> analyzer = testing::ShippedAnalyzer();
  int version = 0;
  Status s = ForEachLexiconRow("designators", tsv, &version, [&](const LexiconRow& row) {
    const Document doc = testing::MustAnalyze(*analyzer, row.columns[0]);
    std::string norms;
    for (const Token& t : doc.tokens) norms += (norms.empty() ? "" : " ") + t.norm;
    EXPECT_EQ(norms, row.columns[0]) << "line " << row.line;
    EXPECT_GE(row.columns.size(), 4u) << "line " << row.line << ": word, category, forms, comment";
    return Status::Ok();
  });
  ASSERT_TRUE(s.ok()) << s.ToString();

  Gazetteer g;
  s = AddLexiconEntries(tsv, ShippedForms(), &g);
  ASSERT_TRUE(s.ok()) << s.ToString();
  std::map<std::string, int> per_category;
  for (const std::string& line : {g.Serialize()}) {
    std::string category;
    for (size_t pos = line.find('\n') + 1; pos < line.size();) {
      const size_t eol = line.find('\n', pos);
      const std::string entry = line.substr(pos, eol - pos);
      if (entry[0] == '@') category = entry.substr(1);
      else ++per_category[category];
      pos = eol + 1;
    }
  }
  std::cout << "[ designators ] " << g.size() << " entries, " << g.Serialize().size() << " bytes:";
  for (const auto& [category, n] : per_category) std::cout << " " << category << "=" << n;
  std::cout << "\n";
  for (const char* category : {"DESIG.ORG.GOV", "DESIG.ORG.MEDIA", "DESIG.ORG.ARMED", "DESIG.ORG.OTHER", "DESIG.FAC",
                               "DESIG.LOC", "DESIG.GPE", "COMPASS", "TITLE", "NATIONALITY"}) {
    EXPECT_GE(per_category[category], 20) << category;
  }
  EXPECT_TRUE(g.Contains("وزاره", "DESIG.ORG.GOV"));
  EXPECT_TRUE(g.Contains("الصحيفه", "DESIG.ORG.MEDIA"));
  EXPECT_TRUE(g.Contains("مطار", "DESIG.FAC"));
  EXPECT_TRUE(g.Contains("الرئيس", "TITLE"));
  EXPECT_TRUE(g.Contains("الفرنسيه", "NATIONALITY"));
  EXPECT_FALSE(g.Contains("سوريا", "NATIONALITY"));  // the accusative nisba is not generated
}

TEST(GazetteerLexicon, TheShippedExclusionsParse) {
  Gazetteer g;
  ASSERT_TRUE(g.Add("ترك", "GPE").ok());
  const Status s = RemoveLexiconEntries(testing::ReadProjectFile("lexicons/gazetteer/exclude.tsv"), &g);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(g.size(), 0u);
}

}  // namespace
}  // namespace isnad
