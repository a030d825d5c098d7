// Shared pieces of the isnad command-line tool: argument parsing, exit codes, file and model I/O.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "isnad/analyzer.h"
#include "isnad/json.h"
#include "isnad/status.h"

namespace isnad::cli {

// Exit codes scripts can rely on (also listed by --help).
enum ExitCode : int {
  kExitOk = 0,
  kExitInputError = 1,   // unreadable input or invalid UTF-8; nothing was written
  kExitUsage = 2,        // bad command line
  kExitModelError = 3,   // model missing or corrupt
  kExitOutputError = 4,  // could not write the output
};

struct Args {
  std::vector<std::string> positional;
  std::map<std::string, std::string> values;  // --name VALUE or --name=VALUE
  std::set<std::string> switches;             // --name
};

// Parses argv[first..]. `with_value` and `switches` list the accepted --names; anything else is a
// usage error.
Status ParseArgs(int argc, char** argv, int first, const std::set<std::string>& with_value,
                 const std::set<std::string>& switches, Args* out);

Status ReadFile(const std::string& path, std::string* out);
Status ReadStdin(std::string* out);
Status WriteFile(const std::string& path, const std::string& bytes);

// The model the CLI uses: --model, else $ISNAD_MODEL, else the source tree's models/isnad.model.
std::string ModelPath(const Args& args);
Status LoadAnalyzer(const Args& args, std::unique_ptr<Analyzer>* out);

// The file name without directories and without its last extension.
std::string BaseName(const std::string& path);

// One input of a command: a file path, or "-" for stdin.
std::string InputLabel(const std::string& input);  // the path, or "<stdin>"
// Reads `input` and analyzes it.
Status AnalyzeInput(Analyzer& analyzer, const std::string& input, const AnalyzeOptions& options, Document* out);

// The front of the reading commands (sources, events): parses argv (--date, --model and the
// inputs, stdin when none), loads the analyzer and analyzes every input before anything is
// printed, so an unreadable input leaves no output. Prints any error itself and returns its exit
// code; kExitOk with one (label, document) per input otherwise.
int AnalyzeAllInputs(int argc, char** argv, const char* command,
                     std::vector<std::pair<std::string, Document>>* out);

int RunAnalyze(int argc, char** argv);
// analyze --jsonl: JSON Lines on stdin, one result line per input line, `threads` analyzers.
int RunAnalyzeJsonl(Analyzer& analyzer, const JsonOptions& json, int threads);
int RunModel(int argc, char** argv);
int RunBench(int argc, char** argv);
int RunTrain(int argc, char** argv);
int RunEval(int argc, char** argv);
int RunSources(int argc, char** argv);
int RunEvents(int argc, char** argv);  // events_command.cc

// The read-only project data (corpora, gold files): $ISNAD_SHARED, else ../shared beside the
// source tree.
std::string SharedDir();

}  // namespace isnad::cli
