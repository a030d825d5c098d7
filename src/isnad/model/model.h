// Model: what the engine knows, loaded from a model file (model_file.h). Read-only after Load.
//
// Sections (format versions 1 and 2 hold the same ones; model_file.h):
//   "meta"              JSON: {"name", "lexicons": {name: data version}}
//   "lexicon/folding"   lexicons/folding.tsv (text/folding.h)
//   "lexicon/quotes"    lexicons/quotes.tsv (text/quotes.h)
//   "lexicon/clitics"   lexicons/clitics.tsv (text/clitics.h)
//   "lexicon/time"      lexicons/time.tsv (ner/time_grammar.h)
//   "lexicon/entity-patterns"  lexicons/entity-patterns.tsv (ner/entity_patterns.h)
//   "lexicon/inflection"  lexicons/inflection.tsv (text/word_forms.h)
//   "lexicon/cues", "lexicon/attribution-words"  lexicons/cues.tsv and attribution-words.tsv
//                       (attribution/attribution_lexicon.h)
//   "lexicon/languages"  lexicons/languages.tsv (text/language_guess.h)
//   "lexicon/event-types", "lexicon/event-triggers", "lexicon/event-words"  the event lexicons
//                       (events/event_lexicon.h)
//   "gazetteer/base"    place names from CLDR and the designator lists (ner/gazetteer.h), built
//   "ner/names"         names learned from the training corpora (a gazetteer), trained; optional
//   "ner/crf"           the entity tagger's CRF (ner/crf_model.h), trained; optional: a model
//                       without it has no statistical entity layer
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "isnad/attribution/attribution_lexicon.h"
#include "isnad/events/event_lexicon.h"
#include "isnad/status.h"
#include "isnad/ner/crf_model.h"
#include "isnad/ner/entity_patterns.h"
#include "isnad/ner/gazetteer.h"
#include "isnad/ner/time_grammar.h"
#include "isnad/text/clitics.h"
#include "isnad/text/folding.h"
#include "isnad/text/language_guess.h"
#include "isnad/text/quotes.h"
#include "isnad/text/word_forms.h"

namespace isnad {

class Model {
 public:
  // The whole file at once; model_loader.h reads one that arrives in pieces, with the same result.
  static Status Load(std::string_view bytes, Model* out);

  const FoldingTable& folding() const { return folding_; }
  const QuoteTable& quotes() const { return quotes_; }
  const CliticRules& clitics() const { return clitics_; }
  const TimeGrammar& time_grammar() const { return time_grammar_; }
  const EntityPatterns& entity_patterns() const { return entity_patterns_; }
  // The paradigms that expand the cue and trigger lexicons into surface forms.
  const Inflections& inflections() const { return inflections_; }
  const AttributionLexicon& attribution_lexicon() const { return attribution_lexicon_; }
  const LanguageGuesser& language_guesser() const { return language_guesser_; }
  // Event types, triggers and the words around them, expanded through inflections().
  const EventLexicon& events() const { return events_; }
  // The built-in lists and the learned names together.
  const Gazetteer& gazetteer() const { return gazetteer_; }
  // nullptr when the model has no trained tagger.
  const CrfModel* crf() const { return has_crf_ ? &crf_ : nullptr; }
  // "name (format N; lexicons a vN, b vM)"
  std::string Description() const;

 private:
  friend class ModelLoader;
  std::string name_;
  uint32_t format_version_ = 0;
  FoldingTable folding_;
  QuoteTable quotes_;
  CliticRules clitics_;
  TimeGrammar time_grammar_;
  EntityPatterns entity_patterns_;
  Inflections inflections_;
  AttributionLexicon attribution_lexicon_;
  LanguageGuesser language_guesser_;
  EventLexicon events_;
  Gazetteer gazetteer_;
  CrfModel crf_;
  bool has_crf_ = false;
};

// The lexicons every model must carry, by section name ("lexicon/<name>").
const std::vector<std::string>& RequiredLexicons();

}  // namespace isnad
