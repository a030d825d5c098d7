// Latin spellings of the entity clusters (text/transliterator.h) as a pipeline component; it runs
// after the cluster component.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>

#include "isnad/pipeline.h"
#include "isnad/text/transliterator.h"

namespace isnad {

// Reads: clusters[i].name. Writes: clusters[i].latin (empty for TIME clusters, whose names are
// dates rather than names). An ICU transform costs about 8 us a name, some 8% of the pipeline on
// news text, so spellings are remembered across documents (the same outlets, capitals and
// officials recur); the memo is bounded and, like the rest of a pipeline, used by one Analyze
// call at a time.
//
// The ICU transform is created by the first Run that needs a spelling, not with the pipeline:
// parsing its rules (Latin-ASCII alone has hundreds) is the largest single step of loading an
// analyzer, 25-50 ms of a cold page's start in wasm, and a document without clusters never needs
// it. A failure to create it is that Run's error.
class LatinComponent : public Component {
 public:
  LatinComponent() = default;
  const char* name() const override { return "latin"; }
  bool optional() const override { return true; }
  Status Run(Document* doc) override;

 private:
  static constexpr size_t kMemoLimit = 8192;  // entries; the memo is cleared when full
  std::unique_ptr<LatinTransliterator> transliterator_;
  std::unordered_map<std::string, std::string> memo_;
};

}  // namespace isnad
