// Little-endian byte I/O and the FNV-1a 64 hash, shared by the binary formats (model_file.h,
// ner/crf_model.h) and feature hashing (ner/features.h).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace isnad {

constexpr uint64_t kFnv1a64Offset = 0xcbf29ce484222325ull;
constexpr uint64_t kFnv1a64Prime = 0x100000001b3ull;

// Continues an FNV-1a 64 hash over `bytes`; Fnv1a64Continue(kFnv1a64Offset, s) is the hash of s.
constexpr uint64_t Fnv1a64Continue(uint64_t h, std::string_view bytes) {
  for (unsigned char c : bytes) {
    h ^= c;
    h *= kFnv1a64Prime;
  }
  return h;
}

inline uint64_t Fnv1a64(std::string_view bytes) { return Fnv1a64Continue(kFnv1a64Offset, bytes); }

// Appends the low `width` bytes of `value`, least significant first.
inline void PutLittleEndian(std::string* out, uint64_t value, int width) {
  for (int i = 0; i < width; ++i) out->push_back(static_cast<char>((value >> (8 * i)) & 0xff));
}

// Little-endian reads from a byte range. Past the end, reads give 0 (or an empty view) and
// truncated() turns true for good.
class ByteReader {
 public:
  explicit ByteReader(std::string_view bytes) : bytes_(bytes) {}
  uint64_t Int(int width) {
    if (!Has(width)) return 0;
    uint64_t v = 0;
    for (int i = 0; i < width; ++i) v |= uint64_t(static_cast<unsigned char>(bytes_[pos_ + i])) << (8 * i);
    pos_ += width;
    return v;
  }
  std::string_view Bytes(uint64_t n) {
    if (!Has(n)) return {};
    std::string_view v = bytes_.substr(pos_, n);
    pos_ += n;
    return v;
  }
  bool Has(uint64_t n) {
    if (truncated_ || n > bytes_.size() - pos_) truncated_ = true;
    return !truncated_;
  }
  bool truncated() const { return truncated_; }
  size_t pos() const { return pos_; }
  size_t remaining() const { return bytes_.size() - pos_; }

 private:
  std::string_view bytes_;
  size_t pos_ = 0;
  bool truncated_ = false;
};

}  // namespace isnad
