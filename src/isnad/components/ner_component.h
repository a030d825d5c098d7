// The statistical entity layer as a pipeline component (ner/entity_tagger.h).
#pragma once

#include "isnad/model/model.h"
#include "isnad/ner/entity_tagger.h"
#include "isnad/pipeline.h"

namespace isnad {

// Reads: tokens (norm, norm_span), sentences, normalized, entities (TIME, left alone).
// Writes: entities (PER ORG GPE LOC FAC MISC, ORG subtypes), kept sorted.
class NerComponent : public Component {
 public:
  // `model` must have a tagger (Model::crf() != nullptr) and outlive the component.
  explicit NerComponent(const Model& model) : tagger_(model.crf(), &model.gazetteer(), &model.clitics()) {}
  const char* name() const override { return "entities"; }
  bool optional() const override { return true; }
  bool arabic_only() const override { return true; }
  Status Run(Document* doc) override {
    tagger_.Tag(doc);
    return Status::Ok();
  }

 private:
  EntityTagger tagger_;
};

}  // namespace isnad
