// Learns distributional word classes from raw text (native only): the exchange algorithm of
// Kneser and Ney (1993) / Martin, Liermann and Ney (1998), as in mkcls.
//
// Each clustering assigns every word seen at least `min_count` times to one of K classes so as
// to maximize the likelihood of the class bigram model
//   P(w_i | w_{i-1}) = P(c(w_i) | c(w_{i-1})) * P(w_i | c(w_i)),
// i.e. to maximize  sum_{c,d} g(N(c,d)) - sum_c g(N_left(c)) - sum_d g(N_right(d)),  g(x) = x log x,
// over the class bigram counts N. Words start in class (frequency rank mod K); each pass moves
// every word, most frequent first, to the class that raises the objective most, until a pass
// moves few words or `max_passes` is reached. Rarer words and sentence edges take part as one
// "other" word that never moves. Deterministic: no random numbers, ties go to the lower class.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "isnad/ner/word_classes.h"
#include "isnad/status.h"

namespace isnad {

struct WordClusterOptions {
  std::vector<uint16_t> sizes = {32, 128, 512};  // one clustering per size (K)
  int min_count = 2;  // 2 and 3 tied on held-out stories (entity F1 within 0.1)
  int max_passes = 12;
  double stop_moved_fraction = 0.002;  // stop when a pass moves fewer words than this share
  std::function<void(const std::string&)> log;
};

// sentences: [S][T] matching forms of the training text's tokens.
Status LearnWordClasses(const std::vector<std::vector<std::string>>& sentences, const WordClusterOptions& options,
                        WordClasses* out);

}  // namespace isnad
