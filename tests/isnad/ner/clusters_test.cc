#include "isnad/ner/clusters.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "isnad/model/model.h"
#include "test_support.h"

namespace isnad {
namespace {

class ClustersTest : public ::testing::Test {
 protected:
  void SetUp() override {
    analyzer_ = testing::ShippedAnalyzer();
    ASSERT_TRUE(Model::Load(testing::ReadProjectFile("models/isnad.model"), &model_).ok());
  }
  void BuildClusters(Document* doc) { isnad::BuildClusters(model_.clitics(), doc); }

  // Analyzes `text` (tokens with their matching forms); the test then adds entities by hand.
  Document Analyze(const std::string& text) {
    Document doc = testing::MustAnalyze(*analyzer_, text);
    doc.entities.clear();
    return doc;
  }

  // Adds an entity over the `occurrence`-th match of `mention` in the text, leaving out the first
  // `skip` bytes (proclitics), and keeps the list sorted.
  static void Add(Document* doc, const std::string& mention, const std::string& type, int occurrence = 0,
                  uint32_t skip = 0) {
    size_t at = doc->text.find(mention);
    for (int i = 0; i < occurrence && at != std::string::npos; ++i) at = doc->text.find(mention, at + 1);
    ASSERT_NE(at, std::string::npos) << mention;
    Entity e;
    e.type = type;
    e.span = {static_cast<uint32_t>(at + skip), static_cast<uint32_t>(at + mention.size())};
    for (uint32_t t = 0; t < doc->tokens.size(); ++t) {
      if (doc->tokens[t].span.end <= e.span.begin) e.first_token = t + 1;
      if (doc->tokens[t].span.begin < e.span.end) e.last_token = t + 1;
    }
    doc->entities.push_back(e);
    std::sort(doc->entities.begin(), doc->entities.end(),
              [](const Entity& a, const Entity& b) { return a.span.begin < b.span.begin; });
  }

  // The cluster of each entity, as the index of its first mention's cluster in order of appearance.
  static std::vector<int> ClusterOf(const Document& doc) {
    std::vector<int> out;
    for (const Entity& e : doc.entities) out.push_back(e.cluster);
    return out;
  }

  std::unique_ptr<Analyzer> analyzer_;
  Model model_;
};

TEST_F(ClustersTest, SameFormSameCluster) {
  Document doc = Analyze("وصل الوفد إلى بغداد. وقالت بغداد إنها ترحب.");
  Add(&doc, "بغداد", "GPE", 0);
  Add(&doc, "بغداد", "GPE", 1);
  BuildClusters(&doc);
  ASSERT_EQ(doc.clusters.size(), 1u);
  EXPECT_EQ(ClusterOf(doc), (std::vector<int>{0, 0}));
  EXPECT_EQ(doc.clusters[0].type, "GPE");
  EXPECT_EQ(doc.clusters[0].name, "بغداد");
  EXPECT_EQ(doc.clusters[0].mentions, (std::vector<uint32_t>{0, 1}));
}

TEST_F(ClustersTest, ProcliticsAndDiacriticsDoNotMatter) {
  Document doc = Analyze("زار الوزير بغداد ثم غادر وبَغداد تستعد للانتخابات.");
  Add(&doc, "بغداد", "GPE", 0);
  Add(&doc, "وبَغداد", "GPE", 0, /*skip=*/2);
  BuildClusters(&doc);
  EXPECT_EQ(ClusterOf(doc), (std::vector<int>{0, 0}));
}

TEST_F(ClustersTest, ElidedArticleAfterLamIsRestored) {
  Document doc = Analyze("انتقدت الحكومة المحلية القرار، وقال مسؤول للحكومة المحلية إن");
  Add(&doc, "الحكومة المحلية", "ORG", 0);
  Add(&doc, "للحكومة المحلية", "ORG", 0, /*skip=*/2);  // the span starts at the second lam
  BuildClusters(&doc);
  EXPECT_EQ(ClusterOf(doc), (std::vector<int>{0, 0}));
  EXPECT_EQ(doc.SpanText(doc.entities[1].span), "لحكومة المحلية");
  EXPECT_EQ(doc.clusters[0].name, "الحكومة المحلية");
}

TEST_F(ClustersTest, SurnameJoinsTheFullName) {
  Document doc = Analyze("التقى أحمد الخطيب الوفد. وأكد الخطيب أن الخطيب لن يستقيل.");
  Add(&doc, "أحمد الخطيب", "PER");
  Add(&doc, "الخطيب", "PER", 1);
  Add(&doc, "الخطيب", "PER", 2);
  BuildClusters(&doc);
  ASSERT_EQ(doc.clusters.size(), 1u);
  EXPECT_EQ(ClusterOf(doc), (std::vector<int>{0, 0, 0}));
  EXPECT_EQ(doc.clusters[0].name, "أحمد الخطيب");
}

TEST_F(ClustersTest, FirstNameJoinsTheFullNameToo) {
  Document doc = Analyze("قالت ليلى حسن إن ليلى ستعود.");
  Add(&doc, "ليلى حسن", "PER");
  Add(&doc, "ليلى", "PER", 1);
  BuildClusters(&doc);
  EXPECT_EQ(ClusterOf(doc), (std::vector<int>{0, 0}));
}

TEST_F(ClustersTest, FullNameAfterTheSurnameJoinsIt) {
  Document doc = Analyze("الخطيب يستقيل. أعلن أحمد الخطيب استقالته.");
  Add(&doc, "الخطيب", "PER", 0);
  Add(&doc, "أحمد الخطيب", "PER");
  BuildClusters(&doc);
  EXPECT_EQ(ClusterOf(doc), (std::vector<int>{0, 0}));
  EXPECT_EQ(doc.clusters[0].name, "أحمد الخطيب");
}

TEST_F(ClustersTest, AmbiguousSurnameIsNotMerged) {
  Document doc = Analyze("التقى أحمد الخطيب وسعيد الخطيب. وقال الخطيب إن الاجتماع كان مثمرا.");
  Add(&doc, "أحمد الخطيب", "PER");
  Add(&doc, "سعيد الخطيب", "PER");
  Add(&doc, "الخطيب", "PER", 2);
  BuildClusters(&doc);
  ASSERT_EQ(doc.clusters.size(), 3u);
  EXPECT_EQ(ClusterOf(doc), (std::vector<int>{0, 1, 2}));
}

TEST_F(ClustersTest, TwoFullNamesSharingASurnameStayApart) {
  Document doc = Analyze("الخطيب يستقيل. أعلن أحمد الخطيب استقالته، ورد سعيد الخطيب.");
  Add(&doc, "الخطيب", "PER", 0);
  Add(&doc, "أحمد الخطيب", "PER");
  Add(&doc, "سعيد الخطيب", "PER");
  BuildClusters(&doc);
  EXPECT_EQ(ClusterOf(doc), (std::vector<int>{0, 0, 1}));
}

TEST_F(ClustersTest, DifferentTypesAreNeverMerged) {
  Document doc = Analyze("هبطت الطائرة في مطار النخيل قرب النخيل، وأعلنت النخيل الحداد.");
  Add(&doc, "مطار النخيل", "FAC");
  Add(&doc, "النخيل", "GPE", 1);
  Add(&doc, "النخيل", "ORG", 2);
  BuildClusters(&doc);
  ASSERT_EQ(doc.clusters.size(), 3u);
  EXPECT_EQ(ClusterOf(doc), (std::vector<int>{0, 1, 2}));
  EXPECT_EQ(doc.clusters[0].type, "FAC");
  EXPECT_EQ(doc.clusters[1].type, "GPE");
  EXPECT_EQ(doc.clusters[2].type, "ORG");
}

TEST_F(ClustersTest, PlaceWithoutItsFirstWordJoins) {
  Document doc = Analyze("سقطت قذائف على قاعدة “الوادي الأخضر” الجوية، وتضم الوادي الأخضر جنودا.");
  Add(&doc, "قاعدة “الوادي الأخضر”", "FAC");
  Add(&doc, "الوادي الأخضر", "FAC", 1);
  BuildClusters(&doc);
  EXPECT_EQ(ClusterOf(doc), (std::vector<int>{0, 0}));
  EXPECT_EQ(doc.clusters[0].name, "قاعدة “الوادي الأخضر”");
}

TEST_F(ClustersTest, PlaceWithItsFirstWordAfterTheShortFormJoins) {
  Document doc = Analyze("استهدف هجوم الوادي الأخضر، وهي قاعدة الوادي الأخضر الجوية.");
  Add(&doc, "الوادي الأخضر", "FAC", 0);
  Add(&doc, "قاعدة الوادي الأخضر", "FAC");
  BuildClusters(&doc);
  EXPECT_EQ(ClusterOf(doc), (std::vector<int>{0, 0}));
}

TEST_F(ClustersTest, AmbiguousPlaceTailIsNotMerged) {
  Document doc = Analyze("بين مطار النخيل وقاعدة النخيل، قرب النخيل.");
  Add(&doc, "مطار النخيل", "FAC");
  Add(&doc, "قاعدة النخيل", "FAC");
  Add(&doc, "النخيل", "FAC", 2);
  BuildClusters(&doc);
  EXPECT_EQ(ClusterOf(doc), (std::vector<int>{0, 1, 2}));
}

TEST_F(ClustersTest, OrganizationsWithAndWithoutTheArticle) {
  Document doc = Analyze("قال البنتاغون إن بنتاغون واشنطن");
  Add(&doc, "البنتاغون", "ORG");
  Add(&doc, "بنتاغون", "ORG", 1);
  BuildClusters(&doc);
  EXPECT_EQ(ClusterOf(doc), (std::vector<int>{0, 0}));
}

TEST_F(ClustersTest, OrganizationTailIsAnotherOrganization) {
  Document doc = Analyze("انشقت حركة الشباب الديمقراطي عن الشباب الديمقراطي.");
  Add(&doc, "حركة الشباب الديمقراطي", "ORG");
  Add(&doc, "الشباب الديمقراطي", "ORG", 1);
  BuildClusters(&doc);
  EXPECT_EQ(ClusterOf(doc), (std::vector<int>{0, 1}));
}

TEST_F(ClustersTest, TimeIsNotClusteredAndSinglesGetTheirOwn) {
  Document doc = Analyze("وصل أحمد الخطيب أمس إلى بغداد، وغادر أمس.");
  Add(&doc, "أحمد الخطيب", "PER");
  Add(&doc, "أمس", "TIME", 0);
  Add(&doc, "بغداد", "GPE");
  Add(&doc, "أمس", "TIME", 1);
  doc.entities[1].cluster = 7;  // stale values are replaced
  BuildClusters(&doc);
  ASSERT_EQ(doc.clusters.size(), 2u);
  EXPECT_EQ(ClusterOf(doc), (std::vector<int>{0, -1, 1, -1}));
  for (const Cluster& c : doc.clusters) EXPECT_NE(c.type, "TIME");
}

TEST_F(ClustersTest, IsDeterministicAndIdempotent) {
  Document doc = Analyze("التقى أحمد الخطيب وسعيد الخطيب في بغداد. وقال الخطيب إن بغداد آمنة.");
  Add(&doc, "أحمد الخطيب", "PER");
  Add(&doc, "سعيد الخطيب", "PER");
  Add(&doc, "بغداد", "GPE", 0);
  Add(&doc, "الخطيب", "PER", 2);
  Add(&doc, "بغداد", "GPE", 1);
  BuildClusters(&doc);
  const std::vector<int> first = ClusterOf(doc);
  const std::vector<Cluster> clusters = doc.clusters;
  BuildClusters(&doc);
  EXPECT_EQ(ClusterOf(doc), first);
  ASSERT_EQ(doc.clusters.size(), clusters.size());
  for (size_t i = 0; i < clusters.size(); ++i) {
    EXPECT_EQ(doc.clusters[i].name, clusters[i].name);
    EXPECT_EQ(doc.clusters[i].mentions, clusters[i].mentions);
  }
  EXPECT_EQ(first, (std::vector<int>{0, 1, 2, 3, 2}));
}

TEST_F(ClustersTest, EmptyDocument) {
  Document doc;
  BuildClusters(&doc);
  EXPECT_TRUE(doc.clusters.empty());
}

}  // namespace
}  // namespace isnad
