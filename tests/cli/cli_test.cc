// End-to-end checks of build/native/isnad: exit codes, stdin and files, --out-dir, offsets.
#include "cli/cli_support.h"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

namespace {

namespace fs = std::filesystem;

using isnad::testing::CliRun;
using isnad::testing::RunCli;
using CliTest = isnad::testing::CliFixture;

TEST_F(CliTest, HelpAndVersion) {
  EXPECT_EQ(RunCli("--help").exit_code, 0);
  const CliRun v = RunCli("--version");
  EXPECT_EQ(v.exit_code, 0);
  EXPECT_EQ(v.out.rfind("isnad ", 0), 0u);
  EXPECT_EQ(RunCli("").exit_code, 2);
  EXPECT_EQ(RunCli("frobnicate").exit_code, 2);
  EXPECT_EQ(RunCli("analyze --no-such-flag").exit_code, 2);
  EXPECT_EQ(RunCli("analyze --offsets bytes").exit_code, 2);
  EXPECT_EQ(RunCli("analyze --date 2021-02-30 < /dev/null").exit_code, 2);
}

TEST_F(CliTest, AnalyzesStdinAndFilesOneJsonPerLine) {
  const std::string a = Write("a.txt", "قال الوزير 😀 أمس.");
  const std::string b = Write("b.txt", "بغداد");
  const CliRun stdin_run = RunCli("analyze < " + a);
  ASSERT_EQ(stdin_run.exit_code, 0);
  EXPECT_EQ(nlohmann::json::parse(stdin_run.out)["tokens"].size(), 5u);

  const CliRun files = RunCli("analyze --offsets codepoint " + a + " " + b);
  ASSERT_EQ(files.exit_code, 0);
  const size_t newline = files.out.find('\n');
  const auto first = nlohmann::json::parse(files.out.substr(0, newline));
  const auto second = nlohmann::json::parse(files.out.substr(newline + 1));
  EXPECT_EQ(first["doc"], "a");
  EXPECT_EQ(first["offsets"], "codepoint");
  EXPECT_EQ(first["tokens"][3]["start"], 13);  // after the emoji, counted as one code point
  EXPECT_EQ(second["doc"], "b");

  // --no-tokens: the count in place of the list, in both modes.
  const CliRun lean = RunCli("analyze --no-tokens < " + a);
  ASSERT_EQ(lean.exit_code, 0);
  const auto lean_json = nlohmann::json::parse(lean.out);
  EXPECT_FALSE(lean_json.contains("tokens"));
  EXPECT_EQ(lean_json["token_count"], 5);
  const std::string jsonl = Write("one.jsonl", R"({"id":"x","text":"قال الوزير 😀 أمس."})" "\n");
  const auto batch = nlohmann::json::parse(RunCli("analyze --jsonl --no-tokens < " + jsonl).out);
  EXPECT_FALSE(batch.contains("tokens"));
  EXPECT_EQ(batch["token_count"], 5);
}

TEST_F(CliTest, OutDirWritesOneFilePerInput) {
  const std::string a = Write("first.txt", "نص أول.");
  const std::string b = Write("second.txt", "نص ثان.");
  const fs::path out = dir_ / "out";
  fs::create_directories(out);
  const CliRun run = RunCli("analyze --out-dir " + out.string() + " " + a + " " + b);
  ASSERT_EQ(run.exit_code, 0);
  EXPECT_TRUE(run.out.empty());
  std::ifstream in(out / "second.json");
  EXPECT_EQ(nlohmann::json::parse(in)["text"], "نص ثان.");
  EXPECT_TRUE(fs::exists(out / "first.json"));
}

TEST_F(CliTest, InvalidUtf8FailsWithNoOutputAtAll) {
  const std::string good = Write("good.txt", "نص سليم");
  const std::string bad = Write("bad.txt", "نص \xC3\x28 معطوب");
  const fs::path out = dir_ / "out";
  fs::create_directories(out);
  const CliRun run = RunCli("analyze " + good + " " + bad);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_TRUE(run.out.empty());
  const CliRun to_dir = RunCli("analyze --out-dir " + out.string() + " " + good + " " + bad);
  EXPECT_EQ(to_dir.exit_code, 1);
  EXPECT_TRUE(fs::is_empty(out));
  const std::string message = "analyze " + bad + " 2>&1 >/dev/null";
  FILE* pipe = popen((std::string(ISNAD_CLI) + " " + message).c_str(), "r");
  char buf[512] = {0};
  fread(buf, 1, sizeof buf - 1, pipe);
  pclose(pipe);
  EXPECT_NE(std::string(buf).find("invalid UTF-8 at byte offset 5"), std::string::npos) << buf;
}

TEST_F(CliTest, MissingInputAndBadModel) {
  EXPECT_EQ(RunCli("analyze " + (dir_ / "missing.txt").string()).exit_code, 1);
  const std::string model = Write("bad.model", "garbage");
  EXPECT_EQ(RunCli("analyze --model " + model + " < /dev/null").exit_code, 3);
}

TEST_F(CliTest, EmptyInputIsAnEmptyDocument) {
  const CliRun run = RunCli("analyze < /dev/null");
  ASSERT_EQ(run.exit_code, 0);
  const auto j = nlohmann::json::parse(run.out);
  EXPECT_EQ(j["text"], "");
  EXPECT_TRUE(j["tokens"].empty());
}

}  // namespace

namespace {

TEST_F(CliTest, SourcesListsOneLinePerClaimWithItsChain) {
  const std::string a = Write("a.txt",
                              "نقلت وكالة الأنباء عن مصادر مطلعة أن الوفد وصل.\n"
                              "وقال مسؤول أمني إن الاجتماع انتهى.\n");
  const CliRun run = RunCli("sources " + a);
  ASSERT_EQ(run.exit_code, 0);
  EXPECT_NE(run.out.find("2 claims: 1 anonymous, 1 officials, 0 media, 0 named"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("A1  REPORT  ANONYMOUS  مصادر مطلعة ← وكالة الأنباء   [نقلت, indirect]   الوفد وصل"),
            std::string::npos) << run.out;
  EXPECT_NE(run.out.find("A2  STATE  OFFICIAL  مسؤول أمني"), std::string::npos) << run.out;
  EXPECT_EQ(RunCli("sources " + (dir_ / "missing.txt").string()).exit_code, 1);
  EXPECT_EQ(RunCli("sources --bogus " + a).exit_code, 2);
}

TEST_F(CliTest, AnalyzeJsonCarriesAttributions) {
  const std::string a = Write("a.txt", "قال الوزير: «سنواصل العمل». وأضاف أن الخطة جاهزة.");
  const CliRun run = RunCli("analyze --offsets codepoint " + a);
  ASSERT_EQ(run.exit_code, 0);
  const auto doc = nlohmann::json::parse(run.out);
  ASSERT_EQ(doc["attributions"].size(), 2u);
  const auto& second = doc["attributions"][1];
  EXPECT_EQ(second["id"], "A2");
  EXPECT_EQ(second["cue"]["text"], "أضاف");
  EXPECT_EQ(second["source"]["text"], "الوزير");
  EXPECT_EQ(second["source_kind"], "OFFICIAL");
  EXPECT_TRUE(second["source_entity"].is_null());
  EXPECT_TRUE(second["via"].is_array());
  EXPECT_TRUE(second["attributed_to"].is_null());
  EXPECT_EQ(doc["attributions"][0]["mode"], "direct");
  EXPECT_EQ(doc["attributions"][0]["content"]["text"], "سنواصل العمل");
}

TEST_F(CliTest, JsonlBatchKeepsOrderAcrossThreadsAndReportsBadLines) {
  std::string input;
  for (int i = 0; i < 40; ++i) {
    nlohmann::json line;
    line["id"] = "doc" + std::to_string(i);
    line["text"] = "قال مسؤول إن الوفد " + std::to_string(i) + " وصل.";
    line["date"] = "2024-01-31";
    input += line.dump() + "\n";
    if (i == 10) input += "not json\n\n";
  }
  const std::string path = Write("in.jsonl", input);
  const CliRun one = RunCli("analyze --jsonl < " + path);
  const CliRun two = RunCli("analyze --jsonl --threads 2 < " + path);
  EXPECT_EQ(one.exit_code, 1);  // one bad line
  EXPECT_EQ(two.exit_code, 1);
  EXPECT_EQ(one.out, two.out);  // same lines, same order, byte for byte
  std::vector<std::string> lines;
  for (size_t start = 0, end; (end = one.out.find('\n', start)) != std::string::npos; start = end + 1) {
    lines.push_back(one.out.substr(start, end - start));
  }
  ASSERT_EQ(lines.size(), 41u);  // 40 documents and the error; the blank line is skipped
  EXPECT_EQ(nlohmann::json::parse(lines[0])["doc"], "doc0");
  EXPECT_EQ(nlohmann::json::parse(lines[0])["attributions"].size(), 1u);
  const auto error = nlohmann::json::parse(lines[11]);
  EXPECT_EQ(error["line"], 12);
  EXPECT_TRUE(error.contains("error"));
  EXPECT_EQ(nlohmann::json::parse(lines[40])["doc"], "doc39");
  EXPECT_EQ(RunCli("analyze --jsonl --threads 0 < " + path).exit_code, 2);
  EXPECT_EQ(RunCli("analyze --threads 2 " + path).exit_code, 2);
}

}  // namespace
