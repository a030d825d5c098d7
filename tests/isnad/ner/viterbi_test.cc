#include "isnad/ner/viterbi.h"

#include <gtest/gtest.h>

#include <limits>

namespace isnad {
namespace {

constexpr int kL = 3;

// A 3-token, 3-label lattice. By hand (delta[t][j] = best score of a path ending in j at t):
//   t0: start + e0                      = [ 1,  2,  0]
//   t1: j0 <- 1 (2+1), j1 <- 0 (1+0), j2 <- 1 (2+0, ties with 2: 0+2; lower index wins)
//       + e1                            = [ 5,  1,  3]
//   t2: j0 <- 0 (5), j1 <- 0 (5), j2 <- 2 (3+2)  + e2 = [ 5,  6,  9]
// Best: label 2 at t2 (9), back to 2 at t1, back to 1 at t0: [1, 2, 2].
const float kEmissions[3 * kL] = {1, 3, 0,   // t0
                                  2, 0, 1,   // t1
                                  0, 1, 4};  // t2
const float kTransitions[(kL + 1) * kL] = {0, 0, -1,   // from 0
                                           1, -2, 0,   // from 1
                                           0, 0, 2,    // from 2
                                           0, -1, 0};  // start

float PathScore(const std::vector<int>& p) {
  float s = kTransitions[kL * kL + p[0]] + kEmissions[p[0]];
  for (size_t t = 1; t < p.size(); ++t) s += kTransitions[p[t - 1] * kL + p[t]] + kEmissions[t * kL + p[t]];
  return s;
}

// The best allowed path by enumeration, ties to the first path in lexicographic order.
float BruteForceBest(const uint8_t* allowed, std::vector<int>* best) {
  float best_score = -std::numeric_limits<float>::infinity();
  for (int code = 0; code < kL * kL * kL; ++code) {
    std::vector<int> p = {code / 9, (code / 3) % 3, code % 3};
    bool ok = !allowed || allowed[kL * kL + p[0]];
    for (int t = 1; t < 3 && ok; ++t) ok = !allowed || allowed[p[t - 1] * kL + p[t]];
    if (ok && PathScore(p) > best_score) {
      best_score = PathScore(p);
      *best = p;
    }
  }
  return best_score;
}

TEST(Viterbi, FindsTheHandComputedBestPath) {
  std::vector<int> path;
  Viterbi(kEmissions, kTransitions, nullptr, 3, kL, &path);
  EXPECT_EQ(path, (std::vector<int>{1, 2, 2}));
  EXPECT_EQ(PathScore(path), 9.0f);
  std::vector<int> best;
  EXPECT_EQ(BruteForceBest(nullptr, &best), 9.0f);
  EXPECT_EQ(best, path);
}

TEST(Viterbi, ConstraintsForbidTheBestPath) {
  // Forbid 1 -> 2: [1, 2, 2] is out. By hand, t1's label 2 now comes from 2 (0+2=2, score 3),
  // and the best path is [2, 2, 2], also scoring 9 (0 + 0, +2+1, +2+4).
  uint8_t allowed[(kL + 1) * kL];
  std::fill(std::begin(allowed), std::end(allowed), 1);
  allowed[1 * kL + 2] = 0;
  std::vector<int> path;
  Viterbi(kEmissions, kTransitions, allowed, 3, kL, &path);
  EXPECT_EQ(path, (std::vector<int>{2, 2, 2}));
  std::vector<int> best;
  EXPECT_EQ(BruteForceBest(allowed, &best), PathScore(path));

  // Also forbid starting with 2. t0 = [1, 2, -]; t1 = [5 (<-1), 1 (<-0), 1 (<-0)];
  // t2 label 2 <- 0 (5-1=4) + 4 = 8: [1, 0, 2] = (-1+3) + (1+2) + (-1+4) = 8.
  allowed[kL * kL + 2] = 0;
  Viterbi(kEmissions, kTransitions, allowed, 3, kL, &path);
  EXPECT_EQ(path, (std::vector<int>{1, 0, 2}));
  EXPECT_EQ(BruteForceBest(allowed, &best), 8.0f);
  EXPECT_EQ(path, best);
}

TEST(Viterbi, NoAllowedPathGivesZeros) {
  uint8_t allowed[(kL + 1) * kL] = {};  // nothing may start
  std::vector<int> path = {7};
  Viterbi(kEmissions, kTransitions, allowed, 3, kL, &path);
  EXPECT_EQ(path, (std::vector<int>{0, 0, 0}));
}

TEST(Viterbi, EmptyAndSingleTokenSequences) {
  std::vector<int> path = {1, 2};
  Viterbi(kEmissions, kTransitions, nullptr, 0, kL, &path);
  EXPECT_TRUE(path.empty());

  // T = 1: start + e0 = [1, 2, 0].
  Viterbi(kEmissions, kTransitions, nullptr, 1, kL, &path);
  EXPECT_EQ(path, (std::vector<int>{1}));
  uint8_t allowed[(kL + 1) * kL];
  std::fill(std::begin(allowed), std::end(allowed), 1);
  allowed[kL * kL + 1] = 0;
  Viterbi(kEmissions, kTransitions, allowed, 1, kL, &path);
  EXPECT_EQ(path, (std::vector<int>{0}));
}

TEST(Viterbi, TiesGoToTheLowestLabel) {
  const float zeros[4 * kL] = {};
  const float no_transitions[(kL + 1) * kL] = {};
  std::vector<int> path;
  Viterbi(zeros, no_transitions, nullptr, 4, kL, &path);
  EXPECT_EQ(path, (std::vector<int>{0, 0, 0, 0}));
  const float tie_at_end[2 * kL] = {0, 0, 0, 0, 5, 5};
  Viterbi(tie_at_end, no_transitions, nullptr, 2, kL, &path);
  EXPECT_EQ(path, (std::vector<int>{0, 1}));
}

}  // namespace
}  // namespace isnad
