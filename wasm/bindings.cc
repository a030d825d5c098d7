// embind glue: the engine as the JavaScript side of wasm/index.js sees it. Thin on purpose: strings
// in (the model as bytes, UTF-8 text, an options JSON), JSON strings out. All logic lives in the
// engine; offsets are converted to UTF-16 code units by isnad::ToJson.
//
//   const engine = new core.Engine();
//   engine.load(modelBytes)                       -> '{"ok":true}' | '{"error":{...}}'
//   engine.analyze(text, '{"documentDate":"...","tokens":false}') -> engine JSON | '{"error":{...}}'
//   engine.delete()
//   core.version()                                -> "0.1.0"
//
// The same through the wasm heap, which wasm/index.js uses: embind copies a Uint8Array into the
// heap one byte at a time in JavaScript (tens of ms for the 2 MB model on a cold page) and scans
// every byte of a returned std::string, where HEAPU8.set, TextEncoder.encodeInto and TextDecoder
// are native copies.
//   const p = core.allocate(n)                    -> address of n bytes (0 when out of memory)
//   engine.analyzeAt(p, n, optionsJson)           -> byte length of the JSON (or error JSON) that
//                                                    engine.output() points at, valid until the
//                                                    next call on this engine
//   core.release(p)
//
// And the model as it downloads, each section parsed as soon as it is in (isnad/model/model_loader.h):
//   engine.beginLoad(expectedBytes or 0); engine.appendAt(p, n) for each piece;
//   engine.finishLoad()                           -> as load()
//
// Errors are returned, never thrown: {"error":{"code":"invalid_argument","message":"..."}}.
#include <emscripten/bind.h>
#include <emscripten/heap.h>
#include <malloc.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "isnad/analyzer.h"
#include "isnad/document.h"
#include "isnad/json.h"
#include "isnad/model/model_loader.h"
#include "isnad/status.h"

namespace {

const char* CodeName(isnad::StatusCode code) {
  switch (code) {
    case isnad::StatusCode::kOk: return "ok";
    case isnad::StatusCode::kInvalidArgument: return "invalid_argument";
    case isnad::StatusCode::kDataLoss: return "data_loss";
    case isnad::StatusCode::kUnimplemented: return "unimplemented";
    case isnad::StatusCode::kInternal: return "internal";
  }
  return "internal";
}

std::string ErrorJson(const std::string& code, const std::string& message) {
  nlohmann::json j = {{"error", {{"code", code}, {"message", message}}}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string ErrorJson(const isnad::Status& status) {
  return ErrorJson(CodeName(status.code()), status.message());
}

class Engine {
 public:
  // Loads (or replaces) the model from the bytes of models/isnad.model (a Uint8Array on the JS
  // side). The engine copies what it needs.
  std::string Load(std::string_view model_bytes) {
    std::unique_ptr<isnad::Analyzer> analyzer;
    isnad::Status status = isnad::Analyzer::Load(model_bytes, &analyzer);
    if (!status.ok()) return ErrorJson(status);
    analyzer_ = std::move(analyzer);
    return R"({"ok":true})";
  }

  void BeginLoad(size_t expected_bytes) {
    loader_ = std::make_unique<isnad::ModelLoader>();
    if (expected_bytes > 0) loader_->Reserve(expected_bytes);
  }
  void AppendAt(size_t address, size_t size) {
    if (loader_) loader_->Append(std::string_view(reinterpret_cast<const char*>(address), size));
  }
  std::string FinishLoad() {
    if (!loader_) return ErrorJson("internal", "finishLoad() without beginLoad()");
    const std::unique_ptr<isnad::ModelLoader> loader = std::move(loader_);
    std::unique_ptr<isnad::Analyzer> analyzer;
    isnad::Status status = isnad::Analyzer::Load(loader.get(), &analyzer);
    if (!status.ok()) return ErrorJson(status);
    analyzer_ = std::move(analyzer);
    return R"({"ok":true})";
  }

  size_t AnalyzeAt(size_t address, size_t size, const std::string& options_json) {
    output_ = Analyze(std::string_view(reinterpret_cast<const char*>(address), size), options_json);
    return output_.size();
  }
  size_t Output() const { return reinterpret_cast<size_t>(output_.data()); }

  // Analyzes UTF-8 text. options_json: "" or {"documentDate": "YYYY-MM-DD", "tokens": false}
  // (tokens false: "token_count" instead of the token list, isnad/json.h).
  std::string Analyze(std::string_view text, const std::string& options_json) const {
    if (!analyzer_) return ErrorJson("not_loaded", "no model is loaded");
    isnad::AnalyzeOptions options;
    isnad::JsonOptions json_options;
    json_options.offsets = isnad::OffsetUnit::kUtf16;
    json_options.indent = -1;
    if (!options_json.empty()) {
      nlohmann::json j = nlohmann::json::parse(options_json, nullptr, /*allow_exceptions=*/false);
      if (j.is_discarded() || !j.is_object()) {
        return ErrorJson("invalid_argument", "options must be a JSON object");
      }
      auto date = j.find("documentDate");
      if (date != j.end() && !date->is_null()) {
        if (!date->is_string()) {
          return ErrorJson("invalid_argument", "documentDate must be a string (YYYY-MM-DD)");
        }
        options.document_date = date->get<std::string>();
      }
      auto tokens = j.find("tokens");
      if (tokens != j.end() && !tokens->is_null()) {
        if (!tokens->is_boolean()) return ErrorJson("invalid_argument", "tokens must be a boolean");
        json_options.tokens = tokens->get<bool>();
      }
    }
    isnad::Document doc;
    isnad::Status status = analyzer_->Analyze(text, options, &doc);
    if (!status.ok()) return ErrorJson(status);
    return isnad::ToJson(doc, json_options);
  }

 private:
  std::unique_ptr<isnad::Analyzer> analyzer_;
  std::unique_ptr<isnad::ModelLoader> loader_;  // between beginLoad() and finishLoad()
  std::string output_;  // the last AnalyzeAt result
};

// Bridges the string forms above to embind, which binds std::string, not std::string_view.
std::string LoadString(Engine& engine, const std::string& model_bytes) { return engine.Load(model_bytes); }
std::string AnalyzeString(const Engine& engine, const std::string& text, const std::string& options_json) {
  return engine.Analyze(text, options_json);
}

size_t Allocate(size_t size) { return reinterpret_cast<size_t>(std::malloc(size)); }
void Release(size_t address) { std::free(reinterpret_cast<void*>(address)); }

std::string Version() { return isnad::EngineVersion(); }

// The wasm instance's memory: its size and the bytes malloc has handed out (diagnostics for
// leak tests; the instance is shared by every Engine of the module).
std::string MemoryStats() {
  const struct mallinfo info = mallinfo();
  nlohmann::json j;
  j["heapBytes"] = emscripten_get_heap_size();
  j["inUseBytes"] = info.uordblks;
  return j.dump();
}

}  // namespace

EMSCRIPTEN_BINDINGS(isnad) {
  emscripten::class_<Engine>("Engine")
      .constructor<>()
      .function("load", &LoadString)
      .function("analyze", &AnalyzeString)
      .function("analyzeAt", &Engine::AnalyzeAt)
      .function("output", &Engine::Output)
      .function("beginLoad", &Engine::BeginLoad)
      .function("appendAt", &Engine::AppendAt)
      .function("finishLoad", &Engine::FinishLoad);
  emscripten::function("allocate", &Allocate);
  emscripten::function("release", &Release);
  emscripten::function("version", &Version);
  emscripten::function("memoryStats", &MemoryStats);
}
