#include "isnad/events/event_arguments.h"

#include <algorithm>

namespace isnad {
namespace {

constexpr uint32_t kReach = 9;          // tokens after the trigger where its arguments may lie
constexpr uint32_t kSkippable = 2;      // words that fill no slot, skipped before the scan gives up
constexpr uint32_t kPhraseWords = 3;    // a noun phrase outside the entities: its head and adjectives
constexpr uint32_t kParticleReach = 2;  // particles (قد، لم) between a subject and its verb
constexpr uint32_t kTimeBackReach = 2;  // a date right before the trigger (over a preposition) is its time
constexpr const char* kNationality = "NATIONALITY";  // the gazetteer category of nisba adjectives

}  // namespace

ArgumentReader::ArgumentReader(const Document& doc, const EventLexicon& lexicon, const CliticRules& clitics,
                               const Gazetteer& gazetteer, const std::vector<TokenMarks>& marks)
    : doc_(doc), lexicon_(lexicon), clitics_(clitics), gazetteer_(gazetteer), marks_(marks) {}

bool ArgumentReader::IsNationality(uint32_t t) const {
  const Token& token = doc_.tokens[t];
  if (token.kind != TokenKind::kWord) return false;
  for (const CliticCandidate& c : token.analyses) {
    if (gazetteer_.Contains(c.stem, kNationality)) return true;
  }
  return false;
}

ArgumentReader::Unit ArgumentReader::NumberUnit(uint32_t t) const {
  Unit unit;
  unit.first = t;
  unit.end = t + 1;
  uint32_t strip = 0;  // leave out a conjunction (وعشرات)
  for (const CliticCandidate& c : doc_.tokens[t].analyses) {
    if (c.strip_bytes > strip && clitics_.OnlyConjunctions(c.proclitics)) strip = c.strip_bytes;
  }
  unit.span = SpanAfterProclitics(doc_, t, strip, t + 1);
  return unit;
}

bool ArgumentReader::EndsWithLongPronoun(std::string_view stem) const {
  for (const std::string& suffix : clitics_.suffixes()) {
    // One-letter pronouns (ه ي) are left out: ه is also the folded ta marbuta.
    if (suffix.size() >= 4 && stem.size() > suffix.size() + 2 && stem.substr(stem.size() - suffix.size()) == suffix) return true;
  }
  return false;
}

bool ArgumentReader::IsFunctionWord(uint32_t t) const {
  const TokenMarks& m = marks_[t];
  return m.prep_slot >= 0 || m.negation >= 0 || m.modal >= 0 || m.HasClass(kClassBoundary) ||
         m.HasClass(kClassRelative) || m.HasClass(kClassNumber) || m.HasClass(kClassParticle);
}

uint32_t ArgumentReader::SentenceEnd(uint32_t t) const {
  const Sentence& s = doc_.sentences[doc_.tokens[t].sentence];
  return s.first_token + s.token_count;
}

bool ArgumentReader::UnitAt(uint32_t t, int self, Unit* out, bool after_preposition) const {
  const Token& token = doc_.tokens[t];
  const TokenMarks& mark = marks_[t];
  if (token.kind != TokenKind::kWord) return false;
  if (mark.event >= 0 && mark.event != self) return false;
  Unit unit;
  unit.first = t;
  const uint32_t sentence_end = SentenceEnd(t);
  std::string_view proclitics;
  if (mark.entity >= 0) {
    const Entity& entity = doc_.entities[mark.entity];
    unit.entity = mark.entity;
    unit.end = std::max(entity.last_token, t + 1);
    unit.span = entity.span;
    for (const CliticCandidate& c : token.analyses) {
      if (doc_.normalized.to_source[token.norm_span.begin + c.strip_bytes] == entity.span.begin) proclitics = c.proclitics;
    }
  } else {
    if (mark.in_entity >= 0 || IsFunctionWord(t)) return false;
    // The analysis whose stem carries the article shows the proclitics (بالصواريخ); else unsplit.
    const CliticCandidate* chosen = &token.analyses.front();
    for (const CliticCandidate& c : token.analyses) {
      if (clitics_.StartsWithArticle(c.stem)) {
        chosen = &c;
        break;
      }
    }
    unit.nationality = IsNationality(t);
    unit.classes = mark.classes;
    const bool definite = clitics_.StartsWithArticle(chosen->stem);
    const bool followed_by_nationality = t + 1 < sentence_end && marks_[t + 1].entity < 0 && IsNationality(t + 1);
    // An indefinite head right before an entity is its genitive construct (حكومة بغداد، أفراد الجيش).
    // A head of a construct carries no suffix pronoun: تستخدمها إيران is a verb and its subject.
    const bool construct = !definite && !EndsWithLongPronoun(chosen->stem) && t + 1 < sentence_end &&
                           marks_[t + 1].entity >= 0 && doc_.entities[marks_[t + 1].entity].type != "TIME";
    if (!after_preposition && !definite && !unit.nationality && !followed_by_nationality && !construct &&
        !(mark.HasClass(kClassInstrument) || mark.HasClass(kClassTroops) || mark.HasClass(kClassCasualty))) {
      return false;
    }
    proclitics = chosen->proclitics;
    unit.end = t + 1;
    // Its adjectives: nationality and weapon words, and after a definite head, definite words
    // with an adjective ending (الطائرات الحربية).
    auto adjective = [&](uint32_t a) {
      if (IsNationality(a) || marks_[a].HasClass(kClassInstrument)) return true;
      const std::string& norm = doc_.tokens[a].norm;
      return definite && !IsFunctionWord(a) && clitics_.StartsWithArticle(norm) && lexicon_.HasAdjectiveEnding(norm);
    };
    while (unit.end < sentence_end && unit.end - t < kPhraseWords && doc_.tokens[unit.end].kind == TokenKind::kWord &&
           marks_[unit.end].in_entity < 0 && marks_[unit.end].event < 0 && adjective(unit.end)) {
      unit.classes |= marks_[unit.end].classes;
      ++unit.end;
    }
    // An indefinite head takes its genitive: an entity (حكومة بغداد) or a definite noun and its
    // adjectives (قوات الأمن المصرية).
    if (!definite && !EndsWithLongPronoun(chosen->stem) && unit.end == t + 1 && unit.end < sentence_end) {
      const uint32_t next = unit.end;
      if (marks_[next].entity >= 0 && doc_.entities[marks_[next].entity].type != "TIME") {
        unit.end = std::max(doc_.entities[marks_[next].entity].last_token, next + 1);
      } else if (doc_.tokens[next].kind == TokenKind::kWord && marks_[next].in_entity < 0 && marks_[next].event < 0 &&
                 !IsFunctionWord(next) && clitics_.StartsWithArticle(doc_.tokens[next].norm)) {
        unit.end = next + 1;
        while (unit.end < sentence_end && unit.end - next < kPhraseWords && doc_.tokens[unit.end].kind == TokenKind::kWord &&
               marks_[unit.end].in_entity < 0 && marks_[unit.end].event < 0 && !IsFunctionWord(unit.end) &&
               clitics_.StartsWithArticle(doc_.tokens[unit.end].norm) &&
               (IsNationality(unit.end) || lexicon_.HasAdjectiveEnding(doc_.tokens[unit.end].norm))) {
          ++unit.end;
        }
      }
    }
    unit.span = SpanAfterProclitics(doc_, t, chosen->strip_bytes, unit.end);
  }
  unit.clitic_slot = proclitics.empty() ? -1 : lexicon_.CliticSlot(proclitics);
  unit.conjoined = proclitics.size() >= 2 && clitics_.OnlyConjunctions(proclitics.substr(0, 2));
  *out = unit;
  return true;
}

bool ArgumentReader::UnitEndingAt(uint32_t end, Unit* out) const {
  if (end == 0) return false;
  const uint32_t last = end - 1;
  if (marks_[last].in_entity >= 0) {
    const Entity& entity = doc_.entities[marks_[last].in_entity];
    if (entity.last_token != end || entity.type == "TIME") return false;
    return UnitAt(entity.first_token, -1, out);
  }
  // A definite noun, or a noun and its nationality adjective (القوات الأمريكية نقلت).
  uint32_t head = last;
  if (IsNationality(last) && last > 0 && !IsClauseBreak(doc_, last - 1) &&
      doc_.tokens[last - 1].sentence == doc_.tokens[last].sentence && !IsFunctionWord(last - 1)) {
    head = last - 1;
  }
  Unit unit;
  if (!UnitAt(head, -1, &unit) || unit.entity >= 0 || unit.end != end) return false;
  *out = unit;
  return true;
}

void ArgumentReader::Add(const std::string& role, const Unit& unit, Event* event) const {
  for (const EventArgument& a : event->arguments) {
    if (a.span == unit.span) return;
  }
  if (unit.span.begin < event->trigger.end && event->trigger.begin < unit.span.end) return;
  event->arguments.push_back({role, unit.span, unit.entity});
}

std::string ArgumentReader::RoleOf(const Reading& r, const RoleFrame& frame, int slot, const Unit& unit) const {
  if (unit.entity >= 0 && doc_.entities[unit.entity].type == "TIME") return r.time_taken ? "" : "time";
  std::string role = frame.Role(slot);
  // Facilities and regions do not act: as an agent slot's filler they are the target (هجوم المطار).
  if (role == "agent" && unit.entity >= 0 && slot != kSlotSubject) {
    const std::string& type = doc_.entities[unit.entity].type;
    if (type == "FAC" || type == "LOC") role = "target";
  }
  if (unit.entity < 0 && slot != kSlotSubject && (unit.classes >> kClassInstrument) & 1) role = "instrument";
  // People are no place: في صفوف الجنود gives a target.
  if (role == "place" && unit.entity < 0 && ((unit.classes >> kClassCasualty) & 1)) role = "target";
  // A place is no instrument: ب before a place name means "in" (بالعراق).
  if (role == "instrument" && unit.entity >= 0) {
    const std::string& type = doc_.entities[unit.entity].type;
    if (type == "GPE" || type == "LOC" || type == "FAC") role = "place";
  }
  return role;
}

void ArgumentReader::AddArgument(Reading* r, const std::string& role, const Unit& unit) const {
  if (role.empty()) return;
  if (role == "time") r->time_taken = true;
  Add(role, unit, r->event);
}

bool ArgumentReader::ReadSubjectBefore(Reading* r) const {
  const FoundTrigger& trigger = r->trigger;
  uint32_t end = trigger.first_token;
  const uint32_t sentence_begin = doc_.sentences[doc_.tokens[end].sentence].first_token;
  for (uint32_t k = 0; k < kParticleReach && end > sentence_begin; ++k) {
    const TokenMarks& m = marks_[end - 1];
    if (m.negation < 0 && m.modal < 0) break;
    --end;
  }
  Unit unit;
  if (trigger.pronoun || end == sentence_begin || IsClauseBreak(doc_, end - 1) || !UnitEndingAt(end, &unit)) return false;
  AddArgument(r, RoleOf(*r, trigger.frame, kSlotSubject, unit), unit);
  // Coordinated subjects (X وY هاجما).
  for (int k = 0; k < 3 && unit.conjoined && unit.first > sentence_begin && UnitEndingAt(unit.first, &unit); ++k) {
    AddArgument(r, RoleOf(*r, trigger.frame, kSlotSubject, unit), unit);
  }
  return true;
}

void ArgumentReader::ReadLightVerbSubject(Reading* r) const {
  const FoundTrigger& trigger = r->trigger;
  bool first_taken = false;
  for (uint32_t t = trigger.light_end; trigger.light_end > trigger.light_first && t < trigger.first_token;) {
    Unit unit;
    if (!UnitAt(t, r->self, &unit)) {
      ++t;
      continue;
    }
    if (!first_taken || unit.conjoined) AddArgument(r, RoleOf(*r, trigger.light_frame, kSlotSubject, unit), unit);
    first_taken = true;
    t = unit.end;
  }
}

uint32_t ArgumentReader::ReadAdjectives(Reading* r, uint32_t start, uint32_t stop, const RoleFrame& frame) const {
  uint32_t i = start;
  for (; i < stop && doc_.tokens[i].kind == TokenKind::kWord && marks_[i].in_entity < 0 && marks_[i].event < 0; ++i) {
    Unit word;
    word.first = i;
    word.end = i + 1;
    word.nationality = IsNationality(i);
    if (!word.nationality && !marks_[i].HasClass(kClassInstrument)) break;
    const CliticCandidate& unsplit = doc_.tokens[i].analyses.front();
    word.span = SpanAfterProclitics(doc_, i, unsplit.strip_bytes, i + 1);
    const std::string role = word.nationality ? frame.Role(kSlotAdjective) : std::string("instrument");
    std::vector<EventArgument>& args = r->event->arguments;
    // Weapon words in a row are one instrument (طائرة مسيرة).
    if (!args.empty() && args.back().role == role && role == "instrument" && i > start &&
        args.back().span.end == doc_.tokens[i - 1].span.end) {
      args.back().span.end = word.span.end;
    } else {
      AddArgument(r, role, word);
    }
  }
  return i;
}

void ArgumentReader::Scan(Reading* r, uint32_t start, const RoleFrame& frame, bool verbal, bool subject_given) const {
  const FoundTrigger& trigger = r->trigger;
  const TriggerEntry& entry = lexicon_.triggers()[trigger.entry];
  const uint32_t stop = std::min(SentenceEnd(trigger.first_token), start + kReach);
  int pending = -1, last_slot = -1;
  uint32_t skipped = 0;
  bool counted = false;  // a count just before: the next phrase is what it counts
  bool object_taken = false;
  bool subject = subject_given;
  // After a noun trigger, its adjectives first, word by word.
  uint32_t i = verbal ? start : ReadAdjectives(r, start, stop, frame);
  const bool adjacent_genitive = i == start && !verbal && !trigger.definite;
  while (i < stop) {
    const TokenMarks& m = marks_[i];
    if (IsClauseBreak(doc_, i) || (m.event >= 0 && m.event != r->self)) break;
    if (m.prep_slot >= 0) {
      pending = m.prep_slot;
      i += m.prep_words;
      continue;
    }
    if (m.HasClass(kClassBoundary) || m.HasClass(kClassRelative)) break;
    if (IsNumberToken(doc_, marks_, i)) {
      // A count: a number before casualty words (مقتل ثلاثة من جنوده، 22 قتيلاً). Before another
      // event's trigger (… وعشرات الجرحى) the number is that event's.
      if (i + 1 < stop && marks_[i + 1].event >= 0 && marks_[i + 1].event != r->self) break;
      const bool counts = (i + 1 < stop && marks_[i + 1].HasClass(kClassCasualty)) ||
                          (i + 2 < stop && marks_[i + 1].prep_slot >= 0 && marks_[i + 2].HasClass(kClassCasualty));
      if (counts && !frame.Role(kSlotNumber).empty()) {
        AddArgument(r, frame.Role(kSlotNumber), NumberUnit(i));
        counted = true;
      }
      ++i;
      continue;
    }
    Unit unit;
    if (!UnitAt(i, r->self, &unit, pending >= 0)) {
      // A preposition reaches over particles (في صفوف الجنود) but not over other words.
      if (!m.HasClass(kClassParticle)) pending = -1;
      if (++skipped > kSkippable) break;
      ++i;
      continue;
    }
    if (unit.entity >= 0 && doc_.entities[unit.entity].type == "TIME") {
      // A date fills no slot: it is the time wherever it stands (the first one only).
      AddArgument(r, RoleOf(*r, frame, -1, unit), unit);
      pending = -1;
      i = unit.end;
      continue;
    }
    int slot = -1;
    if (counted && pending < 0) {
      slot = kSlotGenitive;  // what the number counts (قتل ثلاثة جنود)
    } else if (pending >= 0) {
      slot = pending;
    } else if (unit.clitic_slot >= 0) {
      slot = unit.clitic_slot;
    } else if (unit.conjoined && last_slot >= 0) {
      slot = last_slot;
    } else if (verbal) {
      if (!subject) {
        slot = kSlotSubject;
        subject = true;
      } else if (!object_taken) {
        slot = kSlotObject;
        object_taken = true;
      }
    } else if (unit.nationality && unit.entity < 0) {
      slot = kSlotAdjective;
    } else if (adjacent_genitive && i == start) {
      slot = kSlotGenitive;
    }
    counted = false;
    if (slot >= 0) {
      if (entry.retype_class >= 0 && (slot == kSlotObject || slot == kSlotGenitive) &&
          ((unit.classes >> entry.retype_class) & 1)) {
        *r->type = entry.retype_to;
      }
      AddArgument(r, RoleOf(*r, frame, slot, unit), unit);
    }
    last_slot = slot;
    pending = -1;
    i = unit.end;
  }
}

void ArgumentReader::ReadTimeBefore(Reading* r) const {
  const FoundTrigger& trigger = r->trigger;
  const uint32_t sentence_begin = doc_.sentences[doc_.tokens[trigger.first_token].sentence].first_token;
  for (uint32_t d = 1; d <= kTimeBackReach && trigger.first_token >= sentence_begin + d; ++d) {
    const uint32_t t = trigger.first_token - d;
    if (IsClauseBreak(doc_, t) || (marks_[t].event >= 0 && marks_[t].event != r->self)) return;
    const int32_t e = marks_[t].in_entity;
    if (e >= 0 && doc_.entities[e].type == "TIME" && doc_.entities[e].first_token == t) {
      Unit unit;
      if (UnitAt(t, r->self, &unit)) AddArgument(r, "time", unit);
      return;
    }
  }
}

void ArgumentReader::ReadPronounAntecedent(Reading* r) const {
  const FoundTrigger& trigger = r->trigger;
  const std::vector<EventArgument>& args = r->event->arguments;
  const std::string& role = trigger.frame.Role(trigger.verbal ? kSlotObject : kSlotGenitive);
  if (role.empty() || std::any_of(args.begin(), args.end(), [&](const EventArgument& a) { return a.role == role; })) return;
  const uint32_t sentence_begin = doc_.sentences[doc_.tokens[trigger.first_token].sentence].first_token;
  for (uint32_t t = trigger.first_token; t > sentence_begin; --t) {
    const int32_t e = marks_[t - 1].in_entity;
    if (e < 0) continue;
    const std::string& type = doc_.entities[e].type;
    const bool taken = std::any_of(args.begin(), args.end(), [&](const EventArgument& a) { return a.entity == e; });
    if (taken || (type != "PER" && type != "ORG" && type != "GPE")) {
      t = doc_.entities[e].first_token + 1;
      continue;
    }
    Unit unit;
    if (UnitAt(doc_.entities[e].first_token, r->self, &unit)) AddArgument(r, role, unit);
    return;
  }
}

void ArgumentReader::Read(const FoundTrigger& trigger, int self, Event* event, int* type) const {
  Reading r{trigger, self, event, type};
  const bool subject_before = trigger.verbal && ReadSubjectBefore(&r);
  ReadLightVerbSubject(&r);
  Scan(&r, trigger.end_token, trigger.frame, trigger.verbal, subject_before);
  if (trigger.folded_verb_end > 0) Scan(&r, trigger.folded_verb_end, trigger.folded_frame, true, !trigger.folded_subject_free);
  if (!r.time_taken) ReadTimeBefore(&r);
  if (trigger.pronoun) ReadPronounAntecedent(&r);
  for (uint32_t number : trigger.counts) AddArgument(&r, trigger.frame.Role(kSlotNumber), NumberUnit(number));
}

}  // namespace isnad
