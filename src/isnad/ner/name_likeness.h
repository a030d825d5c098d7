// NameLikeness: how much a word's letters look like a name of some kind (a person's, a place's)
// rather than a common word. A name that no list holds still has the letters of its kind:
// transliterated foreign names (كافلنيكوف، شينوزوكا) have letter sequences that Arabic words
// rarely have. The trainer learns the model (train/likeness_trainer.h) from the curated name
// lists (each kind) and the words of raw training text (the common words); here it is applied.
//
// The model is naive Bayes over the letter n-grams of "^" + word + "$" (n = 2..N code points,
// the markers counted), for a word in the matching form (text/normalizer.h):
//   Score(word, k) = mean over the word's n-grams g of r_k(g), where
//                    r_k(g) = log P_k(g) - log P_words(g)   when the model lists g,
//                    unknown_k                              otherwise.
//   Level(word, k) = round(Score / kLikenessLevelStep), clamped to [-kLikenessMaxLevel,
//                    kLikenessMaxLevel]: what the tagger's features name (ner/features.h).
//
// Serialized form (Serialize / Parse; little-endian; carried inside the CRF section,
// crf_model.h, since the features were extracted with it):
//   N             u8   the longest n-gram, 2..8 (0: an empty model, nothing follows)
//   K             u8   number of kinds, 1..kMaxLikenessKinds
//   K times:      u8 length + kind name (UTF-8)
//   unknown       K    f32 unknown_k
//   step          f32  the unit of the stored ratios: r_k(g) = step * value
//   G             u32  number of n-grams
//   fingerprints  Rice-coded (model/rice_code.h), strictly increasing: NgramFingerprint of each
//   ratios        G*K  i8, [g][k]
// Serialization is deterministic: Serialize(Parse(b)) == b.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "isnad/status.h"

namespace isnad {

constexpr int kMaxLikenessKinds = 8;
constexpr float kLikenessLevelStep = 0.5f;
constexpr int kLikenessMaxLevel = 6;

// The fingerprint by which the model knows an n-gram: the 32-bit fold of FNV-1a 64 of its bytes.
uint32_t NgramFingerprint(std::string_view ngram);

// Calls fn(ngram) for each letter n-gram of "^" + word + "$", n = 2..max_n, in a fixed order.
template <typename Fn>
void ForEachLetterNgram(std::string_view word, int max_n, Fn&& fn);

class NameLikeness {
 public:
  // kinds: [K] names; ngrams: [G] n-grams as ForEachLetterNgram gives them, no two alike;
  // ratios: [G][K] r_k(g); unknown: [K]. Ratios are stored in steps of `step`, clamped to ±127
  // steps. InvalidArgument on mismatched sizes, bad counts or non-finite values.
  static Status Build(int max_n, const std::vector<std::string>& kinds, const std::vector<std::string>& ngrams,
                      const std::vector<std::vector<float>>& ratios, const std::vector<float>& unknown, float step,
                      NameLikeness* out);

  // kDataLoss on truncated or inconsistent bytes; *out is left empty on failure.
  static Status Parse(std::string_view bytes, NameLikeness* out);
  std::string Serialize() const;

  bool empty() const { return kinds_.empty(); }
  int num_kinds() const { return static_cast<int>(kinds_.size()); }
  const std::vector<std::string>& kinds() const { return kinds_; }
  int max_n() const { return max_n_; }
  size_t num_ngrams() const { return fingerprints_.size(); }

  // scores: [K] Score(word, k) for every kind (0 for a word of no letters).
  void Scores(std::string_view word, float* scores) const;
  // levels: [K] Level(word, k).
  void Levels(std::string_view word, int8_t* levels) const;

 private:
  void Index();
  // The row of a fingerprint, or -1.
  int64_t Row(uint32_t fingerprint) const;

  int max_n_ = 0;
  std::vector<std::string> kinds_;
  std::vector<float> unknown_;        // [K]
  float step_ = 0;
  std::vector<uint32_t> fingerprints_;  // [G] strictly increasing
  std::vector<int8_t> ratios_;          // [G][K]
  std::vector<uint32_t> slots_;         // [2^b] row + 1, 0 = empty (open addressing)
  int slot_shift_ = 32;
};

template <typename Fn>
void ForEachLetterNgram(std::string_view word, int max_n, Fn&& fn) {
  std::string marked;
  marked.reserve(word.size() + 2);
  marked += '^';
  marked += word;
  marked += '$';
  // b[0..points) the byte offsets of the code points, b[points] the end of the last one. A word
  // of more than 64 code points (with the markers) is read on its first 64.
  constexpr size_t kMaxPoints = 64;
  uint32_t b[kMaxPoints + 1];
  size_t n = 0;
  for (size_t i = 0; i <= marked.size() && n <= kMaxPoints; ++i) {
    if (i < marked.size() && (static_cast<unsigned char>(marked[i]) & 0xC0) == 0x80) continue;
    b[n++] = static_cast<uint32_t>(i);
  }
  const size_t points = n - 1;
  const std::string_view text(marked);
  for (size_t len = 2; len <= static_cast<size_t>(max_n); ++len) {
    for (size_t i = 0; i + len <= points; ++i) fn(text.substr(b[i], b[i + len] - b[i]));
  }
}

}  // namespace isnad
