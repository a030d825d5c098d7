#include "isnad/model/model_file.h"

#include <cstring>

namespace isnad {
namespace {

constexpr char kMagic[8] = {'I', 'S', 'N', 'A', 'D', 'M', 'D', 'L'};

uint64_t Fnv1a64(std::string_view bytes) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

void PutLittleEndian(std::string* out, uint64_t value, int width) {
  for (int i = 0; i < width; ++i) out->push_back(static_cast<char>((value >> (8 * i)) & 0xff));
}

// Reads little-endian integers from a byte range, remembering whether it ran past the end.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
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
    if (n > bytes_.size() - pos_) truncated_ = true;
    return !truncated_;
  }
  bool truncated() const { return truncated_; }
  size_t pos() const { return pos_; }

 private:
  std::string_view bytes_;
  size_t pos_ = 0;
  bool truncated_ = false;
};

}  // namespace

Status ParseModelFile(std::string_view bytes, ModelFile* out) {
  *out = ModelFile();
  if (bytes.size() < sizeof(kMagic) || std::memcmp(bytes.data(), kMagic, sizeof(kMagic)) != 0) {
    return DataLoss("not an Isnad model file (bad magic)");
  }
  if (bytes.size() < sizeof(kMagic) + 8 + 8) return DataLoss("model file truncated");
  const std::string_view body = bytes.substr(0, bytes.size() - 8);
  Reader tail(bytes.substr(bytes.size() - 8));
  if (tail.Int(8) != Fnv1a64(body)) return DataLoss("model file checksum mismatch (corrupt or truncated)");

  Reader r(body.substr(sizeof(kMagic)));
  const uint32_t version = static_cast<uint32_t>(r.Int(4));
  if (version != kModelFormatVersion) {
    return Unimplemented("model format version " + std::to_string(version) + " (this engine reads " +
                         std::to_string(kModelFormatVersion) + ")");
  }
  const uint64_t count = r.Int(4);
  ModelFile file;
  file.version = version;
  for (uint64_t i = 0; i < count && !r.truncated(); ++i) {
    std::string name(r.Bytes(r.Int(2)));
    std::string payload(r.Bytes(r.Int(8)));
    if (r.truncated()) break;
    if (!file.sections.emplace(std::move(name), std::move(payload)).second) {
      return DataLoss("model file has a duplicate section");
    }
  }
  if (r.truncated() || r.pos() != body.size() - sizeof(kMagic)) return DataLoss("model file truncated");
  *out = std::move(file);
  return Status::Ok();
}

std::string SerializeModelFile(const ModelFile& file) {
  std::string out(kMagic, sizeof(kMagic));
  PutLittleEndian(&out, file.version, 4);
  PutLittleEndian(&out, file.sections.size(), 4);
  for (const auto& [name, payload] : file.sections) {
    PutLittleEndian(&out, name.size(), 2);
    out += name;
    PutLittleEndian(&out, payload.size(), 8);
    out += payload;
  }
  PutLittleEndian(&out, Fnv1a64(out), 8);
  return out;
}

}  // namespace isnad
