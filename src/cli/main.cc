// isnad: the command-line face of the engine.
#include <cstring>
#include <iostream>

#include "cli/cli.h"

namespace {

constexpr const char* kHelp = R"(isnad: Arabic news analyzer (entities, events, attributions)

Usage:
  isnad analyze [FILE...] [options]   analyze UTF-8 text files (stdin when no FILE, or "-")
      --out-dir DIR                   write DIR/<name>.json per file instead of printing
      --offsets utf16|codepoint|utf8  offset unit of the JSON spans (default utf16)
      --date YYYY-MM-DD               the documents' publication date
      --pretty                        indented JSON (default: one line per document)
      --no-tokens                     leave the token list out ("token_count" instead): most of
                                      the output's size, for archives that keep only the findings
      --model PATH                    model file (default $ISNAD_MODEL or models/isnad.model)
      --jsonl [--threads N]           batch mode: JSON Lines {"id","text","date"} on stdin, one
                                      result line per input line, in order; N threads share one model
  isnad sources [FILE...] [--date YYYY-MM-DD] [--model PATH]
                                      who said what: one line per claim (act, source kind, source ←
                                      relays, cue, mode, first words), and a summary per file
  isnad events [FILE...] [--date YYYY-MM-DD] [--model PATH]
                                      a readable timeline of the events, one line per event
  isnad model build --lexicons DIR --out FILE [--base MODEL]
                                      compile lexicons into a model file, keeping MODEL's trained parts
  isnad model info [FILE]                        describe a model file
  isnad bench FILE... [--repeat N]               tokens/second of the engine and of ICU word breaking
  isnad train --out FILE [--shared DIR] [--iterations N] [--threads N] [--l2 X] [--prune X] [--dev F]
                                      train the entity tagger on ../shared's corpora (train halves)
  isnad eval conll FILE [--format anercorp|newsfane] [--window N] [--disable LAYER,...] [--errors] [--predictions OUT]
                                      strict CoNLL P/R/F1 of the entity layer
  isnad --help | --version

Exit codes:
  0 success   1 unreadable input or invalid UTF-8 (nothing written)   2 bad command line
  3 model missing or corrupt   4 output could not be written
)";

}  // namespace

int main(int argc, char** argv) {
  using namespace isnad::cli;
  if (argc < 2) {
    std::cerr << kHelp;
    return kExitUsage;
  }
  const std::string command = argv[1];
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << kHelp;
    return kExitOk;
  }
  if (command == "--version") {
    std::cout << "isnad " << isnad::EngineVersion() << " (JSON schema " << isnad::kSchemaVersion << ")\n";
    return kExitOk;
  }
  if (command == "analyze") return RunAnalyze(argc, argv);
  if (command == "model") return RunModel(argc, argv);
  if (command == "bench") return RunBench(argc, argv);
  if (command == "train") return RunTrain(argc, argv);
  if (command == "eval") return RunEval(argc, argv);
  if (command == "sources") return RunSources(argc, argv);
  if (command == "events") return RunEvents(argc, argv);
  std::cerr << "isnad: unknown command '" << command << "' (see isnad --help)\n";
  return kExitUsage;
}
