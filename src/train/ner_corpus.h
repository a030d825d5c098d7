// The NER training corpora, read into one shape: sentences of tokens, as the engine tokenizes.
//   ANERcorp  "token label" per line (B-/I- PERS ORG LOC MISC, O), clitics attached like ours.
//   NewsFANE  "token<TAB>label" per line, 50 fine classes, with proclitics and suffix pronouns
//             split off into tokens of their own. They are attached back to their host
//             word, so that both corpora (and the analyzer at run time) see وواشنطن, not و واشنطن.
// Class names map onto our types through lexicons/ner-labels.tsv (LabelMapping).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "isnad/status.h"
#include "isnad/text/clitics.h"

namespace isnad {

enum class CorpusFormat { kAnercorp, kNewsfane };

Status ParseCorpusFormat(std::string_view name, CorpusFormat* out);
const char* CorpusFormatName(CorpusFormat format);

// A gold entity over a sentence's tokens [begin, end). `types` holds one type for a full label,
// several for a partial one (ANERcorp LOC: GPE|LOC|FAC).
struct GoldEntity {
  uint32_t begin = 0;
  uint32_t end = 0;
  std::vector<std::string> types;
  std::string subtype;
  std::string corpus_class;
};

struct CorpusSentence {
  std::vector<std::string> tokens;
  std::vector<uint32_t> proclitic_bytes;  // [T] bytes of re-attached proclitics (NewsFANE), else 0
  bool marks_proclitics = false;          // true when the corpus splits proclitics (NewsFANE)
  std::vector<GoldEntity> entities;
};

class LabelMapping {
 public:
  static Status Parse(std::string_view tsv, LabelMapping* out);
  struct Target {
    std::vector<std::string> types;  // empty: not an entity
    std::string subtype;
  };
  // nullptr for a class the mapping does not list.
  const Target* Find(CorpusFormat corpus, const std::string& corpus_class) const;

 private:
  std::map<std::pair<int, std::string>, Target> targets_;
};

// Reads a corpus file. Classes missing from `mapping` are an error naming them. `clitics` says
// which split-off tokens are proclitics and suffix pronouns (lexicons/clitics.tsv).
Status ReadNerCorpus(const std::string& path, CorpusFormat format, const LabelMapping& mapping,
                     const CliticRules& clitics, std::vector<CorpusSentence>* out);

}  // namespace isnad
