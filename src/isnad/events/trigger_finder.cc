#include "isnad/events/trigger_finder.h"

#include <algorithm>

namespace isnad {
namespace {

constexpr uint32_t kNeedsReach = 3;       // tokens on each side where a needed word class may lie
constexpr uint32_t kLightReach = 3;       // a light verb reaches a noun trigger this many tokens on
constexpr uint32_t kFoldReach = 2;        // words between a noun event and a verb that restates it
constexpr uint32_t kCountFoldReach = 20;  // a counted casualty noun joins a death event this close

bool SameClause(const Document& doc, uint32_t from, uint32_t to) {
  if (from >= to) return true;
  if (doc.tokens[from].sentence != doc.tokens[to - 1].sentence) return false;
  for (uint32_t t = from; t < to; ++t) {
    if (IsClauseBreak(doc, t)) return false;
  }
  return true;
}

bool ClassNear(const Document& doc, const std::vector<TokenMarks>& marks, const TriggerHit& hit, uint16_t classes,
               bool after_only) {
  const uint32_t sentence = doc.tokens[hit.first_token].sentence;
  const uint32_t from = after_only ? hit.first_token : hit.first_token > kNeedsReach ? hit.first_token - kNeedsReach : 0;
  for (uint32_t t = from; t < hit.first_token; ++t) {
    if (doc.tokens[t].sentence == sentence && (marks[t].classes & classes) != 0) return true;
  }
  // After the trigger, an entity counts as one word (نقل الجيش الأمريكي الثاني معدات).
  uint32_t words = 0;
  for (uint32_t t = hit.end_token; t < doc.tokens.size() && words < kNeedsReach && doc.tokens[t].sentence == sentence; ++t) {
    if (IsClauseBreak(doc, t) || marks[t].HasClass(kClassBoundary)) break;  // the clause ends
    if ((marks[t].classes & classes) != 0) return true;
    const int32_t entity = marks[t].in_entity;
    if (entity < 0 || t + 1 >= doc.tokens.size() || marks[t + 1].in_entity != entity) ++words;
  }
  return false;
}

// Whether the hit lies inside the name of an organization, place or named thing (مجلس التعاون،
// الحشد الشعبي، الاتفاق النووي): a name is no event. Person spans are not trusted here: the
// tagger sometimes takes the verb before a name into it (قابل الوزير).
bool InsideName(const Document& doc, const std::vector<TokenMarks>& marks, const TriggerHit& hit) {
  const int32_t e = marks[hit.first_token].in_entity;
  if (e < 0) return false;
  const std::string& type = doc.entities[e].type;
  return type != "PER" && type != "TIME";
}

// Candidate: an accepted hit of an event or light row.
struct Candidate {
  TriggerHit hit;
  bool light = false;
  bool dropped = false;
};

}  // namespace

bool IsNumberToken(const Document& doc, const std::vector<TokenMarks>& marks, uint32_t t) {
  return doc.tokens[t].kind == TokenKind::kNumber || marks[t].HasClass(kClassNumber);
}

std::vector<FoundTrigger> SelectTriggers(const Document& doc, const EventLexicon& lexicon,
                                         const std::vector<TokenMarks>& marks, const std::vector<TriggerHit>& hits) {
  const auto& entries = lexicon.triggers();
  // Exclusions cover their tokens.
  std::vector<bool> excluded(doc.tokens.size(), false);
  for (const TriggerHit& hit : hits) {
    if (entries[hit.entry].kind != TriggerEntry::kExclude) continue;
    for (uint32_t t = hit.first_token; t < hit.end_token; ++t) excluded[t] = true;
  }
  // The longest hit at each token (ties: the earlier row), left to right without overlaps.
  std::vector<Candidate> candidates;
  uint32_t covered_until = 0;
  for (size_t i = 0; i < hits.size();) {
    const uint32_t t = hits[i].first_token;
    const TriggerHit* best = nullptr;
    for (; i < hits.size() && hits[i].first_token == t; ++i) {
      const TriggerHit& hit = hits[i];
      const TriggerEntry& entry = entries[hit.entry];
      if (entry.kind == TriggerEntry::kExclude || excluded[t] || InsideName(doc, marks, hit)) continue;
      if (entry.needs_classes != 0 && !ClassNear(doc, marks, hit, entry.needs_classes, entry.needs_after)) continue;
      if (!best || hit.end_token > best->end_token || (hit.end_token == best->end_token && hit.entry < best->entry)) {
        best = &hit;
      }
    }
    if (!best || t < covered_until) continue;
    covered_until = best->end_token;
    candidates.push_back({*best, entries[best->entry].kind == TriggerEntry::kLight, false});
  }

  std::vector<FoundTrigger> out;
  for (size_t c = 0; c < candidates.size(); ++c) {
    Candidate& cand = candidates[c];
    if (cand.dropped) continue;
    if (cand.light) {
      // A light verb in a relative clause on the noun event before it (الغارات التي نفذها
      // الجيش): the words after it are the event's agent and the rest of its clause.
      if (!out.empty() && !out.back().verbal && out.back().folded_verb_end == 0 &&
          cand.hit.first_token > out.back().end_token && cand.hit.first_token - out.back().end_token <= kFoldReach &&
          SameClause(doc, out.back().end_token, cand.hit.first_token) && marks[cand.hit.first_token - 1].HasClass(kClassRelative) &&
          (c + 1 == candidates.size() || candidates[c + 1].hit.first_token != cand.hit.end_token)) {
        out.back().folded_verb_end = cand.hit.end_token;
        out.back().folded_frame = out.back().frame;
        out.back().folded_subject_free = true;
      }
      continue;
    }
    const TriggerEntry& entry = entries[cand.hit.entry];
    FoundTrigger found;
    found.entry = cand.hit.entry;
    found.type = entry.type;
    found.first_token = cand.hit.first_token;
    found.end_token = cand.hit.end_token;
    found.strip_bytes = cand.hit.strip_bytes;
    found.verbal = cand.hit.verbal;
    found.future = cand.hit.future;
    found.perfect_verb = cand.hit.verbal && !cand.hit.imperfect;
    found.purpose = false;  // only a light verb's purpose لـ counts (لشن هجمات); a noun's is too often "to, for"
    found.definite = !cand.hit.verbal && (cand.hit.pronoun || cand.hit.definite);
    found.frame = entry.frame;
    found.pronoun = cand.hit.pronoun;
    // A light verb before it: adjacent, the two are one trigger; a few words away, those words
    // are its subject.
    if (c > 0 && candidates[c - 1].light && !candidates[c - 1].dropped) {
      const Candidate& light = candidates[c - 1];
      const TriggerEntry& light_entry = entries[light.hit.entry];
      if (light.hit.end_token == found.first_token) {
        found.first_token = light.hit.first_token;
        found.strip_bytes = light.hit.strip_bytes;
        found.verbal = true;
        found.future = found.future || light.hit.future;
        found.perfect_verb = !light.hit.imperfect;
        found.purpose = light.hit.purpose;
        if (light_entry.own_frame) {
          for (size_t s = 0; s < found.frame.roles.size(); ++s) {
            if (!light_entry.frame.Role(static_cast<int>(s)).empty()) found.frame.roles[s] = light_entry.frame.Role(static_cast<int>(s));
          }
        }
      } else if (!cand.hit.verbal && found.first_token - light.hit.end_token <= kLightReach &&
                 SameClause(doc, light.hit.end_token, found.first_token)) {
        found.light_first = light.hit.first_token;
        found.light_end = light.hit.end_token;
        found.light_frame = light_entry.own_frame ? light_entry.frame : found.frame;
        found.future = found.future || light.hit.future;
        found.purpose = light.hit.purpose;  // the لـ of تعرض لهجوم is the light verb's, not purpose
      }
    }
    // A verb right before a noun of its own type names one event (استهدف القصف).
    if (found.verbal && c + 1 < candidates.size()) {
      Candidate& next = candidates[c + 1];
      if (!next.light && !next.hit.verbal && next.hit.first_token == found.end_token &&
          entries[next.hit.entry].type == found.type) {
        found.end_token = next.hit.end_token;
        next.dropped = true;
      }
    }
    // A verb that restates the noun event just before it (الضربات التي استهدفت، هجمات صاروخية استهدفت).
    if (found.verbal && !out.empty()) {
      FoundTrigger& prev = out.back();
      if (!prev.verbal && prev.type == found.type && prev.folded_verb_end == 0 &&
          found.first_token - prev.end_token <= kFoldReach && SameClause(doc, prev.end_token, found.first_token)) {
        prev.folded_verb_end = found.end_token;
        prev.folded_frame = found.frame;
        prev.folded_subject_free = false;
        continue;
      }
    }
    // A casualty noun after a number that repeats an earlier event of its type (… إلى 22 قتيلاً).
    if (!found.verbal && found.first_token > 0 && IsNumberToken(doc, marks, found.first_token - 1) &&
        marks[found.first_token].HasClass(kClassCasualty)) {
      auto prev = std::find_if(out.rbegin(), out.rend(), [&](const FoundTrigger& f) {
        return f.type == found.type && found.first_token - f.end_token <= kCountFoldReach &&
               doc.tokens[f.first_token].sentence == doc.tokens[found.first_token].sentence;
      });
      if (prev != out.rend()) {
        prev->counts.push_back(found.first_token - 1);
        continue;
      }
      found.counts.push_back(found.first_token - 1);
    }
    out.push_back(std::move(found));
  }
  return out;
}

}  // namespace isnad
