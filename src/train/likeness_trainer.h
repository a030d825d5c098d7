// Learns the name likeness model (ner/name_likeness.h) from words of each name kind and words of
// common text (native only).
//
// Counts are over distinct words (a word counts once however often it occurs), so that a
// designator repeated across names (نهر, جامعة) or a frequent word does not dominate its
// n-grams. With c_k(g) the n-gram counts of kind k, c_w(g) those of the common words, T_k and
// T_w their totals, and V the number of distinct n-grams of both, each probability is smoothed
// by adding `alpha`:  P_k(g) = (c_k(g) + alpha) / (T_k + alpha * V).
// The model keeps the n-grams seen at least `min_count` times in all; the others score as unseen.
#pragma once

#include <string>
#include <vector>

#include "isnad/ner/name_likeness.h"
#include "isnad/status.h"

namespace isnad {

struct LikenessKindWords {
  std::string kind;                // e.g. "PER", "PLACE"
  std::vector<std::string> words;  // matching forms; repeats are ignored
};

struct LikenessTrainOptions {
  int max_n = 3;
  int min_count = 2;
  float alpha = 0.1f;
  float step = 1.0f / 16;  // the unit the ratios are stored in
};

// `common_words`: the words of common text (matching forms; repeats are ignored). Words that hold
// no letter of the Arabic script are left out of every count.
Status LearnNameLikeness(const std::vector<LikenessKindWords>& kinds, const std::vector<std::string>& common_words,
                         const LikenessTrainOptions& options, NameLikeness* out);

}  // namespace isnad
