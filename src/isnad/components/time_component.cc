#include "isnad/components/time_component.h"

namespace isnad {

Status TimeComponent::Run(Document* doc) {
  std::vector<Entity> found;
  grammar_.Find(*doc, clitics_, &found);
  if (found.empty()) return Status::Ok();
  // Merge two sorted, internally non-overlapping lists; the entities already there win.
  std::vector<Entity> merged;
  merged.reserve(doc->entities.size() + found.size());
  auto overlaps = [](const Span& a, const Span& b) { return a.begin < b.end && b.begin < a.end; };
  size_t k = 0;
  for (Entity& time : found) {
    while (k < doc->entities.size() && doc->entities[k].span.begin < time.span.begin) {
      merged.push_back(std::move(doc->entities[k++]));
    }
    const bool clash = (!merged.empty() && overlaps(merged.back().span, time.span)) ||
                       (k < doc->entities.size() && overlaps(doc->entities[k].span, time.span));
    if (!clash) merged.push_back(std::move(time));
  }
  while (k < doc->entities.size()) merged.push_back(std::move(doc->entities[k++]));
  doc->entities = std::move(merged);
  return Status::Ok();
}

}  // namespace isnad
