#include "isnad/ner/time_lexicon.h"

#include <algorithm>
#include <cstdlib>
#include <map>

#include "isnad/text/lexicon_tsv.h"

namespace isnad {
namespace {

const std::map<std::string, TimeClass, std::less<>>& ClassNames() {
  static const std::map<std::string, TimeClass, std::less<>> names = {
      {"article", TimeClass::kArticle},       {"punct", TimeClass::kPunct},
      {"weekday", TimeClass::kWeekday},       {"month", TimeClass::kMonth},
      {"hijri_month", TimeClass::kHijriMonth}, {"day_rel", TimeClass::kDayRel},
      {"unit", TimeClass::kUnit},             {"number", TimeClass::kNumber},
      {"ordinal", TimeClass::kOrdinal},       {"modifier", TimeClass::kModifier},
      {"vague", TimeClass::kVague},           {"part_of_day", TimeClass::kPartOfDay},
      {"part_adverb", TimeClass::kPartAdverb}, {"day_word", TimeClass::kDayWord},
      {"month_word", TimeClass::kMonthWord},  {"year_word", TimeClass::kYearWord},
      {"era", TimeClass::kEra},               {"anchor", TimeClass::kAnchor},
      {"approx", TimeClass::kApprox},         {"this", TimeClass::kThis},
      {"period", TimeClass::kPeriod},         {"apposition", TimeClass::kApposition},
      {"clock", TimeClass::kClock},           {"of", TimeClass::kOf},
      {"not_time", TimeClass::kNotTime},
  };
  return names;
}

template <typename T>
bool LookUp(const std::map<std::string, T, std::less<>>& table, std::string_view key, T* out) {
  auto it = table.find(key);
  if (it == table.end()) return false;
  *out = it->second;
  return true;
}

bool ParseInt(std::string_view s, int* out) {
  if (s.empty()) return false;
  size_t i = (s[0] == '+' || s[0] == '-') ? 1 : 0;
  if (i == s.size()) return false;
  for (size_t k = i; k < s.size(); ++k) {
    if (s[k] < '0' || s[k] > '9') return false;
  }
  *out = std::atoi(std::string(s).c_str());
  return true;
}

bool IsPartCode(std::string_view s) {
  return s == "DN" || s == "MO" || s == "MI" || s == "AF" || s == "EV" || s == "NI";
}

std::vector<std::string> SplitWords(std::string_view form) {
  std::vector<std::string> words;
  size_t start = 0;
  while (start <= form.size()) {
    size_t space = form.find(' ', start);
    if (space == std::string_view::npos) space = form.size();
    words.emplace_back(form.substr(start, space - start));
    start = space + 1;
  }
  return words;
}

// Fills the class-specific fields of `e` from the value and flags columns.
Status ReadValue(std::string_view value, std::string_view flags, TimeEntry* e) {
  static const std::map<std::string, TimeUnit, std::less<>> units = {
      {"D", TimeUnit::kDay},  {"W", TimeUnit::kWeek}, {"M", TimeUnit::kMonth},
      {"Y", TimeUnit::kYear}, {"H", TimeUnit::kHour}, {"MIN", TimeUnit::kMinute}};
  static const std::map<std::string, UnitForm, std::less<>> forms = {
      {"sg", UnitForm::kSingular}, {"pl", UnitForm::kPlural}, {"du", UnitForm::kDual}};
  static const std::map<std::string, TimeModifier, std::less<>> modifiers = {
      {"past", TimeModifier::kPast},         {"next", TimeModifier::kNext},
      {"current", TimeModifier::kCurrent},   {"ref_past", TimeModifier::kRefPast},
      {"ref_next", TimeModifier::kRefNext},  {"ref_same", TimeModifier::kRefSame}};
  static const std::map<std::string, PunctRole, std::less<>> puncts = {
      {"date_sep", PunctRole::kDateSep},   {"alt", PunctRole::kAlt},
      {"alt_open", PunctRole::kAltOpen},   {"alt_close", PunctRole::kAltClose},
      {"clock_sep", PunctRole::kClockSep}, {"comma", PunctRole::kComma}};

  // Flags: a comma-separated list of "context", a unit form (sg pl du) or a part-of-day code.
  size_t start = 0;
  while (start < flags.size()) {
    size_t comma = flags.find(',', start);
    if (comma == std::string_view::npos) comma = flags.size();
    const std::string_view flag = flags.substr(start, comma - start);
    start = comma + 1;
    if (flag == "context") e->context = true;
    else if (LookUp(forms, flag, &e->form) && e->cls == TimeClass::kUnit) continue;
    else if (IsPartCode(flag) && e->cls == TimeClass::kDayRel) e->part = std::string(flag);
    else return InvalidArgument("unknown flag '" + std::string(flag) + "' for this class");
  }
  switch (e->cls) {
    case TimeClass::kWeekday:
      if (!ParseInt(value, &e->number) || e->number < 1 || e->number > 7) return InvalidArgument("weekday must be 1-7");
      return Status::Ok();
    case TimeClass::kMonth:
    case TimeClass::kHijriMonth:
      if (!ParseInt(value, &e->number) || e->number < 1 || e->number > 12) return InvalidArgument("month must be 1-12");
      return Status::Ok();
    case TimeClass::kOrdinal:
      if (!ParseInt(value, &e->number) || e->number < 1 || e->number > 31) return InvalidArgument("ordinal must be 1-31");
      return Status::Ok();
    case TimeClass::kNumber:
      if (value == "X") e->number = kUnknownCount;
      else if (!ParseInt(value, &e->number) || e->number < 1) return InvalidArgument("number must be positive or X");
      return Status::Ok();
    case TimeClass::kDayRel:
      if (value == "REF") {
        e->ref = true;
      } else if (value.substr(0, 3) != "DOC" || !ParseInt(value.substr(3), &e->number)) {
        return InvalidArgument("day_rel value must be DOC+N, DOC-N or REF");
      }
      return Status::Ok();
    case TimeClass::kUnit:
      if (!LookUp(units, value, &e->unit)) return InvalidArgument("unit must be D W M Y H or MIN");
      if (e->form == UnitForm::kNone) return InvalidArgument("unit needs a flag sg, pl or du");
      return Status::Ok();
    case TimeClass::kModifier:
      if (!LookUp(modifiers, value, &e->modifier)) return InvalidArgument("unknown modifier '" + std::string(value) + "'");
      return Status::Ok();
    case TimeClass::kPunct:
      if (!LookUp(puncts, value, &e->punct)) return InvalidArgument("unknown punct role '" + std::string(value) + "'");
      return Status::Ok();
    case TimeClass::kPartOfDay:
    case TimeClass::kPartAdverb:
      if (!IsPartCode(value)) return InvalidArgument("part of day must be DN MO MI AF EV or NI");
      e->part = std::string(value);
      return Status::Ok();
    case TimeClass::kEra:
      if (value != "AH" && value != "CE") return InvalidArgument("era must be AH or CE");
      e->hijri = value == "AH";
      return Status::Ok();
    case TimeClass::kAnchor:
      if (value != "ago" && value != "outside") return InvalidArgument("anchor must be ago or outside");
      e->ago = value == "ago";
      return Status::Ok();
    default:
      return Status::Ok();
  }
}

}  // namespace

Status TimeLexicon::Parse(std::string_view tsv, TimeLexicon* out) {
  TimeLexicon lexicon;
  Status s = ForEachLexiconRow("time", tsv, &lexicon.version_, [&](const LexiconRow& row) {
    if (row.columns.size() < 2 || row.columns[0].empty()) return InvalidArgument("expected form, class");
    TimeEntry e;
    if (!LookUp(ClassNames(), row.columns[1], &e.cls)) {
      return InvalidArgument("unknown class '" + row.columns[1] + "'");
    }
    e.words = SplitWords(row.columns[0]);
    for (const std::string& w : e.words) {
      if (w.empty()) return InvalidArgument("form has an empty word (double or edge space)");
    }
    const std::string value = row.columns.size() > 2 ? row.columns[2] : "";
    const std::string flags = row.columns.size() > 3 ? row.columns[3] : "";
    Status v = ReadValue(value, flags, &e);
    if (!v.ok()) return v;
    if (e.cls == TimeClass::kArticle) lexicon.article_ = e.words[0];
    lexicon.entries_.push_back(std::move(e));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  for (uint32_t i = 0; i < lexicon.entries_.size(); ++i) {
    lexicon.by_first_word_.Insert(lexicon.entries_[i].words[0]).push_back(i);
  }
  lexicon.by_first_word_.ForEach([&](std::string_view, std::vector<uint32_t>& indices) {
    std::stable_sort(indices.begin(), indices.end(), [&](uint32_t a, uint32_t b) {
      return lexicon.entries_[a].words.size() > lexicon.entries_[b].words.size();
    });
  });
  *out = std::move(lexicon);
  return Status::Ok();
}

const std::vector<uint32_t>* TimeLexicon::Starting(std::string_view word) const {
  return by_first_word_.Find(word);
}

const TimeEntry* TimeLexicon::Single(std::string_view word, TimeClass cls) const {
  const std::vector<uint32_t>* list = Starting(word);
  if (!list) return nullptr;
  for (uint32_t i : *list) {
    if (entries_[i].cls == cls && entries_[i].words.size() == 1) return &entries_[i];
  }
  return nullptr;
}

}  // namespace isnad
