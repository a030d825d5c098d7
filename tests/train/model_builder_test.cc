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

TEST(ModelBuilder, ReportsAMissingLexiconDirectory) {
  ModelBuildInput input;
  input.lexicon_dir = "/nonexistent";
  std::string bytes;
  EXPECT_FALSE(BuildModel(input, &bytes).ok());
}

}  // namespace
}  // namespace isnad
