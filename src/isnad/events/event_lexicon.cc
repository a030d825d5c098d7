#include "isnad/events/event_lexicon.h"

#include <algorithm>
#include <cstdlib>

#include "isnad/text/lexicon_tsv.h"

namespace isnad {
namespace {

constexpr const char* kClassNames[kWordClasses] = {"instrument", "troops", "cargo", "casualty", "number", "relative", "boundary", "result", "particle"};
constexpr const char* kRoles[] = {"agent", "target", "place", "time", "instrument", "count"};

// "-" or words separated by spaces.
std::vector<std::string> ThenWords(const std::string& column) {
  if (column == "-" || column.empty()) return {};
  return SplitOn(column, ' ');
}

bool ParseWindow(const std::string& s, int* out) {
  if (s.empty() || s.find_first_not_of("0123456789") != std::string::npos) return false;
  *out = std::atoi(s.c_str());
  return *out > 0 && *out <= 20;
}

// The first three letters of `s` packed into an integer, or its whole self when it is shorter. The
// matching form is Arabic, two bytes a letter; other scripts only make the key less selective.
uint64_t FormStart(std::string_view s, size_t bytes) {
  uint64_t key = bytes;
  for (size_t i = 0; i < bytes && i < s.size(); ++i) key = (key << 8) | static_cast<unsigned char>(s[i]);
  return key;
}

constexpr size_t kStartBytes = 6;  // three Arabic letters
constexpr size_t kShortBytes = 4;  // a two-letter form

}  // namespace

bool EventLexicon::MayStartForm(std::string_view stem) const {
  if (stem.size() >= kStartBytes && form_starts_.count(FormStart(stem, kStartBytes))) return true;
  return stem.size() >= kShortBytes && form_starts_.count(FormStart(stem, kShortBytes));
}

Status EventLexicon::AddStem(const Inflections& inflections, const StemSpec& spec, const std::vector<std::string>& then,
                             uint32_t entry) {
  Status s = index_.Add(inflections, spec, then, entry);
  if (!s.ok()) return s;
  const Paradigm& paradigm = *inflections.Find(spec.paradigm);  // Add checked it exists
  auto add_start = [&](std::string_view form) {
    form_starts_.insert(FormStart(form, form.size() >= kStartBytes ? kStartBytes : kShortBytes));
  };
  std::string scratch;
  Inflections::ForEachForm(paradigm, spec.stem, &scratch, add_start);
  // The stem-final rewrite before a pronoun (زياره → زيارت) starts a form too.
  if (!paradigm.final_from.empty() && spec.stem.size() >= paradigm.final_from.size() &&
      spec.stem.compare(spec.stem.size() - paradigm.final_from.size(), paradigm.final_from.size(), paradigm.final_from) == 0) {
    const std::string_view base = std::string_view(spec.stem).substr(0, spec.stem.size() - paradigm.final_from.size());
    for (const std::string& prefix : paradigm.prefixes) {
      scratch.assign(prefix);
      scratch.append(base);
      scratch.append(paradigm.final_to);
      add_start(scratch);
    }
  }
  return Status::Ok();
}

const char* WordClassName(int word_class) {
  return word_class >= 0 && word_class < kWordClasses ? kClassNames[word_class] : "";
}

int ParseWordClass(std::string_view name) {
  for (int c = 0; c < kWordClasses; ++c) {
    if (name == kClassNames[c]) return c;
  }
  return -1;
}

const std::string& RoleFrame::Role(int slot) const {
  static const std::string kNone;
  return slot >= 0 && static_cast<size_t>(slot) < roles.size() ? roles[slot] : kNone;
}

int EventLexicon::InternSlot(std::string_view name) {
  for (size_t i = 0; i < slot_names_.size(); ++i) {
    if (slot_names_[i] == name) return static_cast<int>(i);
  }
  slot_names_.emplace_back(name);
  return static_cast<int>(slot_names_.size() - 1);
}

int EventLexicon::FindType(std::string_view name) const {
  for (size_t i = 0; i < types_.size(); ++i) {
    if (types_[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

bool EventLexicon::HasAdjectiveEnding(std::string_view norm) const {
  for (const std::string& ending : adjective_endings_) {
    if (norm.size() > ending.size() && norm.substr(norm.size() - ending.size()) == ending) return true;
  }
  return false;
}

bool EventLexicon::EndsWithExcludedPronoun(std::string_view norm) const {
  for (const std::string& pronoun : excluded_pronouns_) {
    if (norm.size() > pronoun.size() && norm.substr(norm.size() - pronoun.size()) == pronoun) return true;
  }
  return false;
}

bool EventLexicon::IsPurposeClitic(std::string_view proclitics) const {
  for (const std::string& clitic : purpose_clitics_) {
    if (proclitics.size() >= clitic.size() && proclitics.substr(proclitics.size() - clitic.size()) == clitic) return true;
  }
  return false;
}

int EventLexicon::CliticSlot(std::string_view proclitics) const {
  for (const auto& [clitic, slot] : clitic_slots_) {
    if (proclitics.size() >= clitic.size() && proclitics.substr(proclitics.size() - clitic.size()) == clitic) return slot;
  }
  return -1;
}

// Frames name slots that must exist: the fixed four and the prepositions of event-words.tsv, which
// is parsed first.
Status EventLexicon::ParseFrame(std::string_view column, RoleFrame* out) {
  out->roles.assign(slot_names_.size(), "");
  for (const std::string& item : SplitOn(column, ' ')) {
    const size_t eq = item.find('=');
    if (eq == std::string::npos) return InvalidArgument("frame item '" + item + "' is not slot=role");
    const std::string slot = item.substr(0, eq), role = item.substr(eq + 1);
    const auto known = std::find(slot_names_.begin(), slot_names_.end(), slot);
    if (known == slot_names_.end()) return InvalidArgument("unknown slot '" + slot + "'");
    if (std::find(std::begin(kRoles), std::end(kRoles), role) == std::end(kRoles)) {
      return InvalidArgument("unknown role '" + role + "'");
    }
    out->roles[known - slot_names_.begin()] = role;
  }
  return Status::Ok();
}

Status EventLexicon::Parse(std::string_view types_tsv, std::string_view triggers_tsv, std::string_view words_tsv,
                           const Inflections& inflections, EventLexicon* out) {
  EventLexicon lex;
  for (const char* fixed : {"subj", "obj", "gen", "adj", "num"}) lex.InternSlot(fixed);

  // Words first: they name the preposition slots that frames use.
  int words_version = 0;
  Status s = ForEachLexiconRow("event-words", words_tsv, &words_version, [&](const LexiconRow& row) -> Status {
    if (row.columns.size() < 4) return InvalidArgument("expected kind, form, then, value");
    const std::string& kind = row.columns[0];
    const std::string& form = row.columns[1];
    const std::string& value = row.columns[3];
    EventWord word;
    if (kind == "clitic-prep") {
      if (value.empty()) return InvalidArgument("a clitic-prep needs a slot");
      lex.clitic_slots_.emplace_back(form, lex.InternSlot(value));
      return Status::Ok();
    }
    if (kind == "adjective-ending") {
      if (form.empty()) return InvalidArgument("an adjective-ending row needs an ending");
      lex.adjective_endings_.push_back(form);
      return Status::Ok();
    }
    if (kind == "not-pronoun") {
      if (form.empty()) return InvalidArgument("a not-pronoun row needs the pronoun");
      lex.excluded_pronouns_.push_back(form);
      return Status::Ok();
    }
    if (kind == "purpose") {
      if (form.empty()) return InvalidArgument("a purpose row needs a clitic");
      lex.purpose_clitics_.push_back(form);
      return Status::Ok();
    }
    if (kind == "future") {
      const size_t colon = form.find(':');
      if (colon == std::string::npos || colon == 0 || colon + 1 == form.size()) {
        return InvalidArgument("a future row's form is paradigm:prefix");
      }
      if (!inflections.Find(form.substr(0, colon))) return InvalidArgument("unknown paradigm in '" + form + "'");
      lex.future_paradigm_ = form.substr(0, colon);
      lex.future_prefix_ = form.substr(colon + 1);
      return Status::Ok();
    }
    const std::vector<std::string> options = SplitOn(value, ' ');
    if (kind == "prep") {
      word.kind = EventWord::kPrep;
      if (options.size() != 1) return InvalidArgument("a prep's value is one slot name");
      word.slot = lex.InternSlot(options[0]);
    } else if (kind == "negation" || kind == "modal" || kind == "modal-after") {
      word.kind = kind == "negation" ? EventWord::kNegation : kind == "modal" ? EventWord::kModal : EventWord::kModalAfter;
      if (options.empty() || !ParseWindow(options[0], &word.window)) {
        return InvalidArgument("value must start with a window of 1-20 tokens");
      }
      for (size_t i = 1; i < options.size(); ++i) {
        if (options[i] == "possible" && word.kind == EventWord::kNegation) {
          word.possible = true;
        } else if (options[i] == "not-perfect" && word.kind == EventWord::kModal) {
          word.not_perfect = true;
        } else if (options[i] == "not-negated" && word.kind == EventWord::kModal) {
          word.not_negated = true;
        } else {
          return InvalidArgument("unknown option '" + options[i] + "'");
        }
      }
    } else if (kind == "not-negation") {
      word.kind = EventWord::kNotNegation;
    } else if (kind == "class") {
      word.kind = EventWord::kClass;
      word.word_class = ParseWordClass(value);
      if (word.word_class < 0) return InvalidArgument("unknown word class '" + value + "'");
    } else {
      return InvalidArgument("unknown kind '" + kind + "'");
    }
    const std::vector<std::string> then = ThenWords(row.columns[2]);
    word.words = 1 + static_cast<uint32_t>(then.size());
    std::vector<StemSpec> specs;
    Status st = ParseStemSpecs(form, &specs);
    for (size_t i = 0; st.ok() && i < specs.size(); ++i) {
      st = lex.AddStem(inflections, specs[i], then, kWordBase + static_cast<uint32_t>(lex.words_.size()));
    }
    if (!st.ok()) return st;
    lex.words_.push_back(word);
    return Status::Ok();
  });
  if (!s.ok()) return s;

  int types_version = 0;
  s = ForEachLexiconRow("event-types", types_tsv, &types_version, [&](const LexiconRow& row) -> Status {
    if (row.columns.size() < 4) return InvalidArgument("expected type, plover, ace, frame");
    EventTypeInfo type;
    type.name = row.columns[0];
    type.plover = row.columns[1];
    type.ace = row.columns[2] == "-" ? "" : row.columns[2];
    if (type.name.empty() || type.plover.empty()) return InvalidArgument("a type needs a name and a PLOVER code");
    if (lex.FindType(type.name) >= 0) return InvalidArgument("type '" + type.name + "' defined twice");
    Status st = lex.ParseFrame(row.columns[3], &type.frame);
    if (!st.ok()) return st;
    lex.types_.push_back(std::move(type));
    return Status::Ok();
  });
  if (!s.ok()) return s;

  s = ForEachLexiconRow("event-triggers", triggers_tsv, &lex.version_, [&](const LexiconRow& row) -> Status {
    if (row.columns.size() < 6) return InvalidArgument("expected lemma, type, stems, then, frame, options");
    TriggerEntry entry;
    entry.lemma = row.columns[0];
    const std::string& type = row.columns[1];
    if (type == "LIGHT") {
      entry.kind = TriggerEntry::kLight;
    } else if (type == "-") {
      entry.kind = TriggerEntry::kExclude;
    } else {
      entry.type = lex.FindType(type);
      if (entry.type < 0) return InvalidArgument("unknown event type '" + type + "'");
      entry.frame = lex.types_[entry.type].frame;
      entry.plover = lex.types_[entry.type].plover;
    }
    if (row.columns[4] != "-") {
      Status st = lex.ParseFrame(row.columns[4], &entry.frame);
      if (!st.ok()) return st;
      entry.own_frame = true;
    }
    if (row.columns[5] != "-") {
      for (const std::string& option : SplitOn(row.columns[5], ',')) {
        const size_t gt = option.find('>');
        if (option.rfind("needs=", 0) == 0 || option.rfind("needs-after=", 0) == 0) {
          entry.needs_after = option.rfind("needs-after=", 0) == 0;
          for (const std::string& name : SplitOn(option.substr(option.find('=') + 1), '|')) {
            const int word_class = ParseWordClass(name);
            if (word_class < 0) return InvalidArgument("unknown word class '" + name + "' in '" + option + "'");
            entry.needs_classes |= static_cast<uint16_t>(1u << word_class);
          }
        } else if (option.rfind("plover=", 0) == 0 && option.size() > 7) {
          entry.plover = option.substr(7);
        } else if (gt != std::string::npos) {
          entry.retype_class = ParseWordClass(option.substr(0, gt));
          entry.retype_to = lex.FindType(option.substr(gt + 1));
          if (entry.retype_class < 0 || entry.retype_to < 0) return InvalidArgument("bad retype option '" + option + "'");
        } else {
          return InvalidArgument("unknown option '" + option + "'");
        }
      }
    }
    const std::vector<std::string> then = ThenWords(row.columns[3]);
    entry.words = 1 + static_cast<uint32_t>(then.size());
    std::vector<StemSpec> specs;
    Status st = ParseStemSpecs(row.columns[2], &specs);
    for (size_t i = 0; st.ok() && i < specs.size(); ++i) {
      st = lex.AddStem(inflections, specs[i], then, static_cast<uint32_t>(lex.triggers_.size()));
    }
    if (!st.ok()) return st;
    lex.triggers_.push_back(std::move(entry));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  if (lex.types_.empty() || lex.triggers_.empty()) return InvalidArgument("event lexicons without types or triggers");
  // Frames parsed before a later preposition was interned are shorter: pad them.
  for (EventTypeInfo& t : lex.types_) t.frame.roles.resize(lex.slot_names_.size());
  for (TriggerEntry& t : lex.triggers_) t.frame.roles.resize(lex.slot_names_.size());
  *out = std::move(lex);
  return Status::Ok();
}

}  // namespace isnad
