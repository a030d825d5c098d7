#include "isnad/model/rice_code.h"

namespace isnad {
namespace {

// The gaps of a strictly increasing list (see the header).
uint32_t GapAt(const std::vector<uint32_t>& v, size_t i) { return i == 0 ? v[0] : v[i] - v[i - 1] - 1; }

class BitWriter {
 public:
  explicit BitWriter(std::string* out) : out_(out) {}
  void Put(bool bit) {
    if (used_ == 0) out_->push_back(0);
    if (bit) out_->back() = static_cast<char>(static_cast<unsigned char>(out_->back()) | (1u << used_));
    used_ = (used_ + 1) & 7;
  }

 private:
  std::string* out_;
  int used_ = 0;  // bits used in the last byte (0: a new byte comes next)
};

}  // namespace

void AppendRiceCoded(const std::vector<uint32_t>& increasing, std::string* out) {
  int best_k = 0;
  uint64_t best_bits = UINT64_MAX;
  for (int k = 0; k < 32; ++k) {
    uint64_t bits = 0;
    for (size_t i = 0; i < increasing.size(); ++i) bits += (uint64_t{GapAt(increasing, i)} >> k) + 1 + k;
    if (bits < best_bits) {
      best_bits = bits;
      best_k = k;
    }
  }
  std::string stream;
  stream.reserve((best_bits + 7) / 8);
  BitWriter w(&stream);
  for (size_t i = 0; i < increasing.size(); ++i) {
    const uint32_t gap = GapAt(increasing, i);
    for (uint32_t q = gap >> best_k; q > 0; --q) w.Put(true);
    w.Put(false);
    for (int b = 0; b < best_k; ++b) w.Put((gap >> b) & 1);
  }
  out->push_back(static_cast<char>(best_k));
  PutLittleEndian(out, stream.size(), 4);
  *out += stream;
}

Status ReadRiceCoded(ByteReader* reader, size_t count, std::vector<uint32_t>* out) {
  out->clear();
  const uint64_t k = reader->Int(1);
  const uint64_t length = reader->Int(4);
  const std::string_view bytes = reader->Bytes(length);
  if (reader->truncated()) return DataLoss("Rice-coded values truncated");
  if (k > 31) return DataLoss("Rice parameter out of range");
  const uint64_t total_bits = length * 8;
  uint64_t pos = 0;
  auto bit = [&]() { return (static_cast<unsigned char>(bytes[pos >> 3]) >> (pos & 7)) & 1; };
  out->reserve(count);
  uint64_t previous = 0;
  for (size_t i = 0; i < count; ++i) {
    uint64_t q = 0;
    while (pos < total_bits && bit()) {
      ++q;
      ++pos;
    }
    if (pos + 1 + k > total_bits) return DataLoss("Rice-coded values truncated");
    ++pos;  // the zero that ends the quotient
    uint64_t gap = q << k;
    for (uint64_t b = 0; b < k; ++b, ++pos) gap |= static_cast<uint64_t>(bit()) << b;
    const uint64_t value = i == 0 ? gap : previous + 1 + gap;
    if (value > UINT32_MAX) return DataLoss("Rice-coded value overflows 32 bits");
    out->push_back(static_cast<uint32_t>(value));
    previous = value;
  }
  if ((pos + 7) / 8 != length) return DataLoss("Rice-coded values: bytes left over");
  return Status::Ok();
}

}  // namespace isnad
