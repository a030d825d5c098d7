#include "isnad/ner/word_classes.h"

#include <algorithm>
#include <numeric>

#include "isnad/model/binary_io.h"

namespace isnad {
namespace {

constexpr uint64_t kGolden = 0x9E3779B97F4A7C15ull;  // Fibonacci hashing multiplier

}  // namespace

void WordClasses::Index() {
  size_t capacity = 16;
  int bits = 4;
  while (capacity < hashes_.size() * 2) {
    capacity *= 2;
    ++bits;
  }
  slots_.assign(capacity, 0);
  slot_shift_ = 64 - bits;
  for (size_t w = 0; w < hashes_.size(); ++w) {
    size_t i = (hashes_[w] * kGolden) >> slot_shift_;
    while (slots_[i] != 0) i = (i + 1) & (capacity - 1);
    slots_[i] = static_cast<uint32_t>(w + 1);
  }
}

Status WordClasses::Build(const std::vector<uint16_t>& sizes, const std::vector<std::string>& words,
                          const std::vector<std::vector<uint16_t>>& classes, WordClasses* out) {
  *out = WordClasses();
  const size_t G = sizes.size();
  if (G > static_cast<size_t>(kMaxWordClusterings)) return InvalidArgument("too many word clusterings");
  if (classes.size() != words.size()) return InvalidArgument("word classes: one row of ids per word is needed");
  std::vector<size_t> order(words.size());
  std::iota(order.begin(), order.end(), 0);
  std::vector<uint64_t> hashes(words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    hashes[i] = Fnv1a64(words[i]);
    if (classes[i].size() != G) return InvalidArgument("word classes: word \"" + words[i] + "\" has the wrong id count");
    for (size_t g = 0; g < G; ++g) {
      if (classes[i][g] >= sizes[g]) return InvalidArgument("word classes: id out of range for \"" + words[i] + "\"");
    }
  }
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return hashes[a] < hashes[b]; });
  WordClasses m;
  m.sizes_ = sizes;
  for (size_t k = 0; k < order.size(); ++k) {
    const size_t i = order[k];
    if (k > 0 && hashes[i] == m.hashes_.back()) return InvalidArgument("word classes: a word is listed twice");
    m.hashes_.push_back(hashes[i]);
    m.classes_.insert(m.classes_.end(), classes[i].begin(), classes[i].end());
  }
  m.Index();
  *out = std::move(m);
  return Status::Ok();
}

std::string WordClasses::Serialize() const {
  std::string out;
  PutLittleEndian(&out, sizes_.size(), 1);
  for (uint16_t s : sizes_) PutLittleEndian(&out, s, 2);
  PutLittleEndian(&out, hashes_.size(), 4);
  const size_t G = sizes_.size();
  for (size_t w = 0; w < hashes_.size(); ++w) {
    PutLittleEndian(&out, hashes_[w], 8);
    for (size_t g = 0; g < G; ++g) PutLittleEndian(&out, classes_[w * G + g], 2);
  }
  return out;
}

Status WordClasses::Parse(std::string_view bytes, WordClasses* out) {
  *out = WordClasses();
  ByteReader r(bytes);
  WordClasses m;
  const uint64_t G = r.Int(1);
  if (G > static_cast<uint64_t>(kMaxWordClusterings)) return DataLoss("word classes: bad clustering count");
  for (uint64_t g = 0; g < G; ++g) m.sizes_.push_back(static_cast<uint16_t>(r.Int(2)));
  const uint64_t W = r.Int(4);
  if (r.truncated() || r.remaining() != W * (8 + 2 * G)) return DataLoss("word classes: size does not match counts");
  m.hashes_.resize(W);
  m.classes_.resize(W * G);
  // The size check above makes every row there: read them without a bounds check per value.
  const unsigned char* p = reinterpret_cast<const unsigned char*>(r.Bytes(r.remaining()).data());
  for (uint64_t w = 0; w < W; ++w) {
    m.hashes_[w] = LoadLittleEndian64(p);
    p += 8;
    if (w > 0 && m.hashes_[w] <= m.hashes_[w - 1]) return DataLoss("word classes: hashes are not sorted");
    for (uint64_t g = 0; g < G; ++g, p += 2) {
      const uint16_t id = static_cast<uint16_t>(p[0] | p[1] << 8);
      if (id >= m.sizes_[g]) return DataLoss("word classes: class id out of range");
      m.classes_[w * G + g] = id;
    }
  }
  m.Index();
  *out = std::move(m);
  return Status::Ok();
}

const uint16_t* WordClasses::Find(std::string_view word) const {
  if (hashes_.empty()) return nullptr;
  const uint64_t h = Fnv1a64(word);
  const size_t mask = slots_.size() - 1;
  for (size_t i = (h * kGolden) >> slot_shift_;; i = (i + 1) & mask) {
    const uint32_t slot = slots_[i];
    if (slot == 0) return nullptr;
    if (hashes_[slot - 1] == h) return classes_.data() + static_cast<size_t>(slot - 1) * sizes_.size();
  }
}

}  // namespace isnad
