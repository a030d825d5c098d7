// libFuzzer target over the engine's public entry point: Analyzer::Analyze on arbitrary bytes,
// then the JSON writer in each offset unit. Any input must give a Status (invalid UTF-8 is an
// error, never a crash), and a successful analysis must hold the Document's invariants.
//   toolchain/fuzz.sh SECONDS   (npm run fuzz -- SECONDS)
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include "isnad/analyzer.h"
#include "isnad/json.h"
#include "fuzz/document_invariants.h"

namespace {

isnad::Analyzer& SharedAnalyzer() {
  static std::unique_ptr<isnad::Analyzer> analyzer = [] {
    const char* env = std::getenv("ISNAD_MODEL");
    const std::string path = env ? env : std::string(ISNAD_SOURCE_DIR) + "/models/isnad.model";
    std::ifstream in(path, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::unique_ptr<isnad::Analyzer> a;
    if (!isnad::Analyzer::Load(bytes, &a).ok()) std::abort();
    return a;
  }();
  return *analyzer;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  isnad::Document doc;
  if (!SharedAnalyzer().Analyze(text, {}, &doc).ok()) return 0;
  if (!isnad::testing::DocumentInvariantsHold(doc)) std::abort();
  for (isnad::OffsetUnit unit : {isnad::OffsetUnit::kUtf16, isnad::OffsetUnit::kCodepoint, isnad::OffsetUnit::kUtf8}) {
    isnad::JsonOptions options;
    options.offsets = unit;
    if (isnad::ToJson(doc, options).empty()) std::abort();
  }
  return 0;
}
