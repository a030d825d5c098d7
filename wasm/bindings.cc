// embind glue: the engine as the JavaScript side of wasm/index.js sees it. Thin on purpose: strings
// in (the model as bytes, UTF-8 text, an options JSON), JSON strings out. All logic lives in the
// engine; offsets are converted to UTF-16 code units by isnad::ToJson.
//
//   const engine = new core.Engine();
//   engine.load(modelBytes)                       -> '{"ok":true}' | '{"error":{...}}'
//   engine.analyze(text, '{"documentDate":"..."}') -> engine JSON  | '{"error":{...}}'
//   engine.delete()
//   core.version()                                -> "0.1.0"
//
// Errors are returned, never thrown: {"error":{"code":"invalid_argument","message":"..."}}.
#include <emscripten/bind.h>
#include <emscripten/heap.h>
#include <malloc.h>

#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "isnad/analyzer.h"
#include "isnad/document.h"
#include "isnad/json.h"
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
  std::string Load(const std::string& model_bytes) {
    std::unique_ptr<isnad::Analyzer> analyzer;
    isnad::Status status = isnad::Analyzer::Load(model_bytes, &analyzer);
    if (!status.ok()) return ErrorJson(status);
    analyzer_ = std::move(analyzer);
    return R"({"ok":true})";
  }

  // Analyzes UTF-8 text. options_json: "" or {"documentDate": "YYYY-MM-DD"}.
  std::string Analyze(const std::string& text, const std::string& options_json) const {
    if (!analyzer_) return ErrorJson("not_loaded", "no model is loaded");
    isnad::AnalyzeOptions options;
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
    }
    isnad::Document doc;
    isnad::Status status = analyzer_->Analyze(text, options, &doc);
    if (!status.ok()) return ErrorJson(status);
    isnad::JsonOptions json_options;
    json_options.offsets = isnad::OffsetUnit::kUtf16;
    json_options.indent = -1;
    return isnad::ToJson(doc, json_options);
  }

 private:
  std::unique_ptr<isnad::Analyzer> analyzer_;
};

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
      .function("load", &Engine::Load)
      .function("analyze", &Engine::Analyze);
  emscripten::function("version", &Version);
  emscripten::function("memoryStats", &MemoryStats);
}
