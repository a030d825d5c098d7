#include "isnad/ner/name_likeness.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>

#include "isnad/model/binary_io.h"
#include "isnad/model/rice_code.h"

namespace isnad {
namespace {

constexpr uint32_t kGolden32 = 0x9E3779B9u;  // Fibonacci hashing multiplier

}  // namespace

uint32_t NgramFingerprint(std::string_view ngram) {
  const uint64_t h = Fnv1a64(ngram);
  return static_cast<uint32_t>(h ^ (h >> 32));
}

Status NameLikeness::Build(int max_n, const std::vector<std::string>& kinds, const std::vector<std::string>& ngrams,
                           const std::vector<std::vector<float>>& ratios, const std::vector<float>& unknown,
                           float step, NameLikeness* out) {
  *out = NameLikeness();
  const size_t K = kinds.size();
  if (max_n < 2 || max_n > 8) return InvalidArgument("name likeness: n-grams of 2 to 8 letters");
  if (K == 0 || K > static_cast<size_t>(kMaxLikenessKinds)) return InvalidArgument("name likeness: bad kind count");
  for (const std::string& k : kinds) {
    if (k.empty() || k.size() > 255) return InvalidArgument("name likeness: bad kind name");
  }
  if (unknown.size() != K || ratios.size() != ngrams.size()) return InvalidArgument("name likeness: mismatched sizes");
  if (!(step > 0) || !std::isfinite(step)) return InvalidArgument("name likeness: bad step");
  for (float u : unknown) {
    if (!std::isfinite(u)) return InvalidArgument("name likeness: non-finite ratio");
  }
  std::vector<uint32_t> fingerprints(ngrams.size());
  for (size_t g = 0; g < ngrams.size(); ++g) {
    fingerprints[g] = NgramFingerprint(ngrams[g]);
    if (ratios[g].size() != K) return InvalidArgument("name likeness: mismatched sizes");
    for (float r : ratios[g]) {
      if (!std::isfinite(r)) return InvalidArgument("name likeness: non-finite ratio");
    }
  }
  std::vector<size_t> order(ngrams.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return fingerprints[a] < fingerprints[b]; });
  NameLikeness m;
  m.max_n_ = max_n;
  m.kinds_ = kinds;
  m.unknown_ = unknown;
  m.step_ = step;
  for (size_t i : order) {
    // Two n-grams with one fingerprint (one pair in 2^32 / G): the first in fingerprint order stays.
    if (!m.fingerprints_.empty() && m.fingerprints_.back() == fingerprints[i]) continue;
    m.fingerprints_.push_back(fingerprints[i]);
    for (float r : ratios[i]) {
      m.ratios_.push_back(static_cast<int8_t>(std::clamp(std::lround(r / step), -127L, 127L)));
    }
  }
  m.Index();
  *out = std::move(m);
  return Status::Ok();
}

void NameLikeness::Index() {
  size_t capacity = 16;
  int bits = 4;
  while (capacity < fingerprints_.size() * 2) {
    capacity *= 2;
    ++bits;
  }
  slots_.assign(capacity, 0);
  slot_shift_ = 32 - bits;
  for (size_t g = 0; g < fingerprints_.size(); ++g) {
    size_t i = (fingerprints_[g] * kGolden32) >> slot_shift_;
    while (slots_[i] != 0) i = (i + 1) & (capacity - 1);
    slots_[i] = static_cast<uint32_t>(g + 1);
  }
}

int64_t NameLikeness::Row(uint32_t fingerprint) const {
  if (slots_.empty()) return -1;
  const size_t mask = slots_.size() - 1;
  for (size_t i = (fingerprint * kGolden32) >> slot_shift_;; i = (i + 1) & mask) {
    const uint32_t slot = slots_[i];
    if (slot == 0) return -1;
    if (fingerprints_[slot - 1] == fingerprint) return slot - 1;
  }
}

void NameLikeness::Scores(std::string_view word, float* scores) const {
  const size_t K = kinds_.size();
  float sums[kMaxLikenessKinds] = {};
  int count = 0;
  ForEachLetterNgram(word, max_n_, [&](std::string_view ngram) {
    ++count;
    const int64_t row = Row(NgramFingerprint(ngram));
    for (size_t k = 0; k < K; ++k) sums[k] += row < 0 ? unknown_[k] : step_ * ratios_[row * K + k];
  });
  for (size_t k = 0; k < K; ++k) scores[k] = count == 0 ? 0.0f : sums[k] / static_cast<float>(count);
}

void NameLikeness::Levels(std::string_view word, int8_t* levels) const {
  float scores[kMaxLikenessKinds];
  Scores(word, scores);
  for (size_t k = 0; k < kinds_.size(); ++k) {
    const long level = std::lround(scores[k] / kLikenessLevelStep);
    levels[k] = static_cast<int8_t>(std::clamp<long>(level, -kLikenessMaxLevel, kLikenessMaxLevel));
  }
}

std::string NameLikeness::Serialize() const {
  std::string out;
  if (empty()) {
    PutLittleEndian(&out, 0, 1);
    return out;
  }
  PutLittleEndian(&out, max_n_, 1);
  PutLittleEndian(&out, kinds_.size(), 1);
  for (const std::string& k : kinds_) {
    PutLittleEndian(&out, k.size(), 1);
    out += k;
  }
  for (float u : unknown_) PutLittleEndian(&out, FloatBits(u), 4);
  PutLittleEndian(&out, FloatBits(step_), 4);
  PutLittleEndian(&out, fingerprints_.size(), 4);
  AppendRiceCoded(fingerprints_, &out);
  out.append(reinterpret_cast<const char*>(ratios_.data()), ratios_.size());
  return out;
}

Status NameLikeness::Parse(std::string_view bytes, NameLikeness* out) {
  *out = NameLikeness();
  ByteReader r(bytes);
  NameLikeness m;
  m.max_n_ = static_cast<int>(r.Int(1));
  if (r.truncated()) return DataLoss("name likeness truncated");
  if (m.max_n_ == 0) {
    if (r.remaining() != 0) return DataLoss("name likeness: bytes after an empty model");
    return Status::Ok();
  }
  if (m.max_n_ < 2 || m.max_n_ > 8) return DataLoss("name likeness: bad n-gram length");
  const uint64_t K = r.Int(1);
  if (K == 0 || K > static_cast<uint64_t>(kMaxLikenessKinds)) return DataLoss("name likeness: bad kind count");
  for (uint64_t k = 0; k < K && !r.truncated(); ++k) {
    m.kinds_.emplace_back(r.Bytes(r.Int(1)));
    if (m.kinds_.back().empty() && !r.truncated()) return DataLoss("name likeness: empty kind name");
  }
  for (uint64_t k = 0; k < K; ++k) m.unknown_.push_back(BitsFloat(static_cast<uint32_t>(r.Int(4))));
  m.step_ = BitsFloat(static_cast<uint32_t>(r.Int(4)));
  const uint64_t G = r.Int(4);
  if (r.truncated()) return DataLoss("name likeness truncated");
  for (float u : m.unknown_) {
    if (!std::isfinite(u)) return DataLoss("name likeness: non-finite ratio");
  }
  if (!(m.step_ > 0) || !std::isfinite(m.step_)) return DataLoss("name likeness: bad step");
  if (G > r.remaining()) return DataLoss("name likeness: more n-grams than bytes");
  Status s = ReadRiceCoded(&r, G, &m.fingerprints_);
  if (!s.ok()) return DataLoss("name likeness n-grams: " + s.message());
  if (r.remaining() != G * K) return DataLoss("name likeness size does not match its counts");
  const std::string_view ratios = r.Bytes(G * K);
  m.ratios_.resize(G * K);
  if (G * K > 0) std::memcpy(m.ratios_.data(), ratios.data(), G * K);
  m.Index();
  *out = std::move(m);
  return Status::Ok();
}

}  // namespace isnad
