// Builds a model file from the project's data (native only; never linked into the wasm module).
// Each lexicon is checked with the same parser the engine loads it with, so a bad TSV row fails
// the build instead of the first analysis.
#pragma once

#include <string>

#include "isnad/status.h"

namespace isnad {

struct ModelBuildInput {
  std::string lexicon_dir;  // holds <name>.tsv for each of RequiredLexicons()
  std::string name = "isnad-base";
};

// Writes the serialized model into *bytes. Deterministic: the same inputs give the same bytes.
Status BuildModel(const ModelBuildInput& input, std::string* bytes);

}  // namespace isnad
