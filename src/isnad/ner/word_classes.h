// WordClasses: distributional word classes for the entity tagger's features. Words that occur in
// the same contexts of the training text share a class, so a rare word can borrow what the CRF
// learned from the frequent words of its class. The classes are learned by the trainer from raw
// text (train/word_clusters.h); here they are only looked up.
//
// A word has one class id in each of a few clusterings of increasing granularity (e.g. 32, 128
// and 512 classes). A word the clusterings never saw has none.
//
// Serialized form (Serialize / Parse; little-endian; carried inside the CRF section, crf_model.h):
//   G            u8       number of clusterings (0..kMaxWordClusterings)
//   sizes        G x u16  number of classes of each clustering
//   W            u32      number of words
//   W times:     u64 FeatureHash of the word's matching form (strictly increasing), G x u16 class id
// Serialization is deterministic: Serialize(Parse(b)) == b.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "isnad/status.h"

namespace isnad {

constexpr int kMaxWordClusterings = 8;

class WordClasses {
 public:
  // sizes: [G] class counts; words: the matching forms; classes: [words.size()][G] ids, each below
  // its clustering's size. InvalidArgument on mismatched sizes, an id out of range, a word listed
  // twice or more than kMaxWordClusterings clusterings.
  static Status Build(const std::vector<uint16_t>& sizes, const std::vector<std::string>& words,
                      const std::vector<std::vector<uint16_t>>& classes, WordClasses* out);

  // kDataLoss on truncated or inconsistent bytes; *out is left empty on failure.
  static Status Parse(std::string_view bytes, WordClasses* out);
  std::string Serialize() const;

  bool empty() const { return hashes_.empty(); }
  size_t num_words() const { return hashes_.size(); }
  int num_clusterings() const { return static_cast<int>(sizes_.size()); }
  const std::vector<uint16_t>& sizes() const { return sizes_; }

  // The G class ids of `word` (a matching form), or null when it has none.
  const uint16_t* Find(std::string_view word) const;

 private:
  // Builds slots_ from hashes_ (open addressing, linear probing, load at most 1/2).
  void Index();

  std::vector<uint16_t> sizes_;    // [G]
  std::vector<uint64_t> hashes_;   // [W] strictly increasing
  std::vector<uint16_t> classes_;  // [W][G]
  std::vector<uint32_t> slots_;    // [2^k] word index + 1, 0 = empty
  int slot_shift_ = 64;
};

}  // namespace isnad
