// The contracts of document.h that any analysis must keep, for the fuzzer and the replay test:
// spans inside the text, tokens in order and inside their sentence, every reference in range.
#pragma once

#include "isnad/document.h"

namespace isnad::testing {

inline bool DocumentInvariantsHold(const Document& doc) {
  const uint32_t size = static_cast<uint32_t>(doc.text.size());
  auto in_text = [&](Span s) { return s.begin <= s.end && s.end <= size; };
  uint32_t previous_end = 0;
  for (const Token& t : doc.tokens) {
    if (!in_text(t.span) || t.span.empty() || t.span.begin < previous_end || t.sentence >= doc.sentences.size()) {
      return false;
    }
    previous_end = t.span.end;
  }
  for (const Entity& e : doc.entities) {
    if (!in_text(e.span) || e.span.empty() || e.cluster >= static_cast<int>(doc.clusters.size())) return false;
  }
  const int attributions = static_cast<int>(doc.attributions.size());
  for (const Attribution& a : doc.attributions) {
    if (!in_text(a.cue) || !in_text(a.source) || !in_text(a.content) || a.attributed_to >= attributions) return false;
    for (Span v : a.via) {
      if (!in_text(v)) return false;
    }
  }
  for (const Event& e : doc.events) {
    if (!in_text(e.trigger) || e.attributed_to >= attributions) return false;
    for (const EventArgument& arg : e.arguments) {
      if (!in_text(arg.span) || arg.entity >= static_cast<int>(doc.entities.size())) return false;
    }
  }
  return true;
}

}  // namespace isnad::testing
