// The event layer (shared/spec/annotation.md section 2) as a pipeline component. It runs after the
// entity layers and the attributions, whose spans it reads.
#pragma once

#include <vector>

#include "isnad/events/token_marks.h"
#include "isnad/model/model.h"
#include "isnad/pipeline.h"

namespace isnad {

// Reads: tokens (with their clitic analyses), sentences, entities, attributions.
// Writes: events, in trigger order.
class EventComponent : public Component {
 public:
  // `model` must outlive the component.
  explicit EventComponent(const Model& model) : model_(model) {}
  const char* name() const override { return "events"; }
  bool optional() const override { return true; }
  bool arabic_only() const override { return true; }
  Status Run(Document* doc) override;

 private:
  const Model& model_;
  // Reused across documents to spare allocations.
  std::vector<TokenMarks> marks_;
  std::vector<TriggerHit> hits_;
};

}  // namespace isnad
