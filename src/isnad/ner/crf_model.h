// The linear-chain CRF of the entity tagger at analysis time: labels, quantized feature weights,
// transition weights, and decoding. Training lives in train/crf_trainer.h (native only); this file
// depends on nothing there.
//
// Labels follow BIO: label 0 is "O", the others "B-X" / "I-X" (every I-X has its B-X). I-X may
// only follow B-X or I-X and never starts a sentence; Decode never outputs another path.
//
// Score of a label path y over a sentence of T tokens with feature hashes f[t][*]:
//   sum_t (sum_k W[f[t][k]][y_t] + bias[y_t]) + transition[L][y_0] + sum_{t>=1} transition[y_{t-1}][y_t]
// Features absent from the model weigh 0; a hash listed twice for a token counts twice. The label
// bias is a decoding setting, not a trained weight: training chooses it on held-out data (a
// negative bias on O trades precision for recall) and leaves it 0 while fitting the weights.
//
// The model knows a feature by the 32-bit fingerprint of its hash (FeatureFingerprint), not the
// whole hash: a feature of the text that the model does not know takes the weights of a model
// feature with its fingerprint, which happens to one lookup in 2^32 / F (one in 60,000 for 70k
// features). When two model features share a fingerprint, the one whose largest |weight| is
// greater is kept (then the smaller hash).
//
// Serialized form (Serialize / Parse; little-endian; one section of the model file):
//   magic        8 bytes  "ISNADCRF"
//   version      u32      kCrfFormatVersion
//   L            u32      number of labels (1..64)
//   L times:     u16 length + UTF-8 label name
//   F            u32      number of features
//   transitions  (L+1)*L  f32 (IEEE 754 bits), row L = start; forbidden steps stored as 0
//   label bias   L        f32 (version 2 on; a version 1 section reads as all 0)
//   features     version 3: F fingerprints, strictly increasing, Rice-coded (model/rice_code.h);
//                versions 1-2: F u64 hashes, strictly increasing (fingerprinted when read)
//   scales       F        u8 code c: scale = 2^((c - 200) / 8), exact (see CrfWeightScale)
//   weights      F*L      i8 in [-127, 127]; weight = scale * value
//   word classes u32 length + WordClasses::Serialize (ner/word_classes.h) (version 2 on; may be
//                empty): the classes the features were extracted with, which must travel with the
//                weights trained on them
//   checksum     u64      FNV-1a 64 over every byte before it
// Serialization is deterministic: Serialize(Parse(b)) == b for a section of the current version.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "isnad/ner/word_classes.h"
#include "isnad/status.h"

namespace isnad {

constexpr uint32_t kCrfFormatVersion = 3;  // Parse also reads versions 1 and 2
constexpr int kCrfMaxLabels = 64;  // label sets are bitmasks in training

// FNV-1a 64 of the feature's bytes (e.g. "w=بغداد"): how features are named to the model.
uint64_t FeatureHash(std::string_view feature);

// The 32-bit fingerprint by which a model knows a feature hash: its two halves xor-ed.
constexpr uint32_t FeatureFingerprint(uint64_t hash) { return static_cast<uint32_t>(hash ^ (hash >> 32)); }

// Ok when labels are "O" first, then unique "B-X" / "I-X" names (X non-empty), each I-X having
// its B-X, at most kCrfMaxLabels in all.
Status ValidateBioLabels(const std::vector<std::string>& labels);

// The BIO transition constraints of a valid label set: [L+1][L] 0/1, row L = start.
std::vector<uint8_t> BioTransitionMask(const std::vector<std::string>& labels);

// The value of a scale code (exact, the same on every platform): 2^((code - 200) / 8).
float CrfWeightScale(uint8_t code);

// Float weights, as training produces them.
struct CrfWeights {
  std::vector<std::string> labels;  // [L]
  std::vector<uint64_t> features;   // [F] hashes, strictly increasing
  std::vector<float> emission;      // [F][L]
  std::vector<float> transition;    // [L+1][L], row L = start
};

class CrfModel {
 public:
  // Quantizes float weights: per feature, an 8-bit log-scale code chosen so that the largest
  // |weight| maps to 116..127, and each weight rounded to the nearest step. Features whose
  // quantized weights are all 0 are left out, and features are keyed by their fingerprints. Transitions stay float; forbidden ones become 0.
  // Rejects invalid labels, mismatched sizes, unsorted hashes and non-finite weights.
  static Status Build(const CrfWeights& weights, CrfModel* out);

  // Reads the serialized form; kDataLoss on truncated or corrupt bytes, kUnimplemented on another
  // format version. *out is left empty on failure. `verify_checksum` false skips the section's own
  // checksum, for bytes already checked otherwise: a model file's checksum covers its sections,
  // and the model builder verifies this one when it writes the file.
  static Status Parse(std::string_view bytes, CrfModel* out, bool verify_checksum = true);
  std::string Serialize() const;

  int num_labels() const { return static_cast<int>(labels_.size()); }
  const std::vector<std::string>& labels() const { return labels_; }
  size_t num_features() const { return scale_codes_.size(); }
  const std::vector<float>& transitions() const { return transitions_; }  // [L+1][L]
  const std::vector<uint8_t>& allowed_transitions() const { return allowed_; }  // [L+1][L]
  const std::vector<float>& label_bias() const { return label_bias_; }            // [L]
  // Replaces the label bias; InvalidArgument (and no change) unless it has L finite values.
  Status SetLabelBias(const std::vector<float>& bias);
  // The word classes the model's features use (empty: none).
  const WordClasses& word_classes() const { return word_classes_; }
  void SetWordClasses(WordClasses classes) { word_classes_ = std::move(classes); }

  // The dequantized weights of one feature into weights[0..L); false (and zeros) when the model
  // does not know the feature.
  bool FeatureWeights(uint64_t hash, float* weights) const;

  // scores: [T][L] emission scores of T tokens with features [T][*], the label bias included.
  void Emissions(const std::vector<std::vector<uint64_t>>& features, std::vector<float>* scores) const;
  // The same into scores[0, T * L), which the caller sized.
  void Emissions(const std::vector<std::vector<uint64_t>>& features, float* scores) const;
  // Adds the weights of each token's features to scores[t * L, (t + 1) * L), without the bias,
  // in the order the features are listed: what Emissions does after writing the bias.
  void AddFeatureWeights(const std::vector<std::vector<uint64_t>>& features, float* scores) const;

  // labels: [T] the best BIO-valid label path over emission scores [T][L] (ner/viterbi.h).
  void DecodeScores(const float* scores, int T, std::vector<int>* labels) const;

  // labels: [T] the best BIO-valid label path (emissions + Viterbi, ner/viterbi.h).
  void Decode(const std::vector<std::vector<uint64_t>>& features, std::vector<int>* labels) const;

 private:
  // An open-addressing slot (linear probing). Key 0 marks an empty slot; fingerprint 0 is kept
  // aside.
  struct Slot {
    uint32_t key = 0;  // a fingerprint
    uint32_t row = 0;
    float scale = 0;
  };
  // Keys rows 0..F-1 by the fingerprints of their hashes: keeps one row per fingerprint (see the
  // header) and reorders the rows by fingerprint, then indexes them.
  void KeyByFingerprints(const std::vector<uint64_t>& hashes);
  // Builds table_ from the fingerprints of rows 0..F-1 (strictly increasing) and pads weights_.
  void Index(const std::vector<uint32_t>& fingerprints);
  const Slot* Find(uint64_t hash) const;

  std::vector<std::string> labels_;
  std::vector<float> transitions_;    // [L+1][L]
  std::vector<float> label_bias_;     // [L]
  WordClasses word_classes_;
  std::vector<uint8_t> allowed_;      // [L+1][L]
  std::vector<uint8_t> scale_codes_;  // [F]
  std::vector<int8_t> weights_;       // [F][L], then zero padding for the fixed-width emission loop
  std::vector<Slot> table_;           // [2^k], k chosen so that at most 2/3 of slots are used
  int table_shift_ = 64;              // slot of a key: (key * golden) >> table_shift_
  Slot zero_slot_;                    // the feature whose hash is 0, when zero_present_
  bool zero_present_ = false;
};

}  // namespace isnad
