// isnad model build | info
#include <iostream>

#include "cli/cli.h"
#include "train/model_builder.h"

namespace isnad::cli {

int RunModel(int argc, char** argv) {
  const std::string sub = argc > 2 ? argv[2] : "";
  Args args;
  Status s = ParseArgs(argc, argv, 3, {"lexicons", "out", "model", "name", "base"}, {}, &args);
  if (!s.ok() || (sub != "build" && sub != "info")) {
    std::cerr << "isnad model: " << (s.ok() ? "expected 'build' or 'info'" : s.message()) << "\n";
    return kExitUsage;
  }
  if (sub == "info") {
    if (!args.positional.empty()) args.values["model"] = args.positional[0];
    std::unique_ptr<Analyzer> analyzer;
    s = LoadAnalyzer(args, &analyzer);
    if (!s.ok()) {
      std::cerr << "isnad: " << s.ToString() << "\n";
      return kExitModelError;
    }
    std::cout << ModelPath(args) << ": " << analyzer->ModelDescription() << "\n";
    return kExitOk;
  }
  if (!args.values.count("lexicons") || !args.values.count("out")) {
    std::cerr << "isnad model build: needs --lexicons DIR and --out FILE\n";
    return kExitUsage;
  }
  ModelBuildInput input;
  input.lexicon_dir = args.values["lexicons"];
  if (args.values.count("name")) input.name = args.values["name"];
  std::string bytes;
  if (args.values.count("base")) {
    // A missing base is a first build: there is nothing trained to carry yet.
    if (ReadFile(args.values["base"], &bytes).ok()) s = TrainedSections(bytes, &input.trained_sections);
    if (!s.ok()) {
      std::cerr << "isnad model build: " << args.values["base"] << ": " << s.message() << "\n";
      return kExitModelError;
    }
  }
  s = BuildModel(input, &bytes);
  if (!s.ok()) {
    std::cerr << "isnad model build: " << s.message() << "\n";
    return kExitInputError;
  }
  s = WriteFile(args.values["out"], bytes);
  if (!s.ok()) {
    std::cerr << "isnad model build: " << s.message() << "\n";
    return kExitOutputError;
  }
  std::cerr << "isnad: wrote " << args.values["out"] << " (" << bytes.size() << " bytes)\n";
  return kExitOk;
}

}  // namespace isnad::cli
