// isnad events: a readable timeline of each input's events, one line per event, in text order:
//
//   E3  ATTACK   «استهدفت»  إيران → قاعدة عين الأسد  · in بغداد · time فجر الأربعاء (2020-01-08)  [asserted]  source: مصادر عسكرية
//
// agent(s) → target(s), then place, time (with its resolved value when --date gives one),
// instrument and count, the flags (asserted | possible | denied, and negated), and the source of
// the attribution the event is reported in. With several inputs, each starts with "# FILE".
#include <iostream>
#include <sstream>

#include "cli/cli.h"

namespace isnad::cli {
namespace {

// The arguments of `role`, joined by " + " (the line's other separators are symbols too, so the
// line reads the same in either direction), with a TIME entity's value after it.
std::string Arguments(const Document& doc, const Event& event, const std::string& role) {
  std::string out;
  for (const EventArgument& a : event.arguments) {
    if (a.role != role) continue;
    if (!out.empty()) out += " + ";
    out += doc.SpanText(a.span);
    if (a.entity >= 0 && !doc.entities[a.entity].value.empty()) out += " (" + doc.entities[a.entity].value + ")";
  }
  return out;
}

std::string TimelineLine(const Document& doc, size_t index) {
  const Event& e = doc.events[index];
  std::ostringstream line;
  line << "E" << index + 1 << "  " << e.type << "  «" << doc.SpanText(e.trigger) << "»";
  const std::string agent = Arguments(doc, e, "agent"), target = Arguments(doc, e, "target");
  if (!agent.empty() || !target.empty()) {
    line << "  " << (agent.empty() ? "?" : agent) << " → " << (target.empty() ? "?" : target);
  }
  for (const char* role : {"place", "time", "instrument", "count"}) {
    const std::string value = Arguments(doc, e, role);
    if (!value.empty()) line << " · " << role << " " << value;
  }
  line << "  [" << e.modality << (e.negated ? ", negated" : "") << "]";
  if (e.attributed_to >= 0 && static_cast<size_t>(e.attributed_to) < doc.attributions.size()) {
    const Attribution& a = doc.attributions[e.attributed_to];
    line << "  source: " << (a.source.empty() ? "?" : std::string(doc.SpanText(a.source)));
  }
  return line.str();
}

}  // namespace

int RunEvents(int argc, char** argv) {
  std::vector<std::pair<std::string, Document>> docs;
  const int exit = AnalyzeAllInputs(argc, argv, "events", &docs);
  if (exit != kExitOk) return exit;
  for (const auto& [label, doc] : docs) {
    if (docs.size() > 1) std::cout << "# " << label << "\n";
    for (size_t i = 0; i < doc.events.size(); ++i) std::cout << TimelineLine(doc, i) << "\n";
  }
  std::cout.flush();
  return std::cout ? kExitOk : kExitOutputError;
}

}  // namespace isnad::cli
