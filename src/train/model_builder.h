// Builds a model file from the project's data (native only; never linked into the wasm module).
// Each lexicon is checked with the same parser the engine loads it with, so a bad TSV row fails
// the build instead of the first analysis.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "isnad/status.h"

namespace isnad {

struct ModelBuildInput {
  std::string lexicon_dir;  // holds <name>.tsv for each of RequiredLexicons()
  std::string name = "isnad";
  // Sections produced by training ("ner/..."), carried as they are: from `isnad train`, or from
  // the previous model when only the lexicons are rebuilt.
  std::map<std::string, std::string> trained_sections;
};

// A file of lexicons/gazetteer/ that goes into the built-in gazetteer.
struct GazetteerList {
  enum Kind {
    kMatchingForm,  // entries in the matching form (designators, pattern heads)
    kSpelled,       // curated names spelled as news writes them, put in the matching form
    kExclusions,    // (name, category) entries to remove from what the lists before added
  };
  std::string name;  // <name>.tsv
  Kind kind;
};
// In the order they apply: the designator lists, the curated name lists, then the exclusions.
const std::vector<GazetteerList>& GazetteerLists();

// The trained sections of a model file (names starting with "ner/"), for a rebuild.
Status TrainedSections(std::string_view model_bytes, std::map<std::string, std::string>* out);

// Writes the serialized model into *bytes. Deterministic: the same inputs give the same bytes.
Status BuildModel(const ModelBuildInput& input, std::string* bytes);

}  // namespace isnad
