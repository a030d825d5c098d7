#include "isnad/model/rice_code.h"

#include <algorithm>

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

namespace {

// Reads bits least significant first through a 64-bit buffer refilled a byte at a time.
class BitReader {
 public:
  explicit BitReader(std::string_view bytes) : bytes_(bytes) {}
  // Counts and consumes one bits up to the next zero bit, which it consumes too. False when the
  // bits end first.
  bool ReadUnary(uint64_t* ones) {
    *ones = 0;
    while (true) {
      Refill();
      if (available_ == 0) return false;
      const int run = buffer_ == ~uint64_t{0} ? 64 : __builtin_ctzll(~buffer_);
      if (run < available_) {
        *ones += run;
        Consume(run + 1);
        return true;
      }
      *ones += available_;
      Consume(available_);
    }
  }
  // The next k <= 32 bits as a number; false when fewer are left.
  bool Read(int k, uint64_t* value) {
    Refill();
    if (available_ < k) return false;
    *value = k == 0 ? 0 : buffer_ & ((uint64_t{1} << k) - 1);
    Consume(k);
    return true;
  }
  // Whole bytes not yet read into the buffer, plus those in it beyond the current one.
  size_t BytesLeft() const { return bytes_.size() - next_ + available_ / 8; }

 private:
  void Refill() {
    while (available_ <= 56 && next_ < bytes_.size()) {
      buffer_ |= uint64_t{static_cast<unsigned char>(bytes_[next_++])} << available_;
      available_ += 8;
    }
  }
  void Consume(int n) {
    buffer_ = n == 64 ? 0 : buffer_ >> n;
    available_ -= n;
  }

  std::string_view bytes_;
  size_t next_ = 0;     // the next byte to load
  uint64_t buffer_ = 0;
  int available_ = 0;   // bits in buffer_
};

}  // namespace

Status ReadRiceCoded(ByteReader* reader, size_t count, std::vector<uint32_t>* out) {
  out->clear();
  const uint64_t k = reader->Int(1);
  const uint64_t length = reader->Int(4);
  const std::string_view bytes = reader->Bytes(length);
  if (reader->truncated()) return DataLoss("Rice-coded values truncated");
  if (k > 31) return DataLoss("Rice parameter out of range");
  if (count > length * 8) return DataLoss("Rice-coded values truncated");  // each takes a bit at least
  BitReader bits(bytes);
  out->reserve(count);
  uint64_t previous = 0;
  for (size_t i = 0; i < count; ++i) {
    uint64_t q = 0, low = 0;
    if (!bits.ReadUnary(&q) || !bits.Read(static_cast<int>(k), &low)) {
      return DataLoss("Rice-coded values truncated");
    }
    if (q > (uint64_t{UINT32_MAX} >> k)) return DataLoss("Rice-coded value overflows 32 bits");
    const uint64_t gap = (q << k) | low;
    const uint64_t value = i == 0 ? gap : previous + 1 + gap;
    if (value > UINT32_MAX) return DataLoss("Rice-coded value overflows 32 bits");
    out->push_back(static_cast<uint32_t>(value));
    previous = value;
  }
  if (bits.BytesLeft() != 0) return DataLoss("Rice-coded values: bytes left over");
  return Status::Ok();
}

}  // namespace isnad
