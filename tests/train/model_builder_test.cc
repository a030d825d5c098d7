#include "train/model_builder.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace isnad {
namespace {

// The committed model must be exactly what the committed lexicons build: a lexicon edit without
// `npm run build` (which rebuilds models/isnad.model) fails here.
TEST(ModelBuilder, TheCommittedModelIsUpToDateAndTheBuildIsDeterministic) {
  ModelBuildInput input;
  input.lexicon_dir = testing::SourcePath("lexicons");
  const std::string committed = testing::ReadProjectFile("models/isnad.model");
  ASSERT_TRUE(TrainedSections(committed, &input.trained_sections).ok());
  std::string first, second;
  ASSERT_TRUE(BuildModel(input, &first).ok());
  ASSERT_TRUE(BuildModel(input, &second).ok());
  EXPECT_EQ(first, second);
  EXPECT_TRUE(first == committed)
      << "models/isnad.model is stale: run npm run build";
}

// Loading a model skips the tagger section's own checksum (the file's covers it), so the builder
// is where a corrupt tagger section, e.g. from a damaged base model, must be caught.
TEST(ModelBuilder, RejectsACorruptTaggerSection) {
  ModelBuildInput input;
  input.lexicon_dir = testing::SourcePath("lexicons");
  ASSERT_TRUE(TrainedSections(testing::ReadProjectFile("models/isnad.model"), &input.trained_sections).ok());
  std::string& crf = input.trained_sections.at("ner/crf");
  crf[crf.size() / 2] ^= 1;
  std::string bytes;
  const Status s = BuildModel(input, &bytes);
  EXPECT_EQ(s.code(), StatusCode::kDataLoss);
  EXPECT_NE(s.message().find("ner/crf: CRF model checksum mismatch"), std::string::npos) << s.message();
}

TEST(ModelBuilder, ReportsAMissingLexiconDirectory) {
  ModelBuildInput input;
  input.lexicon_dir = "/nonexistent";
  std::string bytes;
  EXPECT_FALSE(BuildModel(input, &bytes).ok());
}

}  // namespace
}  // namespace isnad
