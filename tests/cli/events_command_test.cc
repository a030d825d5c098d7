// isnad events: the readable timeline, one line per event.
#include "cli/cli_support.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

namespace fs = std::filesystem;

using isnad::testing::CliRun;
using isnad::testing::RunCli;
using EventsCommandTest = isnad::testing::CliFixture;

TEST_F(EventsCommandTest, OneLinePerEventWithRolesFlagsAndResolvedTimes) {
  const std::string file = Write("a.txt", "هاجمت روسيا أوكرانيا أمس. وهددت كوريا الشمالية بشن هجوم على اليابان.");
  const CliRun run = RunCli("events --date 2024-03-01 " + file);
  ASSERT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out,
            "E1  ATTACK  «هاجمت»  روسيا → أوكرانيا · time أمس (2024-02-29)  [asserted]\n"
            "E2  THREATEN  «هددت»  كوريا الشمالية → ?  [asserted]\n"
            "E3  ATTACK  «شن هجوم»  كوريا الشمالية → اليابان  [possible]\n");
}

TEST_F(EventsCommandTest, NegatedEventsAndSeveralFiles) {
  const std::string a = Write("a.txt", "وأكدت الشرطة عدم وقوع إصابات.");
  const std::string b = Write("b.txt", "نص بلا أحداث.");
  const CliRun run = RunCli("events " + a + " " + b);
  ASSERT_EQ(run.exit_code, 0);
  // The attribution the event is reported in gives its source.
  EXPECT_EQ(run.out, "# " + a + "\nE1  INJURE  «إصابات»  [asserted, negated]  source: الشرطة\n# " + b + "\n");
}

TEST_F(EventsCommandTest, ADeniedEventShowsWhoDeniesIt) {
  const std::string file = Write("a.txt", "نفت الحكومة اعتقال صحفيين في العاصمة.");
  const CliRun run = RunCli("events " + file);
  ASSERT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out, "E1  ARREST  «اعتقال»  ? → صحفيين · place العاصمة  [denied]  source: الحكومة\n");
}

TEST_F(EventsCommandTest, UsageAndInputErrors) {
  EXPECT_EQ(RunCli("events --date 2024-13-01 < /dev/null").exit_code, 2);
  EXPECT_EQ(RunCli("events --pretty < /dev/null").exit_code, 2);
  EXPECT_EQ(RunCli("events " + (dir_ / "missing.txt").string()).exit_code, 1);
  const CliRun empty = RunCli("events < /dev/null");
  EXPECT_EQ(empty.exit_code, 0);
  EXPECT_EQ(empty.out, "");
}

}  // namespace
