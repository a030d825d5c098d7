#include "isnad/text/flat_string_map.h"

#include <cstring>

namespace isnad {
namespace {

constexpr uint64_t kMultiplier = 0x9E3779B97F4A7C15ull;

// The finalizer of MurmurHash3: every input bit affects every output bit, so the top bits (the
// map's slot) are well spread.
uint64_t Mix(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return h;
}

}  // namespace

uint64_t StringHash(std::string_view s) {
  uint64_t h = s.size() * kMultiplier;
  const char* p = s.data();
  size_t n = s.size();
  for (; n >= 8; p += 8, n -= 8) {
    uint64_t word;
    std::memcpy(&word, p, 8);
    h = (h ^ word) * kMultiplier;
    h ^= h >> 29;
  }
  if (n > 0) {
    uint64_t word = 0;
    std::memcpy(&word, p, n);
    h = (h ^ word) * kMultiplier;
    h ^= h >> 29;
  }
  return Mix(h);
}

}  // namespace isnad
