// Mention clusters (ner/clusters.h) as a pipeline component; it runs after every entity layer.
#pragma once

#include "isnad/ner/clusters.h"
#include "isnad/pipeline.h"

namespace isnad {

// Reads: entities, tokens, text. Writes: clusters, entities[i].cluster.
class ClusterComponent : public Component {
 public:
  // `clitics` (the model's) must outlive the component.
  explicit ClusterComponent(const CliticRules& clitics) : clitics_(clitics) {}
  const char* name() const override { return "clusters"; }
  bool optional() const override { return true; }
  bool arabic_only() const override { return true; }
  Status Run(Document* doc) override;

 private:
  const CliticRules& clitics_;
};

}  // namespace isnad
