// isnad eval conll FILE: strict CoNLL precision, recall and F1 of the entity layer on a corpus.
#include <iostream>

#include "cli/cli.h"
#include "isnad/model/model.h"
#include "isnad/text/lexicon_tsv.h"
#include "train/conll_eval.h"

namespace isnad::cli {

int RunEval(int argc, char** argv) {
  const std::string sub = argc > 2 ? argv[2] : "";
  Args args;
  Status s = ParseArgs(argc, argv, 3, {"format", "model", "lexicons", "window", "disable", "predictions"}, {"errors"}, &args);
  if (!s.ok() || sub != "conll" || args.positional.size() != 1) {
    std::cerr << "isnad eval: usage: isnad eval conll FILE [--format anercorp|newsfane] [--window N] [--disable LAYER,...] [--errors] [--predictions OUT]\n";
    return kExitUsage;
  }
  const std::string path = args.positional[0];
  // Without --format: NewsFANE ships as .tsv (token<TAB>label), ANERcorp as .conll.
  const bool tsv = path.size() > 4 && path.compare(path.size() - 4, 4, ".tsv") == 0;
  CorpusFormat format = tsv ? CorpusFormat::kNewsfane : CorpusFormat::kAnercorp;
  if (args.values.count("format")) s = ParseCorpusFormat(args.values["format"], &format);
  if (!s.ok()) {
    std::cerr << "isnad eval: " << s.message() << "\n";
    return kExitUsage;
  }
  const std::string lexicons = args.values.count("lexicons") ? args.values["lexicons"]
                                                             : std::string(ISNAD_SOURCE_DIR) + "/lexicons";
  std::string label_map;
  LabelMapping mapping;
  s = ReadFile(lexicons + "/ner-labels.tsv", &label_map);
  if (s.ok()) s = LabelMapping::Parse(label_map, &mapping);
  if (!s.ok()) {
    std::cerr << "isnad eval: " << s.message() << "\n";
    return kExitInputError;
  }
  std::unique_ptr<Analyzer> analyzer;
  std::string model_bytes;
  Model model;  // for its clitic rules, which say how the corpora split words
  s = LoadAnalyzer(args, &analyzer);
  if (s.ok()) s = ReadFile(ModelPath(args), &model_bytes);
  if (s.ok()) s = Model::Load(model_bytes, &model);
  if (!s.ok()) {
    std::cerr << "isnad: " << s.ToString() << "\n";
    return kExitModelError;
  }
  ConllEvaluation evaluation;
  const size_t window = args.values.count("window") ? std::stoul(args.values["window"]) : 1;
  AnalyzeOptions options;  // --disable entity-patterns: the tagger under the corpus's conventions
  if (args.values.count("disable")) options.disabled_layers = SplitOn(args.values["disable"], ',');
  std::string predictions;
  if (args.values.count("predictions")) evaluation.predictions = &predictions;
  s = EvaluateConll(path, format, mapping, model.clitics(), analyzer.get(), &evaluation,
                    args.switches.count("errors") > 0, window, options);
  if (!s.ok()) {
    std::cerr << "isnad eval: " << s.message() << "\n";
    return kExitInputError;
  }
  if (args.values.count("predictions")) s = WriteFile(args.values["predictions"], predictions);
  if (!s.ok()) {
    std::cerr << "isnad eval: " << s.message() << "\n";
    return kExitInputError;
  }
  for (const std::string& error : evaluation.errors) std::cout << error << "\n";
  std::cout << path << " (" << CorpusFormatName(format) << ", strict, " << window
            << (window == 1 ? " sentence" : " sentences") << " per document"
            << (options.disabled_layers.empty() ? "" : ", without " + args.values["disable"]) << ")\n" << FormatEvaluation(evaluation);
  return kExitOk;
}

}  // namespace isnad::cli
