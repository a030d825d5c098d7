#include "isnad/components/pattern_component.h"

namespace isnad {

Status PatternComponent::Run(Document* doc) {
  patterns_.Apply(gazetteer_, clitics_, doc);
  return Status::Ok();
}

}  // namespace isnad
