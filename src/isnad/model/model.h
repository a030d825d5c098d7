// Model: what the engine knows, loaded from a model file (model_file.h). Read-only after Load.
//
// Sections of format version 1:
//   "meta"              JSON: {"name", "lexicons": {name: data version}}
//   "lexicon/folding"   lexicons/folding.tsv (text/folding.h)
//   "lexicon/quotes"    lexicons/quotes.tsv (text/quotes.h)
//   "lexicon/clitics"   lexicons/clitics.tsv (text/clitics.h)
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "isnad/status.h"
#include "isnad/text/clitics.h"
#include "isnad/text/folding.h"
#include "isnad/text/quotes.h"

namespace isnad {

class Model {
 public:
  static Status Load(std::string_view bytes, Model* out);

  const FoldingTable& folding() const { return folding_; }
  const QuoteTable& quotes() const { return quotes_; }
  const CliticRules& clitics() const { return clitics_; }
  // "name (format N; lexicons a vN, b vM)"
  std::string Description() const;

 private:
  std::string name_;
  uint32_t format_version_ = 0;
  FoldingTable folding_;
  QuoteTable quotes_;
  CliticRules clitics_;
};

// The lexicons every model must carry, by section name ("lexicon/<name>").
const std::vector<std::string>& RequiredLexicons();

}  // namespace isnad
