#include "test_support.h"

#include <gtest/gtest.h>
#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace isnad::testing {

std::string SourcePath(const std::string& relative) { return std::string(ISNAD_SOURCE_DIR) + "/" + relative; }

std::string ReadProjectFile(const std::string& relative) {
  std::ifstream in(SourcePath(relative), std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

std::string SharedDir() {
  const char* env = std::getenv("ISNAD_SHARED");
  std::string dir = env && *env ? env : SourcePath("../shared");
  struct stat st;
  return stat((dir + "/data").c_str(), &st) == 0 ? dir : "";
}

std::vector<std::pair<std::string, std::string>> SeedArticles() {
  std::vector<std::pair<std::string, std::string>> out;
  const std::string shared = SharedDir();
  if (shared.empty()) return out;
  const std::string dir = shared + "/data/seeds";
  DIR* d = opendir(dir.c_str());
  if (!d) return out;
  while (dirent* e = readdir(d)) {
    const std::string name = e->d_name;
    if (name.size() < 4 || name.substr(name.size() - 4) != ".txt") continue;
    std::ifstream in(dir + "/" + name, std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    out.emplace_back(name, buf.str());
  }
  closedir(d);
  std::sort(out.begin(), out.end());
  return out;
}

std::unique_ptr<Analyzer> ShippedAnalyzer() {
  std::unique_ptr<Analyzer> analyzer;
  Status s = Analyzer::Load(ReadProjectFile("models/isnad.model"), &analyzer);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return analyzer;
}

Document MustAnalyze(Analyzer& analyzer, const std::string& text) {
  Document doc;
  Status s = analyzer.Analyze(text, {}, &doc);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return doc;
}

std::vector<std::string> TokenTexts(const Document& doc) {
  std::vector<std::string> out;
  for (const Token& t : doc.tokens) out.emplace_back(doc.SpanText(t.span));
  return out;
}

}  // namespace isnad::testing
