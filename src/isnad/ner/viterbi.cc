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

  // The allowed predecessors of each label, in increasing order (so the lowest index still wins
  // ties), with their transition weights side by side: [preds_begin[j], preds_begin[j + 1]).
  std::vector<int> preds, preds_begin(L + 1, 0);
  std::vector<float> pred_weights;
  preds.reserve(static_cast<size_t>(L) * L);
  pred_weights.reserve(static_cast<size_t>(L) * L);
  for (int j = 0; j < L; ++j) {
    preds_begin[j] = static_cast<int>(preds.size());
    for (int i = 0; i < L; ++i) {
      if (allowed && !allowed[static_cast<size_t>(i) * L + j]) continue;
      preds.push_back(i);
      pred_weights.push_back(transitions[static_cast<size_t>(i) * L + j]);
    }
  }
  preds_begin[L] = static_cast<int>(preds.size());

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
      for (int k = preds_begin[j]; k < preds_begin[j + 1]; ++k) {
        const int i = preds[k];
        if (score[i] == kUnreachable) continue;
        const float s = score[i] + pred_weights[k];
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
