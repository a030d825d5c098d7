// Little-endian byte I/O and the FNV-1a 64 hash, shared by the binary formats (model_file.h,
// ner/crf_model.h) and feature hashing (ner/features.h).
#pragma once

#include <cstdint>
#include <cstring>
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

// A checksum of `bytes` 8 at a time (for corruption, not an adversary): FNV-1a's step over each
// little-endian 64-bit word, then a shift-xor so that high bits reach low ones, then FNV-1a over
// the last size % 8 bytes. Every step is a bijection of the state, so changing any one word always
// changes the result. The same on every platform (words are assembled byte by byte).
inline uint64_t WordChecksum64(std::string_view bytes) {
  uint64_t h = kFnv1a64Offset;
  const size_t words = bytes.size() / 8;
  const unsigned char* p = reinterpret_cast<const unsigned char*>(bytes.data());
  for (size_t i = 0; i < words; ++i, p += 8) {
    const uint64_t w = uint64_t(p[0]) | uint64_t(p[1]) << 8 | uint64_t(p[2]) << 16 | uint64_t(p[3]) << 24 |
                       uint64_t(p[4]) << 32 | uint64_t(p[5]) << 40 | uint64_t(p[6]) << 48 | uint64_t(p[7]) << 56;
    h = (h ^ w) * kFnv1a64Prime;
    h ^= h >> 29;
  }
  return Fnv1a64Continue(h, bytes.substr(words * 8));
}

// The little-endian 64-bit word at p[0..8) (assembled byte by byte: the same on every platform).
inline uint64_t LoadLittleEndian64(const void* bytes) {
  const unsigned char* p = static_cast<const unsigned char*>(bytes);
  return uint64_t(p[0]) | uint64_t(p[1]) << 8 | uint64_t(p[2]) << 16 | uint64_t(p[3]) << 24 | uint64_t(p[4]) << 32 |
         uint64_t(p[5]) << 40 | uint64_t(p[6]) << 48 | uint64_t(p[7]) << 56;
}

// The IEEE 754 bits of a float and back, for the formats that store f32 values.
inline uint32_t FloatBits(float f) {
  uint32_t u;
  std::memcpy(&u, &f, 4);
  return u;
}

inline float BitsFloat(uint32_t u) {
  float f;
  std::memcpy(&f, &u, 4);
  return f;
}

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
