// isnad bench: single-thread throughput of the whole pipeline over some text files, of the entity
// layers alone (the attribution, event and Latin layers disabled), and the floor of ICU word
// breaking alone over the same bytes. Prints one JSON object.
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <chrono>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/cli.h"
#include "isnad/json.h"

namespace isnad::cli {
namespace {

using Clock = std::chrono::steady_clock;

// Best wall time of `repeat` runs of fn, in seconds.
template <typename Fn>
double BestOf(int repeat, Fn fn) {
  double best = 1e300;
  for (int i = 0; i < repeat; ++i) {
    const auto start = Clock::now();
    fn();
    best = std::min(best, std::chrono::duration<double>(Clock::now() - start).count());
  }
  return best;
}

// Iterates every word boundary of `text`; returns the boundary count so the work is not elided.
size_t IcuWordBreakOnly(icu::BreakIterator* words, const std::string& text) {
  UErrorCode error = U_ZERO_ERROR;
  UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &error);
  words->setText(utext, error);
  size_t count = 0;
  for (int32_t b = words->first(); b != icu::BreakIterator::DONE; b = words->next()) ++count;
  words->setText(icu::UnicodeString());
  utext_close(utext);
  return count;
}

}  // namespace

int RunBench(int argc, char** argv) {
  Args args;
  Status s = ParseArgs(argc, argv, 2, {"repeat", "model"}, {}, &args);
  if (!s.ok() || args.positional.empty()) {
    std::cerr << "isnad bench: " << (s.ok() ? "needs FILE..." : s.message()) << "\n";
    return kExitUsage;
  }
  const int repeat = args.values.count("repeat") ? std::max(1, std::stoi(args.values["repeat"])) : 5;
  std::vector<std::string> texts;
  size_t bytes = 0;
  for (const std::string& path : args.positional) {
    texts.emplace_back();
    s = ReadFile(path, &texts.back());
    if (!s.ok()) {
      std::cerr << "isnad bench: " << s.message() << "\n";
      return kExitInputError;
    }
    bytes += texts.back().size();
  }
  std::unique_ptr<Analyzer> analyzer;
  s = LoadAnalyzer(args, &analyzer);
  if (!s.ok()) {
    std::cerr << "isnad: " << s.ToString() << "\n";
    return kExitModelError;
  }

  size_t tokens = 0;
  Document doc;
  for (const std::string& text : texts) {
    s = analyzer->Analyze(text, {}, &doc);
    if (!s.ok()) {
      std::cerr << "isnad bench: " << s.message() << "\n";
      return kExitInputError;
    }
    tokens += doc.tokens.size();
  }
  const double engine_seconds = BestOf(repeat, [&] {
    for (const std::string& text : texts) analyzer->Analyze(text, {}, &doc).ok();
  });

  // Segmentation, TIME, the entity tagger, patterns and clusters: the entity layers of issue 3.
  AnalyzeOptions entities_only;
  entities_only.disabled_layers = {"latin", "attributions", "events"};
  const double entities_seconds = BestOf(repeat, [&] {
    for (const std::string& text : texts) analyzer->Analyze(text, entities_only, &doc).ok();
  });

  // The whole pipeline with the JSON the CLI and the npm package return (UTF-16 offsets).
  size_t json_bytes = 0;
  const double engine_json_seconds = BestOf(repeat, [&] {
    json_bytes = 0;
    for (const std::string& text : texts) {
      analyzer->Analyze(text, {}, &doc).ok();
      json_bytes += ToJson(doc, {}).size();
    }
  });

  UErrorCode error = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> words(icu::BreakIterator::createWordInstance(icu::Locale("ar"), error));
  size_t boundaries = 0;
  const double icu_seconds = BestOf(repeat, [&] {
    boundaries = 0;
    for (const std::string& text : texts) boundaries += IcuWordBreakOnly(words.get(), text);
  });

  nlohmann::ordered_json out;
  out["files"] = args.positional.size();
  out["bytes"] = bytes;
  out["tokens"] = tokens;
  out["repeat"] = repeat;
  out["engine"] = {{"seconds", engine_seconds}, {"tokens_per_second", tokens / engine_seconds}};
  out["engine_with_json"] = {{"seconds", engine_json_seconds}, {"tokens_per_second", tokens / engine_json_seconds},
                             {"json_bytes", json_bytes}};
  out["icu_word_break"] = {{"seconds", icu_seconds}, {"tokens_per_second", tokens / icu_seconds},
                           {"boundaries", boundaries}};
  out["engine_to_icu_ratio"] = icu_seconds / engine_seconds;
  out["entity_layers"] = {{"seconds", entities_seconds}, {"tokens_per_second", tokens / entities_seconds},
                          {"to_icu_ratio", icu_seconds / entities_seconds}};
  std::cout << out.dump(1) << "\n";
  return kExitOk;
}

}  // namespace isnad::cli
