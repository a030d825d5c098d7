#include "isnad/model/model_loader.h"

#include <gtest/gtest.h>

#include <random>

#include "isnad/analyzer.h"
#include "isnad/json.h"
#include "isnad/model/model_file.h"
#include "test_support.h"

namespace isnad {
namespace {

const std::string kText = "قال وزير الخارجية المصري في القاهرة أمس إن الوفد وصل إلى بغداد، بحسب وكالة الأنباء.";

std::string AnalyzeWith(Analyzer& analyzer) {
  Document doc;
  EXPECT_TRUE(analyzer.Analyze(kText, {}, &doc).ok());
  return ToJson(doc, {});
}

// Feeds `bytes` in pieces of random sizes (some empty, some one byte).
Status LoadInPieces(const std::string& bytes, unsigned seed, std::unique_ptr<Analyzer>* out) {
  std::mt19937 random(seed);
  ModelLoader loader;
  if (seed % 2) loader.Reserve(bytes.size());
  for (size_t at = 0; at < bytes.size();) {
    const size_t n = std::min<size_t>(bytes.size() - at, random() % 3 == 0 ? random() % 4 : random() % 200000);
    loader.Append(std::string_view(bytes).substr(at, n));
    at += n;
  }
  return Analyzer::Load(&loader, out);
}

TEST(ModelLoader, InPiecesGivesTheAnalyzerOfTheWholeBytes) {
  const std::string bytes = testing::ReadProjectFile("models/isnad.model");
  std::unique_ptr<Analyzer> whole;
  ASSERT_TRUE(Analyzer::Load(bytes, &whole).ok());
  const std::string expected = AnalyzeWith(*whole);
  for (unsigned seed = 1; seed <= 4; ++seed) {
    std::unique_ptr<Analyzer> pieces;
    const Status s = LoadInPieces(bytes, seed, &pieces);
    ASSERT_TRUE(s.ok()) << s.ToString();
    EXPECT_EQ(pieces->ModelDescription(), whole->ModelDescription());
    EXPECT_EQ(AnalyzeWith(*pieces), expected) << seed;
  }
}

TEST(ModelLoader, BadFilesGiveModelLoadsErrors) {
  const std::string bytes = testing::ReadProjectFile("models/isnad.model");
  ModelFile file;
  ASSERT_TRUE(ParseModelFile(bytes, &file).ok());
  std::vector<std::string> bad = {
      "", "ISNADMDL", "not a model at all", bytes.substr(0, bytes.size() / 2), bytes.substr(0, bytes.size() - 1)};
  std::string flipped = bytes;
  flipped[bytes.size() / 3] ^= 4;  // inside the CRF: parsed early, rejected by the checksum
  bad.push_back(flipped);
  for (const char* drop : {"lexicon/inflection", "meta", "gazetteer/base"}) {
    ModelFile less = file;
    less.sections.erase(drop);
    bad.push_back(SerializeModelFile(less));
  }
  ModelFile broken = file;
  broken.sections["lexicon/inflection"] = "not\ta\tparadigm\n";
  bad.push_back(SerializeModelFile(broken));
  broken = file;
  broken.sections["ner/names"] = "isnad-gazetteer 1\nname before a category\n";
  bad.push_back(SerializeModelFile(broken));
  ModelFile v1 = file;
  v1.version = 1;
  bad.push_back(SerializeModelFile(v1));  // not bad: version 1 still loads
  for (size_t i = 0; i < bad.size(); ++i) {
    Model whole;
    const Status expected = Model::Load(bad[i], &whole);
    std::unique_ptr<Analyzer> pieces;
    const Status got = LoadInPieces(bad[i], static_cast<unsigned>(i + 7), &pieces);
    EXPECT_EQ(got.code(), expected.code()) << i << ": " << expected.ToString();
    EXPECT_EQ(got.message(), expected.message()) << i;
  }
}

}  // namespace
}  // namespace isnad
