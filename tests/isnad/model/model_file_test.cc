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

TEST(ModelFile, ReadsVersion1AndDetectsAnyChangedWordInVersion2) {
  ModelFile file;
  file.sections["meta"] = R"({"name":"x"})";
  file.sections["payload"] = std::string(1000, 'a');
  file.version = 1;
  const std::string v1 = SerializeModelFile(file);
  ModelFile parsed;
  ASSERT_TRUE(ParseModelFile(v1, &parsed).ok());
  EXPECT_EQ(parsed.version, 1u);
  EXPECT_EQ(parsed.sections, file.sections);
  EXPECT_EQ(SerializeModelFile(parsed), v1);

  file.version = kModelFormatVersion;
  const std::string v2 = SerializeModelFile(file);
  EXPECT_NE(v2.substr(v2.size() - 8), v1.substr(v1.size() - 8));
  ASSERT_TRUE(ParseModelFile(v2, &parsed).ok());
  for (size_t i = 8; i + 8 < v2.size(); i += 37) {  // any byte, any bit, words and tail alike
    std::string changed = v2;
    changed[i] ^= static_cast<char>(1 << (i % 8));
    EXPECT_FALSE(ParseModelFile(changed, &parsed).ok()) << i;
  }
}

TEST(ModelFile, AViewPointsIntoTheBytes) {
  ModelFile file;
  file.sections["a"] = "alpha";
  const std::string bytes = SerializeModelFile(file);
  ModelFileView view;
  ASSERT_TRUE(ParseModelFile(bytes, &view).ok());
  ASSERT_EQ(view.sections.size(), 1u);
  const std::string_view payload = view.sections.at("a");
  EXPECT_EQ(payload, "alpha");
  EXPECT_TRUE(payload.data() >= bytes.data() && payload.data() < bytes.data() + bytes.size());
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
