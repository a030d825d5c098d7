#include "isnad/ner/crf_model.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <set>

#include "isnad/model/binary_io.h"
#include "isnad/model/rice_code.h"
#include "isnad/ner/viterbi.h"

namespace isnad {
namespace {

constexpr char kMagic[8] = {'I', 'S', 'N', 'A', 'D', 'C', 'R', 'F'};
constexpr uint64_t kGolden = 0x9E3779B97F4A7C15ull;  // Fibonacci hashing multiplier

// 2^(k/8) for k = 0..7, rounded to float by the compiler (the same everywhere).
constexpr float kScaleMantissa[8] = {1.0f,          1.0905077327f, 1.1892071150f, 1.2968395547f,
                                     1.4142135624f, 1.5422108254f, 1.6817928305f, 1.8340080864f};

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// Label sets up to this size take the fixed-width emission loop (weight rows are padded for it).
constexpr size_t kFixedLanes = 16;

// out[0..L) += scale * row[0..L) for each found row of one token, in order. Computes kFixedLanes
// lanes (the lanes past L read the next row or the padding, and are dropped): the same float
// operations in the same order as the plain loop, in a form the compiler vectorizes.
void AddRowsFixed(const int8_t* const* rows, const float* scales, size_t count, size_t L, float* out) {
  float acc[kFixedLanes] = {};
  for (size_t l = 0; l < L; ++l) acc[l] = out[l];
  for (size_t e = 0; e < count; ++e) {
    const int8_t* w = rows[e];
    const float scale = scales[e];
    for (size_t l = 0; l < kFixedLanes; ++l) acc[l] += scale * static_cast<float>(w[l]);
  }
  for (size_t l = 0; l < L; ++l) out[l] = acc[l];
}

}  // namespace

uint64_t FeatureHash(std::string_view feature) { return Fnv1a64(feature); }

float CrfWeightScale(uint8_t code) { return std::ldexp(kScaleMantissa[code & 7], (code >> 3) - 25); }

Status ValidateBioLabels(const std::vector<std::string>& labels) {
  if (labels.empty() || labels[0] != "O") return InvalidArgument("CRF labels must start with \"O\"");
  if (labels.size() > static_cast<size_t>(kCrfMaxLabels)) {
    return InvalidArgument("CRF has " + std::to_string(labels.size()) + " labels (at most " +
                           std::to_string(kCrfMaxLabels) + ")");
  }
  std::set<std::string> seen;
  for (size_t i = 1; i < labels.size(); ++i) {
    const std::string& l = labels[i];
    if (!(StartsWith(l, "B-") || StartsWith(l, "I-")) || l.size() < 3) {
      return InvalidArgument("CRF label \"" + l + "\" is not O, B-X or I-X");
    }
    if (!seen.insert(l).second) return InvalidArgument("CRF label \"" + l + "\" is listed twice");
  }
  for (const std::string& l : seen) {
    if (StartsWith(l, "I-") && !seen.count("B-" + l.substr(2))) {
      return InvalidArgument("CRF label \"" + l + "\" has no B-" + l.substr(2));
    }
  }
  return Status::Ok();
}

std::vector<uint8_t> BioTransitionMask(const std::vector<std::string>& labels) {
  const size_t L = labels.size();
  std::vector<uint8_t> allowed((L + 1) * L, 1);
  for (size_t j = 0; j < L; ++j) {
    if (!StartsWith(labels[j], "I-")) continue;
    const std::string type = labels[j].substr(2);
    for (size_t i = 0; i <= L; ++i) {
      const bool same_entity = i < L && (labels[i] == "B-" + type || labels[i] == "I-" + type);
      allowed[i * L + j] = same_entity ? 1 : 0;
    }
  }
  return allowed;
}

Status CrfModel::Build(const CrfWeights& w, CrfModel* out) {
  *out = CrfModel();
  Status s = ValidateBioLabels(w.labels);
  if (!s.ok()) return s;
  const size_t L = w.labels.size(), F = w.features.size();
  if (w.emission.size() != F * L || w.transition.size() != (L + 1) * L) {
    return InvalidArgument("CRF weights do not match the numbers of labels and features");
  }
  for (size_t f = 1; f < F; ++f) {
    if (w.features[f - 1] >= w.features[f]) return InvalidArgument("CRF feature hashes are not strictly increasing");
  }
  for (float x : w.emission) {
    if (!std::isfinite(x)) return InvalidArgument("CRF emission weight is not finite");
  }
  for (float x : w.transition) {
    if (!std::isfinite(x)) return InvalidArgument("CRF transition weight is not finite");
  }

  CrfModel m;
  m.labels_ = w.labels;
  m.allowed_ = BioTransitionMask(w.labels);
  m.transitions_ = w.transition;
  m.label_bias_.assign(L, 0.0f);
  for (size_t i = 0; i < m.transitions_.size(); ++i) {
    if (!m.allowed_[i]) m.transitions_[i] = 0;
  }
  // limit[c] = 127 * scale(c): the largest |weight| code c represents. Increasing in c.
  float limit[256];
  for (int c = 0; c < 256; ++c) limit[c] = 127.0f * CrfWeightScale(static_cast<uint8_t>(c));
  std::vector<uint64_t> hashes;
  std::vector<int8_t> row(L);
  for (size_t f = 0; f < F; ++f) {
    const float* src = &w.emission[f * L];
    float max_abs = 0;
    for (size_t l = 0; l < L; ++l) max_abs = std::max(max_abs, std::fabs(src[l]));
    const int code = static_cast<int>(std::lower_bound(limit, limit + 256, max_abs) - limit);
    if (code > 255) return InvalidArgument("CRF weight too large to quantize");
    const double scale = CrfWeightScale(static_cast<uint8_t>(code));
    bool any = false;
    for (size_t l = 0; l < L; ++l) {
      const long q = std::lround(static_cast<double>(src[l]) / scale);
      row[l] = static_cast<int8_t>(std::clamp(q, -127L, 127L));
      any = any || row[l] != 0;
    }
    if (!any) continue;
    hashes.push_back(w.features[f]);
    m.scale_codes_.push_back(static_cast<uint8_t>(code));
    m.weights_.insert(m.weights_.end(), row.begin(), row.end());
  }
  m.KeyByFingerprints(hashes);
  *out = std::move(m);
  return Status::Ok();
}

void CrfModel::KeyByFingerprints(const std::vector<uint64_t>& hashes) {
  const size_t L = labels_.size(), F = hashes.size();
  // The largest |weight| of each row, dequantized (what the tie between two rows is decided on).
  std::vector<float> max_abs(F);
  for (size_t r = 0; r < F; ++r) {
    int m = 0;
    for (size_t l = 0; l < L; ++l) m = std::max(m, std::abs(static_cast<int>(weights_[r * L + l])));
    max_abs[r] = CrfWeightScale(scale_codes_[r]) * static_cast<float>(m);
  }
  std::vector<uint32_t> order(F);
  for (uint32_t r = 0; r < F; ++r) order[r] = r;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    const uint32_t fa = FeatureFingerprint(hashes[a]), fb = FeatureFingerprint(hashes[b]);
    if (fa != fb) return fa < fb;
    if (max_abs[a] != max_abs[b]) return max_abs[a] > max_abs[b];
    return hashes[a] < hashes[b];
  });
  std::vector<uint32_t> fingerprints;
  std::vector<uint8_t> codes;
  std::vector<int8_t> weights;
  fingerprints.reserve(F);
  codes.reserve(F);
  weights.reserve(F * L + kFixedLanes);
  for (uint32_t r : order) {
    const uint32_t fingerprint = FeatureFingerprint(hashes[r]);
    if (!fingerprints.empty() && fingerprints.back() == fingerprint) continue;  // the first wins
    fingerprints.push_back(fingerprint);
    codes.push_back(scale_codes_[r]);
    weights.insert(weights.end(), weights_.begin() + r * L, weights_.begin() + (r + 1) * L);
  }
  scale_codes_ = std::move(codes);
  weights_ = std::move(weights);
  Index(fingerprints);
}

void CrfModel::Index(const std::vector<uint32_t>& fingerprints) {
  weights_.resize(fingerprints.size() * labels_.size() + kFixedLanes, 0);  // room for AddRowsFixed's lanes
  size_t capacity = 16;
  int bits = 4;
  while (capacity * 2 < fingerprints.size() * 3) {  // keep the load at most 2/3
    capacity *= 2;
    ++bits;
  }
  table_.assign(capacity, Slot());
  table_shift_ = 64 - bits;
  zero_present_ = false;
  const size_t mask = capacity - 1;
  float scales[256];  // every code's scale, once rather than once a feature
  for (int c = 0; c < 256; ++c) scales[c] = CrfWeightScale(static_cast<uint8_t>(c));
  for (size_t r = 0; r < fingerprints.size(); ++r) {
    Slot slot;
    slot.key = fingerprints[r];
    slot.row = static_cast<uint32_t>(r);
    slot.scale = scales[scale_codes_[r]];
    if (slot.key == 0) {
      zero_slot_ = slot;
      zero_present_ = true;
      continue;
    }
    size_t i = (slot.key * kGolden) >> table_shift_;
    while (table_[i].key != 0) i = (i + 1) & mask;
    table_[i] = slot;
  }
}

const CrfModel::Slot* CrfModel::Find(uint64_t hash) const {
  const uint32_t key = FeatureFingerprint(hash);
  if (key == 0) return zero_present_ ? &zero_slot_ : nullptr;
  const size_t mask = table_.size() - 1;
  size_t i = (key * kGolden) >> table_shift_;
  while (true) {
    const Slot& s = table_[i];
    if (s.key == key) return &s;
    if (s.key == 0) return nullptr;
    i = (i + 1) & mask;
  }
}

std::string CrfModel::Serialize() const {
  const size_t L = labels_.size(), F = scale_codes_.size();
  std::vector<uint32_t> fingerprints(F);  // rows are in fingerprint order
  for (const Slot& s : table_) {
    if (s.key != 0) fingerprints[s.row] = s.key;
  }
  if (zero_present_) fingerprints[zero_slot_.row] = 0;

  std::string out(kMagic, sizeof(kMagic));
  out.reserve(64 + F * (4 + L) + transitions_.size() * 4);
  PutLittleEndian(&out, kCrfFormatVersion, 4);
  PutLittleEndian(&out, L, 4);
  for (const std::string& l : labels_) {
    PutLittleEndian(&out, l.size(), 2);
    out += l;
  }
  PutLittleEndian(&out, F, 4);
  for (float t : transitions_) PutLittleEndian(&out, FloatBits(t), 4);
  for (float b : label_bias_) PutLittleEndian(&out, FloatBits(b), 4);
  AppendRiceCoded(fingerprints, &out);
  out.append(reinterpret_cast<const char*>(scale_codes_.data()), F);
  out.append(reinterpret_cast<const char*>(weights_.data()), F * L);  // without the padding
  const std::string classes = word_classes_.Serialize();
  PutLittleEndian(&out, classes.size(), 4);
  out += classes;
  PutLittleEndian(&out, Fnv1a64(out), 8);
  return out;
}

Status CrfModel::Parse(std::string_view bytes, CrfModel* out, bool verify_checksum) {
  *out = CrfModel();
  if (bytes.size() < sizeof(kMagic) || std::memcmp(bytes.data(), kMagic, sizeof(kMagic)) != 0) {
    return DataLoss("not a CRF model (bad magic)");
  }
  if (bytes.size() < sizeof(kMagic) + 4 + 8) return DataLoss("CRF model truncated");
  const std::string_view body = bytes.substr(0, bytes.size() - 8);
  ByteReader tail(bytes.substr(bytes.size() - 8));
  if (verify_checksum && tail.Int(8) != Fnv1a64(body)) {
    return DataLoss("CRF model checksum mismatch (corrupt or truncated)");
  }
  ByteReader r(body.substr(sizeof(kMagic)));
  const uint32_t version = static_cast<uint32_t>(r.Int(4));
  if (version < 1 || version > kCrfFormatVersion) {
    return Unimplemented("CRF format version " + std::to_string(version) + " (this engine reads 1 to " +
                         std::to_string(kCrfFormatVersion) + ")");
  }

  CrfModel m;
  const uint64_t L = r.Int(4);
  if (L == 0 || L > static_cast<uint64_t>(kCrfMaxLabels)) return DataLoss("CRF model has a bad label count");
  for (uint64_t i = 0; i < L && !r.truncated(); ++i) m.labels_.emplace_back(r.Bytes(r.Int(2)));
  const uint64_t F = r.Int(4);
  if (r.truncated()) return DataLoss("CRF model truncated");
  Status s = ValidateBioLabels(m.labels_);
  if (!s.ok()) return DataLoss("CRF model: " + s.message());
  const uint64_t bias_bytes = version >= 2 ? L * 4 : 0;
  // Every part but the Rice-coded fingerprints (version 3) has a size its counts give.
  const uint64_t expected = (L + 1) * L * 4 + bias_bytes + F * ((version >= 3 ? 0 : 8) + 1 + L);
  const bool size_ok = version >= 2 ? r.remaining() >= expected + 4 : r.remaining() == expected;
  if (!size_ok) return DataLoss("CRF model size does not match its counts");

  m.allowed_ = BioTransitionMask(m.labels_);
  m.transitions_.resize((L + 1) * L);
  for (float& t : m.transitions_) {
    t = BitsFloat(static_cast<uint32_t>(r.Int(4)));
    if (!std::isfinite(t)) return DataLoss("CRF model has a non-finite transition weight");
  }
  m.label_bias_.assign(L, 0.0f);
  if (version >= 2) {
    for (float& b : m.label_bias_) {
      b = BitsFloat(static_cast<uint32_t>(r.Int(4)));
      if (!std::isfinite(b)) return DataLoss("CRF model has a non-finite label bias");
    }
  }
  std::vector<uint64_t> hashes;        // versions 1-2
  std::vector<uint32_t> fingerprints;  // version 3
  if (version >= 3) {
    s = ReadRiceCoded(&r, F, &fingerprints);
    if (!s.ok()) return DataLoss("CRF model features: " + s.message());
    if (r.remaining() < F * (1 + L) + 4) return DataLoss("CRF model size does not match its counts");
  } else {
    hashes.resize(F);
    const std::string_view hash_bytes = r.Bytes(F * 8);  // the size check above makes them all there
    for (uint64_t f = 0; f < F && !r.truncated(); ++f) {
      hashes[f] = LoadLittleEndian64(hash_bytes.data() + f * 8);
      if (f > 0 && hashes[f] <= hashes[f - 1]) return DataLoss("CRF model feature hashes are not sorted");
    }
  }
  // memcpy, not assign(begin, end): libc++ copies char ranges into other byte types one at a time.
  const std::string_view codes = r.Bytes(F);
  m.scale_codes_.resize(F);
  if (F > 0 && !r.truncated()) std::memcpy(m.scale_codes_.data(), codes.data(), F);
  const std::string_view weights = r.Bytes(F * L);
  m.weights_.resize(F * L + kFixedLanes);  // with Index's padding, so that it does not reallocate
  if (F * L > 0 && !r.truncated()) std::memcpy(m.weights_.data(), weights.data(), F * L);
  if (version >= 2) {
    const uint64_t class_bytes = r.Int(4);
    if (class_bytes != r.remaining()) return DataLoss("CRF model size does not match its counts");
    s = WordClasses::Parse(r.Bytes(class_bytes), &m.word_classes_);
    if (!s.ok()) return DataLoss("CRF model: " + s.message());
  }
  if (r.truncated()) return DataLoss("CRF model truncated");
  if (version >= 3) {
    m.Index(fingerprints);
  } else {
    m.KeyByFingerprints(hashes);
  }
  *out = std::move(m);
  return Status::Ok();
}

Status CrfModel::SetLabelBias(const std::vector<float>& bias) {
  if (bias.size() != labels_.size()) return InvalidArgument("CRF label bias does not have one value per label");
  for (float b : bias) {
    if (!std::isfinite(b)) return InvalidArgument("CRF label bias is not finite");
  }
  label_bias_ = bias;
  return Status::Ok();
}

bool CrfModel::FeatureWeights(uint64_t hash, float* weights) const {
  const size_t L = labels_.size();
  const Slot* s = Find(hash);
  for (size_t l = 0; l < L; ++l) weights[l] = s ? s->scale * weights_[s->row * L + l] : 0.0f;
  return s != nullptr;
}

void CrfModel::Emissions(const std::vector<std::vector<uint64_t>>& features, std::vector<float>* scores) const {
  scores->resize(features.size() * labels_.size());
  Emissions(features, scores->data());
}

void CrfModel::Emissions(const std::vector<std::vector<uint64_t>>& features, float* scores) const {
  const size_t L = labels_.size(), T = features.size();
  for (size_t t = 0; t < T; ++t) std::copy(label_bias_.begin(), label_bias_.end(), scores + t * L);
  AddFeatureWeights(features, scores);
}

void CrfModel::AddFeatureWeights(const std::vector<std::vector<uint64_t>>& features, float* scores) const {
  const size_t L = labels_.size(), T = features.size();
  if (table_.empty()) return;  // an unbuilt model knows no feature
  // The table and the weights are larger than the caches, so lookups are memory-bound. The work
  // goes in three passes over the sentence so that the loads of each pass are independent of one
  // another and overlap: prefetch the home slots, probe them (prefetching the weight rows of the
  // known features and listing them per token), add.
  size_t n = 0;
  for (const auto& token : features) n += token.size();
  std::vector<const int8_t*> rows;  // the known features' weight rows, token after token
  std::vector<float> scales;        // and their scales
  std::vector<uint32_t> ends(T);    // [T] the end of each token's rows
  rows.reserve(n);
  scales.reserve(n);
  for (const auto& token : features) {
    for (uint64_t h : token) __builtin_prefetch(&table_[(FeatureFingerprint(h) * kGolden) >> table_shift_]);
  }
  for (size_t t = 0; t < T; ++t) {
    for (uint64_t h : features[t]) {
      const Slot* s = Find(h);
      if (!s) continue;
      const int8_t* row = weights_.data() + static_cast<size_t>(s->row) * L;
      __builtin_prefetch(row);
      rows.push_back(row);
      scales.push_back(s->scale);
    }
    ends[t] = static_cast<uint32_t>(rows.size());
  }
  for (size_t t = 0, begin = 0; t < T; begin = ends[t], ++t) {
    float* out = scores + t * L;
    if (L <= kFixedLanes) {
      AddRowsFixed(rows.data() + begin, scales.data() + begin, ends[t] - begin, L, out);
      continue;
    }
    for (size_t e = begin; e < ends[t]; ++e) {
      for (size_t l = 0; l < L; ++l) out[l] += scales[e] * static_cast<float>(rows[e][l]);
    }
  }
}

void CrfModel::DecodeScores(const float* scores, int T, std::vector<int>* labels) const {
  const int L = num_labels();
  if (L == 0) {
    labels->assign(T, 0);
    return;
  }
  Viterbi(scores, transitions_.data(), allowed_.data(), T, L, labels);
}

void CrfModel::Decode(const std::vector<std::vector<uint64_t>>& features, std::vector<int>* labels) const {
  const int L = num_labels();
  if (L == 0) {
    labels->assign(features.size(), 0);
    return;
  }
  std::vector<float> scores;  // [T][L]
  Emissions(features, &scores);
  Viterbi(scores.data(), transitions_.data(), allowed_.data(), static_cast<int>(features.size()), L, labels);
}

}  // namespace isnad
