#include "train/ner_corpus.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "isnad/model/model.h"
#include "test_support.h"
#include "train/conll_eval.h"

namespace isnad {
namespace {

std::string WriteTemp(const std::string& name, const std::string& content) {
  const std::string path = ::testing::TempDir() + "/" + name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

const CliticRules& ShippedClitics() {
  static Model* model = [] {
    auto* m = new Model();
    EXPECT_TRUE(Model::Load(testing::ReadProjectFile("models/isnad.model"), m).ok());
    return m;
  }();
  return model->clitics();
}

LabelMapping ShippedMapping() {
  LabelMapping mapping;
  EXPECT_TRUE(LabelMapping::Parse(testing::ReadProjectFile("lexicons/ner-labels.tsv"), &mapping).ok());
  return mapping;
}

TEST(NerCorpus, NewsfaneCliticsAreAttachedBackToTheirWords) {
  const std::string path = WriteTemp("nf.tsv",
                                     "و\tO\nقال\tO\nان\tO\nه\tO\nزار\tO\nو\tO\nب\tO\nالمدينه\tB-Population-Center\n"
                                     "ل\tO\nمحمد\tB-Politician\nعلي\tI-Politician\n.\tO\n\n"
                                     "العرب\tB-Group\nفي\tO\nالقاهره\tB-Population-Center\n");
  std::vector<CorpusSentence> sentences;
  ASSERT_TRUE(ReadNerCorpus(path, CorpusFormat::kNewsfane, ShippedMapping(), ShippedClitics(), &sentences).ok());
  ASSERT_EQ(sentences.size(), 2u);
  const CorpusSentence& s = sentences[0];
  EXPECT_EQ(s.tokens, (std::vector<std::string>{"وقال", "انه", "زار", "وبالمدينه", "لمحمد", "علي", "."}));
  EXPECT_EQ(s.proclitic_bytes, (std::vector<uint32_t>{2, 0, 0, 4, 2, 0, 0}));
  EXPECT_TRUE(s.marks_proclitics);
  ASSERT_EQ(s.entities.size(), 2u);
  EXPECT_EQ(s.entities[0].types, std::vector<std::string>{"GPE"});
  EXPECT_EQ(s.entities[0].begin, 3u);
  EXPECT_EQ(s.entities[1].types, std::vector<std::string>{"PER"});
  EXPECT_EQ(s.entities[1].begin, 4u);
  EXPECT_EQ(s.entities[1].end, 6u);
  // Group (nationality plurals) maps to O: not an entity.
  ASSERT_EQ(sentences[1].entities.size(), 1u);
  EXPECT_EQ(sentences[1].entities[0].begin, 2u);
}

TEST(NerCorpus, AnercorpLocIsAPartialLabelAndOrgSubtypesComeFromFineClasses) {
  const std::string path = WriteTemp("an.conll", "زار B-PERS\nبغداد B-LOC\nو O\nرويترز B-ORG\n");
  std::vector<CorpusSentence> sentences;
  ASSERT_TRUE(ReadNerCorpus(path, CorpusFormat::kAnercorp, ShippedMapping(), ShippedClitics(), &sentences).ok());
  ASSERT_EQ(sentences.size(), 1u);
  EXPECT_EQ(sentences[0].tokens.size(), 4u);  // ANERcorp's clitics are left as they are
  EXPECT_EQ(sentences[0].entities[1].types, (std::vector<std::string>{"GPE", "LOC", "FAC"}));
  const LabelMapping mapping = ShippedMapping();
  EXPECT_EQ(mapping.Find(CorpusFormat::kNewsfane, "Media")->subtype, "MEDIA");
  EXPECT_EQ(mapping.Find(CorpusFormat::kNewsfane, "Government")->subtype, "GOV");
}

TEST(NerCorpus, AnUnknownClassIsNamed) {
  const std::string path = WriteTemp("bad.tsv", "س\tB-Spaceship\n");
  std::vector<CorpusSentence> sentences;
  const Status s = ReadNerCorpus(path, CorpusFormat::kNewsfane, ShippedMapping(), ShippedClitics(), &sentences);
  EXPECT_NE(s.message().find("Spaceship"), std::string::npos) << s.message();
}

TEST(ConllEval, CountsStrictChunks) {
  // Whatever the shipped model finds, the counts must add up and the gold side is exact.
  const std::string path = WriteTemp("eval.conll", "قال O\nجورج B-PERS\nبوش I-PERS\nفي O\nواشنطن B-LOC\n.\tO\n");
  auto analyzer = testing::ShippedAnalyzer();
  ConllEvaluation evaluation;
  ASSERT_TRUE(EvaluateConll(path, CorpusFormat::kAnercorp, ShippedMapping(), ShippedClitics(), analyzer.get(), &evaluation, true).ok());
  EXPECT_EQ(evaluation.micro.gold, 2u);
  EXPECT_EQ(evaluation.per_type["PERS"].gold, 1u);
  EXPECT_EQ(evaluation.sentences, 1u);
  EXPECT_LE(evaluation.micro.correct, evaluation.micro.system);
  EXPECT_EQ(evaluation.errors.size(), (evaluation.micro.gold - evaluation.micro.correct) +
                                           (evaluation.micro.system - evaluation.micro.correct));
}

TEST(ConllEval, WritesEachTokensGoldAndSystemTags) {
  const std::string path = WriteTemp("pred.conll", "قال O\nجورج B-PERS\nبوش I-PERS\n\nفي O\nواشنطن B-LOC\n");
  auto analyzer = testing::ShippedAnalyzer();
  std::string predictions = "stale";
  ConllEvaluation evaluation;
  evaluation.predictions = &predictions;
  ASSERT_TRUE(EvaluateConll(path, CorpusFormat::kAnercorp, ShippedMapping(), ShippedClitics(), analyzer.get(), &evaluation).ok());
  EXPECT_EQ(evaluation.predictions, &predictions);
  // Two sentences: five token lines, each "token gold system", and a blank line after each.
  std::vector<std::string> lines;
  std::stringstream in(predictions);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  ASSERT_EQ(lines.size(), 7u) << predictions;
  EXPECT_EQ(lines[0].rfind("قال O ", 0), 0u);
  EXPECT_EQ(lines[1].rfind("جورج B-PERS ", 0), 0u);
  EXPECT_EQ(lines[2].rfind("بوش I-PERS ", 0), 0u);
  EXPECT_EQ(lines[3], "");
  EXPECT_EQ(lines[5].rfind("واشنطن B-LOC ", 0), 0u);
  size_t tagged = 0;
  for (const std::string& line : lines) {
    if (line.empty()) continue;
    const std::string system = line.substr(line.rfind(' ') + 1);
    EXPECT_TRUE(system == "O" || system.rfind("B-", 0) == 0 || system.rfind("I-", 0) == 0) << line;
    tagged += system.rfind("B-", 0) == 0;
  }
  EXPECT_EQ(tagged, evaluation.micro.system);
}

}  // namespace
}  // namespace isnad
