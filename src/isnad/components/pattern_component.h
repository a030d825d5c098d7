// The entity patterns (ner/entity_patterns.h) as a pipeline component. It runs after the
// statistical tagger, whose entities its patterns build on, and before the clusters.
#pragma once

#include "isnad/model/model.h"
#include "isnad/ner/entity_patterns.h"
#include "isnad/pipeline.h"

namespace isnad {

// Reads: tokens (norm, norm_span, kind), sentences, normalized, entities.
// Writes: entities (adds PER ORG GPE LOC FAC MISC, replacing the entities each one covers; TIME
// left alone), kept sorted and non-overlapping.
class PatternComponent : public Component {
 public:
  // `model` must outlive the component.
  explicit PatternComponent(const Model& model)
      : patterns_(model.entity_patterns()), gazetteer_(model.gazetteer()), clitics_(model.clitics()) {}
  const char* name() const override { return "entity-patterns"; }
  bool optional() const override { return true; }
  bool arabic_only() const override { return true; }
  Status Run(Document* doc) override;

 private:
  const EntityPatterns& patterns_;
  const Gazetteer& gazetteer_;
  const CliticRules& clitics_;
};

}  // namespace isnad
