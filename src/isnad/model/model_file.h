// The versioned binary model file: a container of named sections.
//
// Layout (all integers little-endian):
//   magic        8 bytes  "ISNADMDL"
//   version      u32      kModelFormatVersion
//   count        u32      number of sections
//   count times:
//     name_len   u16, name (UTF-8, unique, sorted by the writer)
//     size       u64, payload (size bytes)
//   checksum     u64      FNV-1a 64 over every byte before it
//
// Sections are opaque bytes here; model.h gives them meaning. Writing the same sections always
// gives the same bytes.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "isnad/status.h"

namespace isnad {

constexpr uint32_t kModelFormatVersion = 1;

struct ModelFile {
  uint32_t version = kModelFormatVersion;
  std::map<std::string, std::string> sections;  // name -> payload
};

Status ParseModelFile(std::string_view bytes, ModelFile* out);
std::string SerializeModelFile(const ModelFile& file);

}  // namespace isnad
