// The analysis of any input finishes in time linear in its length: for several input shapes,
// ten times the input costs at most fifteen times the CPU time (the best of three runs each, in
// process CPU time, so other processes on the machine do not count).
#include <gtest/gtest.h>

#include <algorithm>
#include <ctime>

#include "test_support.h"

namespace isnad {
namespace {

double BestCpuSeconds(Analyzer& analyzer, const std::string& text) {
  double best = 1e9;
  for (int run = 0; run < 3; ++run) {
    Document doc;
    const std::clock_t start = std::clock();
    EXPECT_TRUE(analyzer.Analyze(text, {}, &doc).ok());
    best = std::min(best, static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC);
  }
  return best;
}

std::string Repeat(const std::string& unit, size_t times) {
  std::string out;
  out.reserve(unit.size() * times);
  for (size_t i = 0; i < times; ++i) out += unit;
  return out;
}

void ExpectLinear(const std::string& shape, const std::string& unit, size_t base_times) {
  const std::unique_ptr<Analyzer> analyzer = testing::ShippedAnalyzer();
  const double once = BestCpuSeconds(*analyzer, Repeat(unit, base_times));
  const double tenfold = BestCpuSeconds(*analyzer, Repeat(unit, 10 * base_times));
  EXPECT_LE(tenfold, 15 * std::max(once, 0.002)) << shape << ": " << once << " s, then " << tenfold << " s for 10x";
}

TEST(LinearTime, NewsArticles) {
  const std::string article = testing::ReadProjectFile("tests/fuzz/corpus/article-relay.txt") +
                              testing::ReadProjectFile("tests/fuzz/corpus/article-denial.txt");
  ExpectLinear("articles", article, 40);
}

TEST(LinearTime, OneEndlessSentenceOfReports) {
  ExpectLinear("one sentence", "وقال مصدر إن الوفد وصل إلى بغداد و", 600);
}

TEST(LinearTime, NestedQuotesThatNeverClose) {
  ExpectLinear("open quotes", "قال الوزير: «أكد المبعوث أن ", 600);
}

TEST(LinearTime, RepeatedNamesAndDates) {
  ExpectLinear("names", "التقى محمد بن سلمان في الرياض يوم الأحد 12 مارس 2023 بوزير الخارجية الأمريكي ", 400);
}

}  // namespace
}  // namespace isnad
