#include "isnad/components/time_component.h"

#include <gtest/gtest.h>

#include <string>

#include "isnad/components/cluster_component.h"
#include "isnad/model/model.h"
#include "test_support.h"

namespace isnad {
namespace {

class TimeComponentTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(Model::Load(testing::ReadProjectFile("models/isnad.model"), &model_).ok());
    ASSERT_TRUE(TimeGrammar::Parse(testing::ReadProjectFile("lexicons/time.tsv"), &grammar_).ok());
    analyzer_ = testing::ShippedAnalyzer();
  }

  Document Analyze(const std::string& text, const std::string& date = "") {
    Document doc;
    AnalyzeOptions options;
    options.document_date = date;
    EXPECT_TRUE(analyzer_->Analyze(text, options, &doc).ok());
    doc.entities.clear();
    doc.clusters.clear();
    return doc;
  }

  static Entity At(const Document& doc, const std::string& mention, const std::string& type) {
    const size_t at = doc.text.find(mention);
    EXPECT_NE(at, std::string::npos);
    Entity e;
    e.type = type;
    e.span = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + mention.size())};
    return e;
  }

  Model model_;
  TimeGrammar grammar_;
  std::unique_ptr<Analyzer> analyzer_;
};

TEST_F(TimeComponentTest, AddsTimeEntitiesWithValues) {
  Document doc = Analyze("وصل الوفد أمس إلى بغداد", "2021-02-26");
  TimeComponent component(grammar_, model_.clitics());
  EXPECT_STREQ(component.name(), "time");
  ASSERT_TRUE(component.Run(&doc).ok());
  ASSERT_EQ(doc.entities.size(), 1u);
  EXPECT_EQ(doc.entities[0].type, "TIME");
  EXPECT_EQ(doc.SpanText(doc.entities[0].span), "أمس");
  EXPECT_EQ(doc.entities[0].value, "2021-02-25");
}

TEST_F(TimeComponentTest, KeepsEntitiesSortedAndYieldsToThoseAlreadyThere) {
  Document doc = Analyze("بثت قناة النهار اليوم تقريرا عن بغداد أمس ثم غادر الوفد الجمعة");
  doc.entities.push_back(At(doc, "النهار اليوم", "ORG"));  // e.g. a gazetteer name
  doc.entities.push_back(At(doc, "بغداد", "GPE"));
  TimeComponent component(grammar_, model_.clitics());
  ASSERT_TRUE(component.Run(&doc).ok());
  std::vector<std::string> got;
  for (const Entity& e : doc.entities) got.push_back(e.type + ":" + std::string(doc.SpanText(e.span)));
  EXPECT_EQ(got, (std::vector<std::string>{"ORG:النهار اليوم", "GPE:بغداد", "TIME:أمس", "TIME:الجمعة"}));
}

TEST_F(TimeComponentTest, ClusterComponentClustersAllButTime) {
  Document doc = Analyze("وصل الوفد أمس إلى بغداد، وبغداد ترحب");
  TimeComponent time(grammar_, model_.clitics());
  ASSERT_TRUE(time.Run(&doc).ok());
  Entity first = At(doc, "بغداد", "GPE");
  Entity second = first;
  second.span.begin = static_cast<uint32_t>(doc.text.rfind("بغداد"));
  second.span.end = second.span.begin + (first.span.end - first.span.begin);
  doc.entities.push_back(first);
  doc.entities.push_back(second);
  ClusterComponent clusters(model_.clitics());
  EXPECT_STREQ(clusters.name(), "clusters");
  ASSERT_TRUE(clusters.Run(&doc).ok());
  ASSERT_EQ(doc.entities.size(), 3u);
  EXPECT_EQ(doc.entities[0].cluster, -1);
  EXPECT_EQ(doc.entities[1].cluster, 0);
  EXPECT_EQ(doc.entities[2].cluster, 0);
  ASSERT_EQ(doc.clusters.size(), 1u);
  EXPECT_EQ(doc.clusters[0].mentions, (std::vector<uint32_t>{1, 2}));
}

}  // namespace
}  // namespace isnad
