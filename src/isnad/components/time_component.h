// The TIME grammar as a pipeline component. It runs before the statistical tagger, which skips the
// tokens that entities already cover.
#pragma once

#include "isnad/ner/time_grammar.h"
#include "isnad/pipeline.h"
#include "isnad/text/clitics.h"

namespace isnad {

// Reads: tokens, normalized, document_date. Writes: entities (type TIME, with value), keeping
// doc->entities sorted by span.begin and non-overlapping: a TIME expression that overlaps an
// entity already there is dropped.
class TimeComponent : public Component {
 public:
  // Both must outlive the component (the model owns them).
  TimeComponent(const TimeGrammar& grammar, const CliticRules& clitics) : grammar_(grammar), clitics_(clitics) {}
  const char* name() const override { return "time"; }
  bool optional() const override { return true; }
  bool arabic_only() const override { return true; }
  Status Run(Document* doc) override;

 private:
  const TimeGrammar& grammar_;
  const CliticRules& clitics_;
};

}  // namespace isnad
