// isnad analyze: one JSON document per input. All inputs are read and analyzed before anything is
// written, so an invalid input leaves no partial output behind.
#include <cstdlib>
#include <iostream>

#include "cli/cli.h"
#include "isnad/json.h"

namespace isnad::cli {

int RunAnalyze(int argc, char** argv) {
  Args args;
  Status s = ParseArgs(argc, argv, 2, {"out-dir", "offsets", "date", "model", "threads"}, {"pretty", "jsonl", "no-tokens"}, &args);
  JsonOptions json;
  if (s.ok() && args.values.count("offsets")) s = ParseOffsetUnit(args.values["offsets"], &json.offsets);
  AnalyzeOptions options;
  if (s.ok() && args.values.count("date")) {
    options.document_date = args.values["date"];
    s = ValidateAnalyzeOptions(options);
  }
  const bool to_dir = args.values.count("out-dir") > 0;
  const bool jsonl = args.switches.count("jsonl") > 0;
  int threads = 1;
  if (s.ok() && args.values.count("threads")) {
    threads = std::atoi(args.values["threads"].c_str());
    if (!jsonl) s = InvalidArgument("--threads needs --jsonl");
    else if (threads < 1 || threads > 64) s = InvalidArgument("--threads must be 1..64");
  }
  if (s.ok() && jsonl && (to_dir || !args.positional.empty() || args.values.count("date"))) {
    s = InvalidArgument("--jsonl reads JSON Lines on stdin (each with its own date), not files");
  }
  std::vector<std::string> inputs = args.positional;
  if (inputs.empty()) inputs.push_back("-");
  if (s.ok() && to_dir) {
    for (const std::string& in : inputs) {
      if (in == "-") s = InvalidArgument("--out-dir needs input files (stdin has no name)");
    }
  }
  if (!s.ok()) {
    std::cerr << "isnad analyze: " << s.message() << "\n";
    return kExitUsage;
  }
  json.indent = args.switches.count("pretty") ? 1 : -1;
  json.tokens = args.switches.count("no-tokens") == 0;

  std::unique_ptr<Analyzer> analyzer;
  s = LoadAnalyzer(args, &analyzer);
  if (!s.ok()) {
    std::cerr << "isnad: " << s.ToString() << "\n";
    return kExitModelError;
  }

  if (jsonl) return RunAnalyzeJsonl(*analyzer, json, threads);

  std::vector<std::string> outputs;
  bool failed = false;
  for (const std::string& input : inputs) {
    Document doc;
    s = AnalyzeInput(*analyzer, input, options, &doc);
    if (!s.ok()) {
      std::cerr << "isnad: " << InputLabel(input) << ": " << s.message() << "\n";
      failed = true;
      continue;
    }
    json.doc_id = input == "-" ? "" : BaseName(input);
    outputs.push_back(ToJson(doc, json));
  }
  if (failed) return kExitInputError;

  for (size_t i = 0; i < inputs.size(); ++i) {
    if (to_dir) {
      const std::string path = args.values["out-dir"] + "/" + BaseName(inputs[i]) + ".json";
      s = WriteFile(path, outputs[i] + "\n");
      if (!s.ok()) {
        std::cerr << "isnad: " << s.message() << "\n";
        return kExitOutputError;
      }
    } else {
      std::cout << outputs[i] << "\n";
    }
  }
  std::cout.flush();
  return std::cout ? kExitOk : kExitOutputError;
}

}  // namespace isnad::cli
