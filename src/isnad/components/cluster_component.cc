#include "isnad/components/cluster_component.h"

namespace isnad {

Status ClusterComponent::Run(Document* doc) {
  BuildClusters(clitics_, doc);
  return Status::Ok();
}

}  // namespace isnad
