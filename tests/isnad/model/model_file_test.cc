#include "isnad/model/model_file.h"

#include <gtest/gtest.h>

#include "isnad/model/model.h"
#include "test_support.h"

namespace isnad {
namespace {

TEST(ModelFile, RoundTripsByteForByte) {
  ModelFile file;
  file.sections["b"] = std::string("\0\x01\xFF", 3);
  file.sections["a/x"] = "نص";
  const std::string bytes = SerializeModelFile(file);
  ModelFile parsed;
  ASSERT_TRUE(ParseModelFile(bytes, &parsed).ok());
  EXPECT_EQ(parsed.sections, file.sections);
  EXPECT_EQ(SerializeModelFile(parsed), bytes);
}

TEST(ModelFile, RejectsCorruptionTruncationAndOtherVersions) {
  ModelFile file;
  file.sections["meta"] = "{}";
  const std::string bytes = SerializeModelFile(file);
  ModelFile parsed;
  std::string flipped = bytes;
  flipped[14] ^= 1;
  EXPECT_EQ(ParseModelFile(flipped, &parsed).code(), StatusCode::kDataLoss);
  for (size_t n = 0; n < bytes.size(); ++n) {
    EXPECT_FALSE(ParseModelFile(bytes.substr(0, n), &parsed).ok()) << n;
  }
  EXPECT_EQ(ParseModelFile("GGUF0000000000000000", &parsed).code(), StatusCode::kDataLoss);
  file.version = kModelFormatVersion + 1;
  EXPECT_EQ(ParseModelFile(SerializeModelFile(file), &parsed).code(), StatusCode::kUnimplemented);
}

TEST(Model, TheShippedModelLoads) {
  Model model;
  const Status s = Model::Load(testing::ReadProjectFile("models/isnad.model"), &model);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_GT(model.folding().size(), 50u);
  EXPECT_EQ(model.quotes().Role(U'«'), QuoteRole::kOpen);
  EXPECT_EQ(model.quotes().Partner(U'«'), U'»');
}

TEST(Model, RejectsAModelWithoutLexicons) {
  ModelFile file;
  file.sections["meta"] = R"({"name":"empty"})";
  Model model;
  EXPECT_EQ(Model::Load(SerializeModelFile(file), &model).code(), StatusCode::kDataLoss);
}

}  // namespace
}  // namespace isnad
