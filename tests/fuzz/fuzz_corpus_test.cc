// Replays the fuzzer's seed corpus and every regression input (tests/fuzz/corpus/,
// tests/fuzz/regressions/) through the analyzer and the JSON writer: none may crash, valid UTF-8
// must analyze, and every result must keep the Document's invariants.
#include <gtest/gtest.h>

#include <filesystem>

#include "fuzz/document_invariants.h"
#include "isnad/json.h"
#include "isnad/text/utf8.h"
#include "test_support.h"

namespace isnad {
namespace {

TEST(FuzzCorpus, EveryInputAnalyzesOrFailsCleanly) {
  const std::unique_ptr<Analyzer> analyzer = testing::ShippedAnalyzer();
  int replayed = 0;
  for (const char* dir : {"tests/fuzz/corpus", "tests/fuzz/regressions"}) {
    for (const auto& entry : std::filesystem::directory_iterator(testing::SourcePath(dir))) {
      if (!entry.is_regular_file() || entry.path().filename().string()[0] == '.') continue;
      const std::string bytes = testing::ReadProjectFile(std::string(dir) + "/" + entry.path().filename().string());
      Document doc;
      const Status s = analyzer->Analyze(bytes, {}, &doc);
      EXPECT_EQ(s.ok(), ValidateUtf8(bytes).ok()) << entry.path() << ": " << s.message();
      if (!s.ok()) continue;
      EXPECT_TRUE(testing::DocumentInvariantsHold(doc)) << entry.path();
      EXPECT_FALSE(ToJson(doc, {}).empty());
      ++replayed;
    }
  }
  EXPECT_GE(replayed, 10);
}

}  // namespace
}  // namespace isnad
