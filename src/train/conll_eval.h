// Strict CoNLL-style evaluation of the entity layer on a corpus file: an entity counts when its
// token range and its type both equal the gold ones (conlleval's chunk F1).
//   anercorp: our types are scored as ANERcorp's (PER → PERS, ORG → ORG, GPE/LOC/FAC → LOC,
//             MISC → MISC); TIME is not an ANERcorp class and is not scored.
// `window` consecutive sentences are analyzed as one document (the corpora keep no article
// boundaries; 1 analyzes each sentence alone). `options` go to every Analyze call (e.g. layers
// disabled, to score the tagger under the corpus's own conventions).
//   newsfane: the gold fine classes are mapped onto our types (lexicons/ner-labels.tsv) and
//             compared with ours directly (PER ORG GPE LOC FAC MISC).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "isnad/analyzer.h"
#include "train/ner_corpus.h"

namespace isnad {

struct ChunkCounts {
  size_t correct = 0;
  size_t gold = 0;
  size_t system = 0;
  double Precision() const { return system ? double(correct) / system : 0; }
  double Recall() const { return gold ? double(correct) / gold : 0; }
  double F1() const {
    const double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

struct ConllEvaluation {
  std::map<std::string, ChunkCounts> per_type;
  ChunkCounts micro;
  size_t sentences = 0;
  size_t tokens = 0;
  double seconds = 0;  // analysis time alone
  std::vector<std::string> errors;  // "missed|spurious TYPE: words", when asked for
  // When set by the caller: every token as "token gold system" (BIO tags of the scored types;
  // overlapping system chunks overwrite each other), a blank line after each sentence.
  std::string* predictions = nullptr;
};

Status EvaluateConll(const std::string& path, CorpusFormat format, const LabelMapping& mapping,
                     const CliticRules& clitics, Analyzer* analyzer,
                     ConllEvaluation* out, bool list_errors = false, size_t window = 1,
                     const AnalyzeOptions& options = {});

// A conlleval-like table: one row per type and the micro average.
std::string FormatEvaluation(const ConllEvaluation& evaluation);

}  // namespace isnad
