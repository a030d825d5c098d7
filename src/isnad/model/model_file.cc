#include "isnad/model/model_file.h"

#include <cstring>

#include "isnad/model/binary_io.h"

namespace isnad {
namespace {

constexpr char kMagic[8] = {'I', 'S', 'N', 'A', 'D', 'M', 'D', 'L'};

uint64_t Checksum(uint32_t version, std::string_view body) {
  return version == 1 ? Fnv1a64(body) : WordChecksum64(body);
}

}  // namespace

Status ParseModelFile(std::string_view bytes, ModelFileView* out) {
  *out = ModelFileView();
  if (bytes.size() < sizeof(kMagic) || std::memcmp(bytes.data(), kMagic, sizeof(kMagic)) != 0) {
    return DataLoss("not an Isnad model file (bad magic)");
  }
  if (bytes.size() < sizeof(kMagic) + 8 + 8) return DataLoss("model file truncated");
  const std::string_view body = bytes.substr(0, bytes.size() - 8);
  ByteReader r(body.substr(sizeof(kMagic)));
  const uint32_t version = static_cast<uint32_t>(r.Int(4));
  if (version != 1 && version != kModelFormatVersion) {
    return Unimplemented("model format version " + std::to_string(version) + " (this engine reads 1 to " +
                         std::to_string(kModelFormatVersion) + ")");
  }
  ByteReader tail(bytes.substr(bytes.size() - 8));
  if (tail.Int(8) != Checksum(version, body)) return DataLoss("model file checksum mismatch (corrupt or truncated)");

  const uint64_t count = r.Int(4);
  ModelFileView file;
  file.version = version;
  for (uint64_t i = 0; i < count && !r.truncated(); ++i) {
    const std::string_view name = r.Bytes(r.Int(2));
    const std::string_view payload = r.Bytes(r.Int(8));
    if (r.truncated()) break;
    if (!file.sections.emplace(name, payload).second) return DataLoss("model file has a duplicate section");
  }
  if (r.truncated() || r.pos() != body.size() - sizeof(kMagic)) return DataLoss("model file truncated");
  *out = std::move(file);
  return Status::Ok();
}

Status ParseModelFile(std::string_view bytes, ModelFile* out) {
  *out = ModelFile();
  ModelFileView view;
  Status s = ParseModelFile(bytes, &view);
  if (!s.ok()) return s;
  out->version = view.version;
  for (const auto& [name, payload] : view.sections) out->sections.emplace(name, payload);
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
  PutLittleEndian(&out, Checksum(file.version, out), 8);
  return out;
}

}  // namespace isnad
