// The attribution layer (attribution/attribution_finder.h) as a pipeline component. It runs after
// the entities and their clusters, which give sources their kind and their cluster.
#pragma once

#include "isnad/attribution/attribution_finder.h"
#include "isnad/model/model.h"
#include "isnad/pipeline.h"

namespace isnad {

// Reads: tokens (norm, analyses, kind), sentences, normalized, entities, clusters.
// Writes: attributions (replacing any), in text order of their cues.
class AttributionComponent : public Component {
 public:
  // `model` must outlive the component.
  explicit AttributionComponent(const Model& model)
      : finder_(model.attribution_lexicon(), model.clitics(), model.gazetteer()) {}
  const char* name() const override { return "attributions"; }
  bool optional() const override { return true; }
  bool arabic_only() const override { return true; }
  Status Run(Document* doc) override {
    finder_.Find(doc);
    return Status::Ok();
  }

 private:
  AttributionFinder finder_;
};

}  // namespace isnad
