// Latin spellings of the entity clusters (text/transliterator.h) as a pipeline component; it runs
// after the cluster component.
#pragma once

#include <memory>

#include "isnad/pipeline.h"
#include "isnad/text/transliterator.h"

namespace isnad {

// Reads: clusters[i].name. Writes: clusters[i].latin (empty for TIME clusters, whose names are
// dates rather than names).
class LatinComponent : public Component {
 public:
  explicit LatinComponent(std::unique_ptr<LatinTransliterator> transliterator)
      : transliterator_(std::move(transliterator)) {}
  const char* name() const override { return "latin"; }
  Status Run(Document* doc) override;

 private:
  std::unique_ptr<LatinTransliterator> transliterator_;
};

}  // namespace isnad
