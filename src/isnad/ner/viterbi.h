// Viterbi decoding of a first-order linear-chain model: the highest-scoring label path.
//
// The score of a path y[0..T) is
//   transitions[L][y0] + emissions[0][y0] + sum_{t>=1} (transitions[y(t-1)][yt] + emissions[t][yt])
// over the paths whose every step is allowed (allowed[i][j] != 0, row L = the start of the
// sequence). There is no end transition.
#pragma once

#include <cstdint>
#include <vector>

namespace isnad {

// emissions: [T][L] scores; transitions: [L+1][L] (row L = start); allowed: [L+1][L] 0/1 or null
// (every step allowed). All scores must be finite.
// *path gets [T] label indices. Ties are broken deterministically towards lower indices: each
// label keeps the lowest-index best predecessor, and the lowest-index best last label is chosen.
// When no path satisfies `allowed`, *path is all 0s. T = 0 gives an empty path.
void Viterbi(const float* emissions, const float* transitions, const uint8_t* allowed, int T, int L,
             std::vector<int>* path);

}  // namespace isnad
