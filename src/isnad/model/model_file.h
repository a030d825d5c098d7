// The versioned binary model file: a container of named sections.
//
// Layout (all integers little-endian):
//   magic        8 bytes  "ISNADMDL"
//   version      u32      kModelFormatVersion
//   count        u32      number of sections
//   count times:
//     name_len   u16, name (UTF-8, unique, sorted by the writer)
//     size       u64, payload (size bytes)
//   checksum     u64      over every byte before it: version 2, WordChecksum64 (model/binary_io.h,
//                         8 bytes a step); version 1, FNV-1a 64 (a byte a step)
//
// Version 2 differs from version 1 only in the checksum: verifying 2 MB a byte at a time took
// 3-5 ms of a cold page's start in wasm (unoptimized code runs each long loop to its end). Both
// are read; SerializeModelFile writes the version it is given.
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

constexpr uint32_t kModelFormatVersion = 2;  // ParseModelFile also reads version 1

struct ModelFile {
  uint32_t version = kModelFormatVersion;
  std::map<std::string, std::string> sections;  // name -> payload
};

// A parsed file whose sections point into the bytes it was parsed from (which must outlive it):
// what loading needs, without copying 2 MB of payloads.
struct ModelFileView {
  uint32_t version = kModelFormatVersion;
  std::map<std::string_view, std::string_view> sections;  // name -> payload
};

Status ParseModelFile(std::string_view bytes, ModelFileView* out);
Status ParseModelFile(std::string_view bytes, ModelFile* out);
std::string SerializeModelFile(const ModelFile& file);

}  // namespace isnad
