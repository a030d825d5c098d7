#include "isnad/ner/viterbi.h"

#include <algorithm>
#include <cstddef>
#include <limits>

namespace isnad {
namespace {

// For each lane j < L: when from + row[j] beats best[j] strictly, it becomes best[j] and i its
// best predecessor. Branch-free (the predecessor through a mask) over non-aliasing arrays, so that
// the compiler vectorizes it.
void Relax(float from, const float* __restrict row, int i, int L, float* __restrict best, int* __restrict back) {
  for (int j = 0; j < L; ++j) {
    const float s = from + row[j];
    const float b = best[j];
    const int mask = -static_cast<int>(s > b);
    best[j] = s > b ? s : b;
    back[j] = (i & mask) | (back[j] & ~mask);
  }
}

}  // namespace

void Viterbi(const float* emissions, const float* transitions, const uint8_t* allowed, int T, int L,
             std::vector<int>* path) {
  path->clear();
  if (T <= 0 || L <= 0) return;
  path->assign(T, 0);
  constexpr float kUnreachable = -std::numeric_limits<float>::infinity();
  const float* start = transitions + static_cast<size_t>(L) * L;
  const uint8_t* start_allowed = allowed ? allowed + static_cast<size_t>(L) * L : nullptr;

  // The transitions as rows of W >= L lanes (a multiple of 4, so that the vectorized loop has no
  // remainder), with the forbidden steps and the padding at -infinity: those never beat a best
  // score (all scores are finite), so the loops below need not test `allowed`.
  const int W = (L + 3) / 4 * 4;
  std::vector<float> weights(static_cast<size_t>(L) * W, kUnreachable);  // [L][W]
  for (int i = 0; i < L; ++i) {
    for (int j = 0; j < L; ++j) {
      const size_t k = static_cast<size_t>(i) * L + j;
      if (!allowed || allowed[k]) weights[static_cast<size_t>(i) * W + j] = transitions[k];
    }
  }

  std::vector<float> score(L), best(W);               // [L] best score of a path ending in each label
  std::vector<int> back(static_cast<size_t>(T) * W);  // [T][W] best predecessor (row 0 unused)
  for (int j = 0; j < L; ++j) {
    score[j] = (start_allowed && !start_allowed[j]) ? kUnreachable : start[j] + emissions[j];
  }
  for (int t = 1; t < T; ++t) {
    const float* emit = emissions + static_cast<size_t>(t) * L;
    int* back_t = back.data() + static_cast<size_t>(t) * W;
    std::fill(best.begin(), best.end(), kUnreachable);
    // Predecessors in increasing order, each replacing the best only when strictly better: the
    // lowest index wins ties. Unreachable predecessors are skipped.
    for (int i = 0; i < L; ++i) {
      if (score[i] == kUnreachable) continue;
      Relax(score[i], weights.data() + static_cast<size_t>(i) * W, i, W, best.data(), back_t);
    }
    for (int j = 0; j < L; ++j) score[j] = best[j] == kUnreachable ? kUnreachable : best[j] + emit[j];
  }

  int last = -1;
  for (int j = 0; j < L; ++j) {
    if (score[j] == kUnreachable) continue;
    if (last < 0 || score[j] > score[last]) last = j;
  }
  if (last < 0) return;  // no allowed path: all 0s
  int* p = path->data();
  p[T - 1] = last;
  for (int t = T - 1; t > 0; --t) p[t - 1] = back[static_cast<size_t>(t) * W + p[t]];
}

}  // namespace isnad
