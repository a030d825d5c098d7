#include "isnad/components/latin_component.h"

namespace isnad {

Status LatinComponent::Run(Document* doc) {
  for (Cluster& cluster : doc->clusters) {
    cluster.latin = cluster.type == "TIME" ? std::string() : transliterator_->ToLatin(cluster.name);
  }
  return Status::Ok();
}

}  // namespace isnad
