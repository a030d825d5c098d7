// ModelLoader: Model::Load for bytes that arrive piece by piece (a model downloading). Each section
// is parsed as soon as it is complete and the sections it builds on are parsed, so parsing overlaps
// the download: the lexicons and gazetteer/base, which lead the file, are ready long before the
// CRF (85% of the bytes) has arrived. Finish() then checks the whole file as Model::Load does
// (structure, checksum, required sections, meta) and gives exactly the Model, or the error, that
// Model::Load gives for all the bytes at once. Model::Load is implemented with it.
//
//   ModelLoader loader;
//   loader.Reserve(content_length);           // optional
//   while (...) loader.Append(chunk);
//   Model model;
//   Status s = loader.Finish(&model);        // once; the loader is spent afterwards
//
// Sections parsed before Finish come from bytes whose checksum is not checked yet: their results
// are used only if Finish finds the file sound. Parsers copy what they keep, so the bytes can move.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "isnad/model/model.h"
#include "isnad/status.h"

namespace isnad {

class ModelLoader {
 public:
  ModelLoader() = default;
  ModelLoader(const ModelLoader&) = delete;
  ModelLoader& operator=(const ModelLoader&) = delete;

  void Reserve(size_t total_bytes) { owned_.reserve(total_bytes); }
  void Append(std::string_view bytes);
  Status Finish(Model* out);

 private:
  friend class Model;
  // The steps of loading, in Model::Load's order (the order errors are reported in).
  enum Step { kFolding, kQuotes, kClitics, kTime, kPatterns, kInflection, kLanguages, kAttribution, kEvents,
              kGazetteerBase, kGazetteerNames, kCrf, kStepCount };
  enum class State : uint8_t { kPending, kOk, kFailed };

  // Scans `all` (every byte so far) for newly complete sections and runs the steps they allow.
  void Advance(std::string_view all);
  // Runs `step` if its sections are complete and what it builds on has loaded; `final`: the whole
  // file is in, so an absent optional section is known to be absent.
  void TryStep(Step step, bool final);
  bool RunStep(Step step);  // the parse itself; false when a section it reads is missing
  Status Conclude(std::string_view all, Model* out);
  // A complete section's payload in the current bytes, or nullptr.
  const std::string_view* Section(const std::string& name);

  std::string owned_;      // the bytes appended so far
  std::string_view data_;  // the bytes being worked on (owned_, or Model::Load's)
  size_t scan_ = 0;        // where the next section header starts (0: the file header is not read yet)
  uint64_t sections_left_ = 0;
  bool stopped_ = false;  // the bytes are not a file this engine reads: Finish says why
  std::map<std::string, std::pair<size_t, size_t>> complete_;  // name -> (offset, size) of its payload
  std::string_view section_;                                   // Section()'s answer
  std::array<State, kStepCount> state_{};
  std::array<Status, kStepCount> status_{};
  Model model_;
};

}  // namespace isnad
