// isnad analyze --jsonl [--threads N]: batch mode for archives. Reads JSON Lines on stdin, each
//   {"id": "...", "text": "...", "date": "YYYY-MM-DD"}   (id and date optional)
// and writes one line per input line, in input order: the analysis JSON (with "doc": id), or
//   {"id": ..., "line": N, "error": "..."}
// for a line that is not such an object or whose text does not analyze. Blank lines are skipped.
// N threads each run their own Analyzer over one shared read-only model (Analyzer::Share).
#include <atomic>
#include <iostream>
#include <nlohmann/json.hpp>
#include <thread>

#include "cli/cli.h"
#include "isnad/json.h"

namespace isnad::cli {
namespace {

constexpr size_t kBatchLines = 512;  // lines read, analyzed and written per round

struct Record {
  size_t line = 0;
  std::string input;
  std::string output;
  bool failed = false;
};

std::string ErrorLine(const nlohmann::json& id, size_t line, const std::string& message) {
  nlohmann::ordered_json j;
  j["id"] = id;
  j["line"] = line;
  j["error"] = message;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void AnalyzeRecord(Analyzer& analyzer, const JsonOptions& base, Record* r) {
  const nlohmann::json in = nlohmann::json::parse(r->input, nullptr, /*allow_exceptions=*/false);
  const nlohmann::json id = in.is_object() && in.contains("id") ? in["id"] : nlohmann::json(nullptr);
  if (!in.is_object() || !in.contains("text") || !in["text"].is_string()) {
    r->output = ErrorLine(id, r->line, "expected an object with a string \"text\"");
    r->failed = true;
    return;
  }
  AnalyzeOptions options;
  if (in.contains("date")) {
    if (!in["date"].is_string()) {
      r->output = ErrorLine(id, r->line, "\"date\" must be a string YYYY-MM-DD");
      r->failed = true;
      return;
    }
    options.document_date = in["date"].get<std::string>();
  }
  Document doc;
  const Status s = analyzer.Analyze(in["text"].get_ref<const std::string&>(), options, &doc);
  if (!s.ok()) {
    r->output = ErrorLine(id, r->line, s.message());
    r->failed = true;
    return;
  }
  JsonOptions json = base;
  if (id.is_string()) json.doc_id = id.get<std::string>();
  else if (id.is_number()) json.doc_id = id.dump();
  r->output = ToJson(doc, json);
}

}  // namespace

int RunAnalyzeJsonl(Analyzer& analyzer, const JsonOptions& json, int threads) {
  std::vector<std::unique_ptr<Analyzer>> workers;
  for (int i = 1; i < threads; ++i) {
    std::unique_ptr<Analyzer> worker;
    const Status s = analyzer.Share(&worker);
    if (!s.ok()) {
      std::cerr << "isnad: " << s.ToString() << "\n";
      return kExitModelError;
    }
    workers.push_back(std::move(worker));
  }
  bool failed = false;
  size_t line_number = 0;
  std::string line;
  std::vector<Record> batch;
  while (std::cin) {
    batch.clear();
    while (batch.size() < kBatchLines && std::getline(std::cin, line)) {
      ++line_number;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      batch.push_back({line_number, std::move(line), "", false});
    }
    if (batch.empty()) break;
    std::atomic<size_t> next{0};
    auto work = [&](Analyzer& a) {
      for (size_t i = next++; i < batch.size(); i = next++) AnalyzeRecord(a, json, &batch[i]);
    };
    std::vector<std::thread> pool;
    for (auto& worker : workers) pool.emplace_back(work, std::ref(*worker));
    work(analyzer);
    for (std::thread& t : pool) t.join();
    for (const Record& r : batch) {
      std::cout << r.output << "\n";
      failed = failed || r.failed;
    }
  }
  std::cout.flush();
  if (!std::cout) return kExitOutputError;
  return failed ? kExitInputError : kExitOk;
}

}  // namespace isnad::cli
