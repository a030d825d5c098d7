#include "isnad/ner/viterbi.h"

#include <cstddef>
#include <limits>

namespace isnad {

void Viterbi(const float* emissions, const float* transitions, const uint8_t* allowed, int T, int L,
             std::vector<int>* path) {
  path->clear();
  if (T <= 0 || L <= 0) return;
  path->assign(T, 0);
  constexpr float kUnreachable = -std::numeric_limits<float>::infinity();
  const float* start = transitions + static_cast<size_t>(L) * L;
  const uint8_t* start_allowed = allowed ? allowed + static_cast<size_t>(L) * L : nullptr;

  std::vector<float> score(L), next(L);           // [L] best score of a path ending in each label
  std::vector<int> back(static_cast<size_t>(T) * L);  // [T][L] best predecessor (row 0 unused)
  for (int j = 0; j < L; ++j) {
    score[j] = (start_allowed && !start_allowed[j]) ? kUnreachable : start[j] + emissions[j];
  }
  for (int t = 1; t < T; ++t) {
    const float* emit = emissions + static_cast<size_t>(t) * L;
    int* back_t = back.data() + static_cast<size_t>(t) * L;
    for (int j = 0; j < L; ++j) {
      float best = kUnreachable;
      int best_i = 0;
      for (int i = 0; i < L; ++i) {
        if (score[i] == kUnreachable) continue;
        if (allowed && !allowed[static_cast<size_t>(i) * L + j]) continue;
        const float s = score[i] + transitions[static_cast<size_t>(i) * L + j];
        if (best == kUnreachable || s > best) {  // strict: the lowest index wins ties
          best = s;
          best_i = i;
        }
      }
      next[j] = best == kUnreachable ? kUnreachable : best + emit[j];
      back_t[j] = best_i;
    }
    score.swap(next);
  }

  int last = -1;
  for (int j = 0; j < L; ++j) {
    if (score[j] == kUnreachable) continue;
    if (last < 0 || score[j] > score[last]) last = j;
  }
  if (last < 0) return;  // no allowed path: all 0s
  int* p = path->data();
  p[T - 1] = last;
  for (int t = T - 1; t > 0; --t) p[t - 1] = back[static_cast<size_t>(t) * L + p[t]];
}

}  // namespace isnad
