#include "isnad/ner/features.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "isnad/model/model.h"
#include "isnad/ner/crf_model.h"
#include "isnad/ner/gazetteer.h"
#include "test_support.h"

namespace isnad {
namespace {

class FeaturesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(Model::Load(testing::ReadProjectFile("models/isnad.model"), &model_).ok());
    analyzer_ = testing::ShippedAnalyzer();
  }
  // Features of every token of `text` (one sentence), with `gazetteer`.
  std::vector<std::vector<uint64_t>> Extract(const std::string& text, const Gazetteer& gazetteer,
                                             const WordClasses* classes = nullptr) {
    doc_ = testing::MustAnalyze(*analyzer_, text);
    const uint32_t n = static_cast<uint32_t>(doc_.tokens.size());
    std::vector<std::vector<uint64_t>> features;
    FeatureExtractor extractor(&model_.clitics(), classes);
    extractor.Extract(doc_, 0, n, CategoriesOf(gazetteer.FindAll(doc_.tokens, model_.clitics()), 0, n),
                      gazetteer.categories(), &features);
    return features;
  }
  static bool Has(const std::vector<uint64_t>& f, const std::string& prefix, const std::string& value) {
    return std::find(f.begin(), f.end(), HashFeature(prefix, value)) != f.end();
  }
  Model model_;
  std::unique_ptr<Analyzer> analyzer_;
  Document doc_;
};

TEST_F(FeaturesTest, CliticStrippedStemsOfRealWords) {
  Gazetteer none;
  const auto f = Extract("وواشنطن للعراق بالعراق لرويترز", none);
  ASSERT_EQ(f.size(), 4u);
  EXPECT_TRUE(Has(f[0], "w=", "وواشنطن"));
  EXPECT_TRUE(Has(f[0], "s=", "واشنطن"));
  EXPECT_TRUE(Has(f[0], "pc=", "و"));
  EXPECT_TRUE(Has(f[1], "s=", "العراق"));  // لل: the article's alif restored
  EXPECT_TRUE(Has(f[1], "al", ""));
  EXPECT_TRUE(Has(f[2], "s=", "العراق"));
  EXPECT_TRUE(Has(f[2], "pc=", "ب"));
  EXPECT_TRUE(Has(f[3], "s=", "رويترز"));
  EXPECT_FALSE(Has(f[3], "al", ""));
}

// Local and context features split a token's features: each scope is the subsequence of the
// full row it names, and local features depend only on the token's kind and matching form.
TEST_F(FeaturesTest, LocalAndContextFeaturesSplitTheRow) {
  Gazetteer g;
  ASSERT_TRUE(g.Add("بغداد", "GPE").ok());
  ASSERT_TRUE(g.Add("الرئيس", "TITLE").ok());
  const std::string text = "وقال الرئيس في بغداد إن الرئيس عاد إلى بغداد 2021.";
  doc_ = testing::MustAnalyze(*analyzer_, text);
  const uint32_t n = static_cast<uint32_t>(doc_.tokens.size());
  const auto matches = g.FindAll(doc_.tokens, model_.clitics());
  const TokenCategories categories = CategoriesOf(matches, 0, n);
  FeatureExtractor extractor(&model_.clitics(), &model_.crf()->word_classes());
  std::vector<std::vector<uint64_t>> all, local, context;
  extractor.Extract(doc_, 0, n, 0, n, categories, g.categories(), &all);
  extractor.Extract(doc_, 0, n, 0, n, categories, g.categories(), &local, FeatureScope::kLocal);
  extractor.Extract(doc_, 0, n, 0, n, categories, g.categories(), &context, FeatureScope::kContext);
  ASSERT_EQ(all.size(), n);
  for (uint32_t t = 0; t < n; ++t) {
    EXPECT_EQ(local[t].size() + context[t].size(), all[t].size()) << t;
    EXPECT_FALSE(local[t].empty());
    EXPECT_FALSE(context[t].empty());
    // Each scope is a subsequence of the full row, and together they cover it.
    size_t l = 0, c = 0;
    for (uint64_t h : all[t]) {
      if (l < local[t].size() && local[t][l] == h) ++l;
      else if (c < context[t].size() && context[t][c] == h) ++c;
    }
    EXPECT_EQ(l, local[t].size()) << t;
    EXPECT_EQ(c, context[t].size()) << t;
  }
  // The two الرئيس and the two بغداد: the same local features, other context features.
  std::vector<uint32_t> president, baghdad;
  for (uint32_t t = 0; t < n; ++t) {
    if (doc_.tokens[t].norm == "الرئيس") president.push_back(t);
    if (doc_.tokens[t].norm == "بغداد") baghdad.push_back(t);
  }
  ASSERT_EQ(president.size(), 2u);
  ASSERT_EQ(baghdad.size(), 2u);
  EXPECT_EQ(local[president[0]], local[president[1]]);
  EXPECT_EQ(local[baghdad[0]], local[baghdad[1]]);
  EXPECT_NE(context[president[0]], context[president[1]]);
  // One token alone gives the same local row as the whole sentence does, and so does
  // ExtractLocal for any list of tokens.
  std::vector<std::vector<uint64_t>> one, listed;
  extractor.Extract(doc_, 0, n, baghdad[1], baghdad[1] + 1, categories, g.categories(), &one, FeatureScope::kLocal);
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0], local[baghdad[1]]);
  extractor.ExtractLocal(doc_, {baghdad[1], president[0], n - 1}, &listed);
  ASSERT_EQ(listed.size(), 3u);
  EXPECT_EQ(listed[0], local[baghdad[1]]);
  EXPECT_EQ(listed[1], local[president[0]]);
  EXPECT_EQ(listed[2], local[n - 1]);
}

TEST_F(FeaturesTest, AffixesShapeWindowAndMatchingForm) {
  Gazetteer none;
  const auto f = Extract("قال أحمد 2021 CNN", none);
  EXPECT_TRUE(Has(f[1], "w=", "احمد"));  // the matching form: hamza folded
  EXPECT_TRUE(Has(f[1], "p1=", "ا"));
  EXPECT_TRUE(Has(f[1], "x2=", "مد"));
  EXPECT_TRUE(Has(f[1], "w-1=", "قال"));
  EXPECT_TRUE(Has(f[1], "w+1=", "2021"));
  EXPECT_TRUE(Has(f[0], "w-1=", "<s>"));
  EXPECT_TRUE(Has(f[2], "sh=", "D"));
  EXPECT_TRUE(Has(f[3], "sh=", "L"));
  EXPECT_TRUE(Has(f[1], "sh=", "A"));
  EXPECT_TRUE(Has(f[0], "first", ""));
  EXPECT_FALSE(Has(f[1], "first", ""));
}

TEST_F(FeaturesTest, GazetteerCategoriesOfTheTokenAndItsNeighbours) {
  Gazetteer gazetteer;
  ASSERT_TRUE(gazetteer.Add("الامم المتحده", "NAME.ORG").ok());
  ASSERT_TRUE(gazetteer.Add("الرئيس", "TITLE").ok());
  const auto f = Extract("قال الرئيس إن الأمم المتحدة", gazetteer);
  EXPECT_TRUE(Has(f[1], "gB=", "TITLE"));
  EXPECT_TRUE(Has(f[2], "g-1=", "TITLE"));
  EXPECT_TRUE(Has(f[3], "gB=", "NAME.ORG"));
  EXPECT_TRUE(Has(f[4], "gI=", "NAME.ORG"));
  EXPECT_FALSE(Has(f[4], "gB=", "NAME.ORG"));
  EXPECT_TRUE(Has(f[2], "g+1=", "NAME.ORG"));
}

// The feature value of a class id (features.cc): its two bytes, low first.
std::string ClassId(uint16_t id) { return std::string{static_cast<char>(id & 0xFF), static_cast<char>(id >> 8)}; }

TEST_F(FeaturesTest, WordClassesOfTheWordItsStemAndItsNeighbours) {
  WordClasses classes;
  ASSERT_TRUE(WordClasses::Build({8, 64, 300}, {"بغداد", "وصل", "الي"}, {{1, 40, 299}, {2, 3, 4}, {5, 6, 7}},
                                 &classes).ok());
  Gazetteer none;
  const auto f = Extract("وصل إلى وبغداد", none, &classes);
  ASSERT_EQ(f.size(), 3u);
  // وبغداد is not a known word; its stem بغداد is.
  EXPECT_FALSE(Has(f[2], "c0=", ClassId(1)));
  EXPECT_TRUE(Has(f[2], "sc0=", ClassId(1)));
  EXPECT_TRUE(Has(f[2], "sc1=", ClassId(40)));
  EXPECT_TRUE(Has(f[2], "sc2=", ClassId(299)));
  EXPECT_TRUE(Has(f[0], "c0=", ClassId(2)));
  EXPECT_TRUE(Has(f[0], "c2=", ClassId(4)));
  // Neighbours contribute their id in the middle clustering (64 classes).
  EXPECT_TRUE(Has(f[1], "c-1=", ClassId(3)));
  EXPECT_FALSE(Has(f[1], "c+1=", ClassId(40)));  // the next word itself has no class
  EXPECT_TRUE(Has(f[0], "c+1=", ClassId(6)));
  // Without classes there are no class features.
  const auto plain = Extract("وصل إلى وبغداد", none);
  EXPECT_FALSE(Has(plain[0], "c0=", ClassId(2)));
  EXPECT_LT(plain[0].size(), f[0].size());
}

TEST_F(FeaturesTest, DeterministicAndIndependentOfTheSurroundingDocument) {
  Gazetteer none;
  const auto a = Extract("وصل الوفد إلى بغداد", none);
  const auto b = Extract("وصل الوفد إلى بغداد", none);
  EXPECT_EQ(a, b);
  // HashFeature is the CRF's FeatureHash of the concatenation.
  EXPECT_EQ(HashFeature("w=", "بغداد"), FeatureHash("w=بغداد"));
  EXPECT_EQ(HashFeature("w", "=x"), FeatureHash("w=x"));
}

}  // namespace
}  // namespace isnad
