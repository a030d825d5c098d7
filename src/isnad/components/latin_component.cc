#include "isnad/components/latin_component.h"

namespace isnad {

Status LatinComponent::Run(Document* doc) {
  for (Cluster& cluster : doc->clusters) {
    if (cluster.type == "TIME") {
      cluster.latin.clear();
      continue;
    }
    auto found = memo_.find(cluster.name);
    if (found == memo_.end()) {
      if (!transliterator_) {
        Status s = LatinTransliterator::Create(&transliterator_);
        if (!s.ok()) return s;
      }
      if (memo_.size() >= kMemoLimit) memo_.clear();
      found = memo_.emplace(cluster.name, transliterator_->ToLatin(cluster.name)).first;
    }
    cluster.latin = found->second;
  }
  return Status::Ok();
}

}  // namespace isnad
