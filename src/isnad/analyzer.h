// The public API of the Isnad engine.
//
//   std::unique_ptr<isnad::Analyzer> analyzer;
//   isnad::Status s = isnad::Analyzer::Load(model_bytes, &analyzer);
//   isnad::Document doc;
//   s = analyzer->Analyze(utf8_text, {}, &doc);
//   std::string json = isnad::ToJson(doc, isnad::OffsetUnit::kUtf16);   // see json.h
//
// One Analyzer serves any number of Analyze calls, one at a time: it keeps ICU iterator state, so
// concurrent callers each use their own Analyzer. Analyzer::Share gives another one over the same
// read-only model, so N threads hold one model, not N.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "isnad/document.h"
#include "isnad/status.h"

namespace isnad {

class Model;
class ModelLoader;
class Pipeline;

struct AnalyzeOptions {
  // The publication date of the text (YYYY-MM-DD), used to resolve relative TIME expressions.
  // Empty: none. Anything else that is not a calendar date is rejected by Analyze.
  std::string document_date;
  // Analysis layers to skip, by component name. Only the optional layers may be named: "time",
  // "entities", "entity-patterns", "clusters", "latin", "attributions", "events"; anything else
  // is rejected by Analyze. A skipped layer leaves its part of the Document empty, and the layers
  // after it see that (attributions without entities find no named sources).
  std::vector<std::string> disabled_layers;
};

// Ok when every option is well-formed (Analyze checks this too).
Status ValidateAnalyzeOptions(const AnalyzeOptions& options);

class Analyzer {
 public:
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  // Loads a model file (models/isnad.model, the format of model/model_file.h). The bytes are
  // copied; the caller may free them afterwards.
  static Status Load(std::string_view model_bytes, std::unique_ptr<Analyzer>* out);
  // The same from a model that arrived piece by piece (model/model_loader.h): finishes `loader`.
  static Status Load(ModelLoader* loader, std::unique_ptr<Analyzer>* out);

  // Another analyzer over this one's model, which both then share read-only: one per thread.
  Status Share(std::unique_ptr<Analyzer>* out) const;

  // Analyzes UTF-8 text. Invalid UTF-8 is rejected with kInvalidArgument naming the first bad
  // byte offset, and *out is left empty. Empty text gives an empty document.
  Status Analyze(std::string_view utf8_text, const AnalyzeOptions& options, Document* out);

  // Analyzes text that is already split into sentences and tokens (e.g. a CoNLL corpus): the text
  // is the tokens joined by single spaces, the sentences by newlines, and every component but
  // segmentation runs on it, over the whole document.
  Status AnalyzeTokens(const std::vector<std::vector<std::string>>& sentences, const AnalyzeOptions& options,
                       Document* out);

  // The model's format version and the version of the data it was built from.
  std::string ModelDescription() const;

 private:
  Analyzer();
  // An analyzer with its own pipeline over `model`.
  static Status Over(std::shared_ptr<const Model> model, std::unique_ptr<Analyzer>* out);
  std::shared_ptr<const Model> model_;
  std::unique_ptr<Pipeline> pipeline_;
};

// The engine's semantic version (also the CLI's --version and the npm package's version).
const char* EngineVersion();

// The version of the JSON output schema (json.h).
constexpr int kSchemaVersion = 1;

}  // namespace isnad
