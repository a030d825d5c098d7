// isnad train: the entity tagger from the corpora in ../shared (native only).
#include <chrono>
#include <iostream>
#include <sys/stat.h>

#include "cli/cli.h"
#include "isnad/model/model.h"
#include "train/model_builder.h"
#include "train/ner_trainer.h"

namespace isnad::cli {
namespace {

bool Exists(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0;
}

}  // namespace

int RunTrain(int argc, char** argv) {
  Args args;
  Status s = ParseArgs(argc, argv, 2, {"shared", "lexicons", "out", "iterations", "threads", "l2", "min-count", "prune", "dev",
                                            "heldout-model"}, {}, &args);
  if (!s.ok() || !args.values.count("out")) {
    std::cerr << "isnad train: " << (s.ok() ? "needs --out FILE" : s.message()) << "\n";
    return kExitUsage;
  }
  const std::string shared = args.values.count("shared") ? args.values["shared"] : SharedDir();
  const std::string lexicons = args.values.count("lexicons") ? args.values["lexicons"]
                                                             : std::string(ISNAD_SOURCE_DIR) + "/lexicons";
  NerTrainInput input;
  // Weights below 0.03 are dropped: the model shrinks from 6.4 to 1.9 MB at the same F1 (65.9
  // and 68.5 on ANERcorp test; 0.1 gives 1.0 MB and loses 0.2-0.4).
  input.crf.prune_below = 0.03;
  input.corpora = {{shared + "/data/anercorp/ANERcorp_train.conll", CorpusFormat::kAnercorp},
                   {shared + "/data/newsfane/NewsFANE_train.tsv", CorpusFormat::kNewsfane}};
  for (const NerCorpusFile& file : input.corpora) {
    if (!Exists(file.path)) {
      std::cerr << "isnad train: skipped: " << file.path << " is absent. The corpora are not part of this "
                << "project; point --shared (or $ISNAD_SHARED) at the directory that holds data/anercorp "
                << "and data/newsfane.\n";
      return kExitOk;
    }
  }
  s = ReadFile(lexicons + "/ner-labels.tsv", &input.label_map_tsv);
  if (!s.ok()) {
    std::cerr << "isnad train: " << s.message() << "\n";
    return kExitInputError;
  }
  if (args.values.count("iterations")) input.crf.max_iterations = std::stoi(args.values["iterations"]);
  if (args.values.count("min-count")) input.crf.min_feature_count = std::stoi(args.values["min-count"]);
  if (args.values.count("prune")) input.crf.prune_below = std::stod(args.values["prune"]);
  if (args.values.count("dev")) input.dev_fraction = std::stod(args.values["dev"]);
  if (args.values.count("threads")) input.crf.threads = std::stoi(args.values["threads"]);
  if (args.values.count("l2")) input.crf.l2 = std::stod(args.values["l2"]);
  input.crf.log = [](const std::string& line) { std::cerr << "isnad train: " << line << "\n"; };

  // The text layer the tagger trains on: the lexicons alone, no entity layer yet.
  ModelBuildInput build;
  build.lexicon_dir = lexicons;
  std::string base_bytes;
  s = BuildModel(build, &base_bytes);
  std::unique_ptr<Analyzer> text_analyzer;
  Model base;
  if (s.ok()) s = Analyzer::Load(base_bytes, &text_analyzer);
  if (s.ok()) s = Model::Load(base_bytes, &base);
  if (!s.ok()) {
    std::cerr << "isnad train: " << s.message() << "\n";
    return kExitInputError;
  }

  const auto start = std::chrono::steady_clock::now();
  NerTrainOutput trained;
  s = TrainNer(input, text_analyzer.get(), base.gazetteer(), base.clitics(), &trained);
  if (!s.ok()) {
    std::cerr << "isnad train: " << s.message() << "\n";
    return kExitInputError;
  }
  // A model file of the lexicons and a trained tagger with its learned names.
  auto write_model = [&](const std::string& crf, const std::string& names, const std::string& path,
                         std::string* bytes) {
    build.trained_sections["ner/crf"] = crf;
    build.trained_sections["ner/names"] = names;
    Status st = BuildModel(build, bytes);
    return st.ok() ? WriteFile(path, *bytes) : st;
  };
  std::string bytes, heldout_bytes;
  s = write_model(trained.crf_section, trained.names_section, args.values["out"], &bytes);
  // --heldout-model FILE: the selection run's model, which never saw the held-out stories (the
  // last tenth of the ANERcorp train half), for error analysis on them.
  if (s.ok() && args.values.count("heldout-model") && !trained.heldout_crf_section.empty()) {
    s = write_model(trained.heldout_crf_section, trained.heldout_names_section, args.values["heldout-model"],
                    &heldout_bytes);
  }
  if (!s.ok()) {
    std::cerr << "isnad train: " << s.message() << "\n";
    return kExitOutputError;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cerr << "isnad train: " << trained.sentences << " sentences, " << trained.tokens << " tokens, "
            << trained.names << " learned names; "
            << (trained.iterations ? std::to_string(trained.iterations) + " iterations chosen on held-out stories; " : "")
            << seconds << " s; wrote " << args.values["out"] << " ("
            << bytes.size() << " bytes)\n";
  return kExitOk;
}

}  // namespace isnad::cli
