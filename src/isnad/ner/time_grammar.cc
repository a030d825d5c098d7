#include "isnad/ner/time_grammar.h"

#include <cstdio>
#include <string>

#include "isnad/ner/time_value.h"

namespace isnad {
namespace {

// Whether a lookup may strip the article off the word.
enum class Def { kNo, kYes, kAny };

// A lexicon entry matched at a token.
struct Hit {
  const TimeEntry* entry = nullptr;
  uint32_t end = 0;  // the token after the match
  explicit operator bool() const { return entry != nullptr; }
};

// A parsed expression starting at the parser's current token.
struct Expr {
  uint32_t end = 0;    // the token after the expression; 0 = no match
  std::string value;   // without the time-of-day suffix
  std::string time;    // "" or a suffix: "TMO", "T10:30"
  bool skip = false;   // a not_time phrase: no expression starts inside it
  bool duration = false;
  int count = 0;       // duration: its count and unit
  TimeUnit unit = TimeUnit::kDay;
  bool ref_day = false;  // a day relative to a narrative date (اليوم التالي): may take a part of day
  explicit operator bool() const { return end != 0; }
};

// Keeps the longer of two expressions (the earlier one on a tie).
void Consider(Expr candidate, Expr* best) {
  if (candidate.end > best->end) *best = std::move(candidate);
}

bool IsAsciiDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int CodePoints(std::string_view s) {
  int n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

int Modifier(TimeModifier m) {  // the step of past / current / next, for calendar units
  return m == TimeModifier::kPast ? -1 : m == TimeModifier::kNext ? 1 : 0;
}

struct MonthName {
  uint32_t end = 0;
  int number = 0;
  bool hijri = false;
  bool ambiguous = false;  // a context word with no context yet
};

struct Year {
  uint32_t end = 0;
  int year = 0;
  bool hijri = false;
};

struct Count {
  uint32_t end = 0;
  int value = 0;
};

class Parser {
 public:
  Parser(const TimeLexicon& lexicon, const CliticRules& clitics, const Document& doc)
      : lex_(lexicon), clitics_(clitics), doc_(doc), resolver_(doc.document_date), token_memo_(2 * doc.tokens.size()) {}

  void Run(std::vector<Entity>* out);

 private:
  // --- token access ---
  bool InRange(uint32_t p) const { return p < limit_; }
  // The matching form of token p: the chosen stem for the start token, else Token::norm.
  std::string_view Word(uint32_t p) const { return p == start_ ? std::string_view(stem_) : doc_.tokens[p].norm; }
  // The lexicon entries whose first word is Word(p) (`stripped`: Word(p) without the article,
  // which the caller has checked it starts with), as TimeLexicon::Starting. Each word is looked up
  // once: the rules ask for the same few words many times.
  const std::vector<uint32_t>* Starting(uint32_t p, bool stripped) const;
  Hit Find(uint32_t p, TimeClass cls, Def def = Def::kNo) const;
  // False when no rule can match at p: every rule starts with a lexicon word at p (Find, with or
  // without the article) or with ASCII digits in Word(p) (Digits, ArticleDigits, YearNumber,
  // NumericDate).
  bool MayStart(uint32_t p) const;
  Hit FindMonth(uint32_t p) const;
  bool IsPunct(std::string_view word, PunctRole role) const;
  bool IsPunctAt(uint32_t p, PunctRole role) const;
  static bool IsPunctIn(const TimeLexicon& lex, const std::vector<uint32_t>* list, PunctRole role);
  Hit FindPunct(uint32_t p, PunctRole role) const;
  bool Digits(uint32_t p, int* value, int* ndigits) const;
  bool ArticleDigits(uint32_t p, int* value) const;  // الـ24

  // Whether tokens [begin, end) close a short quoted name with words before them: “روسيا اليوم”.
  bool EndsQuotedName(uint32_t begin, uint32_t end) const;

  // --- rules; each returns an empty Expr when it does not apply at p ---
  Expr Best(uint32_t p, bool anchored);
  Expr DayExpr(uint32_t p);
  Expr DayCore(uint32_t p, bool context);
  Expr DayMonth(uint32_t p);
  MonthName Month(uint32_t p) const;
  Expr MonthTail(const MonthName& month, int day);
  Expr MonthExpr(uint32_t p);
  Year YearNumber(uint32_t p, bool require_era) const;
  Expr YearExpr(uint32_t p);
  Expr NumericDate(uint32_t p);
  Expr RelUnit(uint32_t p);
  Expr Duration(uint32_t p, bool anchored);
  Count ParseCount(uint32_t p, Def def) const;
  Expr Clock(uint32_t p);
  Expr Period(uint32_t p);
  // Adds a following part-of-day adverb or clock time to a day-level expression.
  void TimeOfDay(Expr* e);

  const TimeLexicon& lex_;
  const CliticRules& clitics_;
  const Document& doc_;
  TimeResolver resolver_;
  uint32_t start_ = 0;  // the token where the current attempt starts
  std::string stem_;    // its form without proclitics
  struct Memo {
    bool done = false;
    const std::vector<uint32_t>* list = nullptr;
  };
  mutable std::vector<Memo> token_memo_;  // [2T] Starting of each token's norm: plain, stripped
  mutable Memo stem_memo_[2];             // Starting of stem_: plain, stripped
  uint32_t limit_ = 0;  // the end of its sentence
};

Hit Parser::Find(uint32_t p, TimeClass cls, Def def) const {
  if (!InRange(p)) return {};
  for (int pass = 0; pass < 2; ++pass) {
    std::string_view word = Word(p);
    if (pass == 0 && def == Def::kYes) continue;
    if (pass == 1) {
      const std::string& article = lex_.article();
      if (def == Def::kNo || article.empty() || word.size() <= article.size() ||
          word.substr(0, article.size()) != article) {
        break;
      }
    }
    const std::vector<uint32_t>* list = Starting(p, pass == 1);
    if (!list) continue;
    for (uint32_t index : *list) {
      const TimeEntry& e = lex_.entry(index);
      if (e.cls != cls) continue;
      bool match = true;
      for (size_t k = 1; k < e.words.size() && match; ++k) {
        match = InRange(p + k) && Word(p + k) == e.words[k];
      }
      if (match) return {&e, static_cast<uint32_t>(p + e.words.size())};
    }
  }
  return {};
}

Hit Parser::FindMonth(uint32_t p) const {
  Hit g = Find(p, TimeClass::kMonth);
  Hit h = Find(p, TimeClass::kHijriMonth);
  return (h && (!g || h.end > g.end)) ? h : g;
}

const std::vector<uint32_t>* Parser::Starting(uint32_t p, bool stripped) const {
  Memo& memo = p == start_ ? stem_memo_[stripped] : token_memo_[2 * p + stripped];
  if (!memo.done) {
    memo.list = lex_.Starting(Word(p).substr(stripped ? lex_.article().size() : 0));
    memo.done = true;
  }
  return memo.list;
}

bool Parser::MayStart(uint32_t p) const {
  const std::string_view word = Word(p);
  for (char c : word) {
    if (c >= '0' && c <= '9') return true;
  }
  if (Starting(p, false)) return true;
  const std::string& article = lex_.article();
  return !article.empty() && word.size() > article.size() && word.substr(0, article.size()) == article &&
         Starting(p, true);
}

bool Parser::IsPunctIn(const TimeLexicon& lex, const std::vector<uint32_t>* list, PunctRole role) {
  if (!list) return false;
  for (uint32_t index : *list) {
    const TimeEntry& e = lex.entry(index);
    if (e.cls == TimeClass::kPunct && e.punct == role && e.words.size() == 1) return true;
  }
  return false;
}

bool Parser::IsPunct(std::string_view word, PunctRole role) const { return IsPunctIn(lex_, lex_.Starting(word), role); }

bool Parser::IsPunctAt(uint32_t p, PunctRole role) const { return IsPunctIn(lex_, Starting(p, false), role); }

Hit Parser::FindPunct(uint32_t p, PunctRole role) const {
  if (!InRange(p) || !IsPunctAt(p, role)) return {};
  return {lex_.Single(Word(p), TimeClass::kPunct), p + 1};
}

bool Parser::Digits(uint32_t p, int* value, int* ndigits) const {
  if (!InRange(p)) return false;
  const std::string_view w = Word(p);
  if (!IsAsciiDigits(w) || w.size() > 6) return false;
  *value = std::stoi(std::string(w));
  *ndigits = static_cast<int>(w.size());
  return true;
}

bool Parser::ArticleDigits(uint32_t p, int* value) const {
  if (!InRange(p)) return false;
  std::string_view w = Word(p);
  const std::string& article = lex_.article();
  if (article.empty() || w.substr(0, article.size()) != article) return false;
  w.remove_prefix(article.size());
  if (!IsAsciiDigits(w) || w.size() > 6) return false;
  *value = std::stoi(std::string(w));
  return true;
}

// ---------------------------------------------------------------------------------------------
// The driver: at each token, every proclitic analysis of it, every rule; the longest match wins.

void Parser::Run(std::vector<Entity>* out) {
  const std::vector<Token>& tokens = doc_.tokens;
  bool anchored = false;  // the previous token was an anchor preposition (منذ، خلال …)
  uint32_t p = 0;
  while (p < tokens.size()) {
    const Sentence* sentence = tokens[p].sentence < doc_.sentences.size() ? &doc_.sentences[tokens[p].sentence] : nullptr;
    limit_ = sentence ? sentence->first_token + sentence->token_count : static_cast<uint32_t>(tokens.size());
    if (limit_ <= p) limit_ = p + 1;
    Expr best;
    uint32_t best_strip = 0;
    bool next_anchored = false;
    // The analyses with stems of one letter or more: the token's own (two letters or more) when no
    // analysis can leave a single letter.
    const Token& token = tokens[p];
    const bool stored = !token.analyses.empty() && CodePoints(token.norm) >= clitics_.max_proclitic_letters() + 2;
    const std::vector<CliticCandidate> computed = stored ? std::vector<CliticCandidate>()
                                                         : clitics_.Candidates(token.norm, 1);
    for (const CliticCandidate& c : stored ? token.analyses : computed) {
      if (c.strip_bytes > 0 && CodePoints(c.stem) < 2 && !IsAsciiDigits(c.stem)) continue;
      start_ = p;
      stem_ = c.stem;
      stem_memo_[0] = stem_memo_[1] = Memo();
      if (!MayStart(p)) continue;  // Best would find nothing, and no anchor
      if (Find(p, TimeClass::kAnchor)) next_anchored = true;
      Expr e = Best(p, anchored);
      if (e.end > best.end) {
        best = std::move(e);
        best_strip = c.strip_bytes;
      }
    }
    if (!best) {
      anchored = next_anchored;
      ++p;
      continue;
    }
    anchored = false;
    if (!best.skip && !EndsQuotedName(p, best.end)) {
      const Token& first = tokens[p];
      Entity entity;
      entity.type = "TIME";
      entity.span = {doc_.normalized.to_source[first.norm_span.begin + best_strip], tokens[best.end - 1].span.end};
      entity.value = best.value + best.time;
      entity.first_token = p;
      entity.last_token = best.end;
      out->push_back(std::move(entity));
    }
    p = best.end;
  }
}

bool Parser::EndsQuotedName(uint32_t begin, uint32_t end) const {
  const std::vector<Token>& tokens = doc_.tokens;
  if (end >= tokens.size() || tokens[end].kind != TokenKind::kQuoteClose) return false;
  constexpr uint32_t kMaxWordsBefore = 3;
  for (uint32_t k = 1; k <= kMaxWordsBefore + 1 && k <= begin; ++k) {
    const TokenKind kind = tokens[begin - k].kind;
    if (kind == TokenKind::kQuoteOpen) return k > 1;  // at least one word before the expression
    if (kind != TokenKind::kWord) return false;
  }
  return false;
}

Expr Parser::Best(uint32_t p, bool anchored) {
  Expr best;
  if (Hit h = Find(p, TimeClass::kNotTime)) {
    best.end = h.end;
    best.skip = true;
  }
  // قبل + a duration: "ago", the preposition inside the span; قبل يومين من … counts from that event.
  if (Hit a = Find(p, TimeClass::kAnchor); a && a.entry->ago) {
    Expr inner = Best(a.end, /*anchored=*/true);
    if (inner && inner.duration) {
      const bool from_event = static_cast<bool>(Find(inner.end, TimeClass::kOf));
      inner.value = from_event ? TimeResolver::Ref(inner.count, inner.unit, /*forward=*/false)
                               : resolver_.Ago(inner.count, inner.unit);
      inner.duration = false;
      Consider(std::move(inner), &best);
    }
  }
  Consider(DayExpr(p), &best);
  Consider(MonthExpr(p), &best);
  Consider(YearExpr(p), &best);
  Consider(NumericDate(p), &best);
  Consider(RelUnit(p), &best);
  Consider(Duration(p, anchored), &best);
  Consider(Clock(p), &best);
  Consider(Period(p), &best);
  return best;
}

// ---------------------------------------------------------------------------------------------
// Days: weekdays, relative days, dates with a day, each with an optional part of the day.

Expr Parser::DayExpr(uint32_t p) {
  if (Hit part = Find(p, TimeClass::kPartOfDay)) {
    Expr inner = DayCore(part.end, /*context=*/true);
    if (inner) {
      if (inner.time.empty()) inner.time = "T" + part.entry->part;
      return inner;
    }
  }
  if (Hit t = Find(p, TimeClass::kThis)) {  // هذا الصباح
    if (Hit part = Find(t.end, TimeClass::kPartOfDay, Def::kYes)) {
      Expr e;
      e.end = part.end;
      e.value = resolver_.DayOffset(0);
      e.time = "T" + part.entry->part;
      return e;
    }
  }
  return DayCore(p, /*context=*/false);
}

Expr Parser::DayCore(uint32_t p, bool context) {
  uint32_t q = p;
  if (Hit day = Find(p, TimeClass::kDayWord)) {
    q = day.end;
    context = true;
  }
  Expr best;
  if (Hit r = Find(q, TimeClass::kDayRel); r && (!r.entry->context || context)) {
    Expr e;
    e.end = r.end;
    e.value = r.entry->ref ? "REF" : resolver_.DayOffset(r.entry->number);
    if (!r.entry->part.empty()) e.time = "T" + r.entry->part;
    if (Hit w = Find(e.end, TimeClass::kWeekday)) e.end = w.end;  // أمس الأربعاء
    Consider(std::move(e), &best);
  }
  if (Expr u = RelUnit(q); u && u.ref_day) Consider(std::move(u), &best);  // اليوم التالي
  if (Hit w = Find(q, TimeClass::kWeekday)) {
    Expr e;
    e.end = w.end;
    WeekdayPlacement placement = WeekdayPlacement::kOnOrBefore;
    if (Hit m = Find(e.end, TimeClass::kModifier)) {
      const TimeModifier mod = m.entry->modifier;
      if (mod == TimeModifier::kPast || mod == TimeModifier::kNext || mod == TimeModifier::kCurrent) {
        if (mod == TimeModifier::kPast) placement = WeekdayPlacement::kBefore;
        if (mod == TimeModifier::kNext) placement = WeekdayPlacement::kAfter;
        e.end = m.end;
      }
    }
    e.value = resolver_.Weekday(w.entry->number, placement);
    uint32_t r = e.end;  // the weekday's date: الجمعة، 26 فبراير · الجمعة الموافق 26 فبراير
    if (Hit c = FindPunct(r, PunctRole::kComma)) r = c.end;
    else if (Hit a = Find(r, TimeClass::kApposition)) r = a.end;
    if (Expr date = DayMonth(r)) {
      e.end = date.end;
      e.value = date.value;
      e.time = date.time;
    }
    Consider(std::move(e), &best);
  }
  Consider(DayMonth(q), &best);
  if (q != p) Consider(NumericDate(q), &best);
  if (best) TimeOfDay(&best);
  return best;
}

void Parser::TimeOfDay(Expr* e) {
  if (Expr clock = Clock(e->end)) {
    e->end = clock.end;
    e->time = clock.time;
  } else if (Hit a = Find(e->end, TimeClass::kPartAdverb); a && e->time.empty()) {
    e->end = a.end;
    e->time = "T" + a.entry->part;
  }
}

Expr Parser::DayMonth(uint32_t p) {
  int day = 0, ndigits = 0;
  uint32_t q;
  if (Digits(p, &day, &ndigits) && ndigits <= 2 && day >= 1 && day <= 31) {
    q = p + 1;
  } else if (Hit o = Find(p, TimeClass::kOrdinal)) {  // الأول من مارس · الأول من الشهر الماضي
    Hit of = Find(o.end, TimeClass::kOf);
    if (!of) return {};
    day = o.entry->number;
    q = of.end;
    if (Hit u = Find(q, TimeClass::kUnit, Def::kYes);
        u && u.entry->unit == TimeUnit::kMonth && u.entry->form == UnitForm::kSingular) {
      Hit m = Find(u.end, TimeClass::kModifier);
      const TimeModifier mod = m ? m.entry->modifier : TimeModifier::kNone;
      if (mod != TimeModifier::kPast && mod != TimeModifier::kNext && mod != TimeModifier::kCurrent) return {};
      Expr e;
      e.end = m.end;
      e.value = resolver_.DayOfRelativeMonth(Modifier(m.entry->modifier), day);
      return e;
    }
  } else {
    return {};
  }
  MonthName month = Month(q);
  if (!month.end) return {};
  month.ambiguous = false;  // the day number is the context
  Expr e = MonthTail(month, day);
  if (e) TimeOfDay(&e);
  return e;
}

// ---------------------------------------------------------------------------------------------
// Months and years.

MonthName Parser::Month(uint32_t p) const {
  uint32_t q = p;
  bool context = false;
  if (Hit w = Find(p, TimeClass::kMonthWord)) {  // شهر رمضان
    q = w.end;
    context = true;
  }
  Hit m = FindMonth(q);
  if (!m) return {};
  MonthName out;
  out.end = m.end;
  out.number = m.entry->number;
  out.hijri = m.entry->cls == TimeClass::kHijriMonth;
  out.ambiguous = m.entry->context && !context;
  // The same month under its other name: فبراير/شباط · شباط (فبراير)
  auto same = [&](const Hit& other) {
    return other && other.entry->cls == m.entry->cls && other.entry->number == m.entry->number;
  };
  if (Hit slash = FindPunct(m.end, PunctRole::kAlt)) {
    if (Hit other = FindMonth(slash.end); same(other)) {
      out.end = other.end;
      out.ambiguous = out.ambiguous && other.entry->context;
    }
  } else if (Hit open = FindPunct(m.end, PunctRole::kAltOpen)) {
    if (Hit other = FindMonth(open.end); same(other)) {
      if (Hit close = FindPunct(other.end, PunctRole::kAltClose)) {
        out.end = close.end;
        out.ambiguous = out.ambiguous && other.entry->context;
      }
    }
  }
  return out;
}

Expr Parser::MonthTail(const MonthName& month, int day) {
  const std::string prefix = month.hijri ? "HIJRI:" : "";
  if (day > (month.hijri ? 30 : DaysInMonth(0, month.number))) return {};
  Expr e;
  e.end = month.end;
  Year year = YearNumber(month.end, /*require_era=*/false);
  if (!year.end) {  // مارس من عام 2020
    if (Hit of = Find(month.end, TimeClass::kOf)) {
      if (Hit word = Find(of.end, TimeClass::kYearWord, Def::kAny)) year = YearNumber(word.end, false);
    }
  }
  if (year.end) {
    if (!month.hijri && day > DaysInMonth(year.year, month.number)) return {};
    e.end = year.end;
    e.value = prefix + FormatDate(year.year, month.number, day);
    return e;
  }
  TimeModifier modifier = TimeModifier::kNone;
  if (Hit m = Find(month.end, TimeClass::kModifier)) {
    const TimeModifier mod = m.entry->modifier;
    if (mod == TimeModifier::kPast || mod == TimeModifier::kNext || mod == TimeModifier::kCurrent) {
      modifier = mod;
      e.end = m.end;
    }
  }
  if (month.ambiguous && modifier == TimeModifier::kNone) return {};
  e.value = month.hijri ? prefix + FormatDate(0, month.number, day) : resolver_.MonthDay(month.number, day, modifier);
  return e;
}

Expr Parser::MonthExpr(uint32_t p) {
  const MonthName month = Month(p);
  if (!month.end) return {};
  return MonthTail(month, 0);
}

Year Parser::YearNumber(uint32_t p, bool require_era) const {
  if (!InRange(p)) return {};
  Year out;
  const std::string_view w = Word(p);
  size_t digits = 0;
  while (digits < w.size() && w[digits] >= '0' && w[digits] <= '9') ++digits;
  if (digits < 3 || digits > 4) return {};
  out.year = std::stoi(std::string(w.substr(0, digits)));
  if (out.year == 0) return {};
  out.end = p + 1;
  if (digits < w.size()) {  // 1442هـ · 2015م
    const TimeEntry* era = lex_.Single(w.substr(digits), TimeClass::kEra);
    if (!era) return {};
    out.hijri = era->hijri;
    return out;
  }
  if (Hit era = Find(p + 1, TimeClass::kEra)) {
    out.end = era.end;
    out.hijri = era.entry->hijri;
    return out;
  }
  return require_era ? Year() : out;
}

Expr Parser::YearExpr(uint32_t p) {
  Year year;
  if (Hit word = Find(p, TimeClass::kYearWord, Def::kAny)) year = YearNumber(word.end, false);
  if (!year.end) year = YearNumber(p, /*require_era=*/true);
  if (!year.end) return {};
  Expr e;
  e.end = year.end;
  e.value = (year.hijri ? "HIJRI:" : "") + FormatDate(year.year, 0, 0);
  return e;
}

Expr Parser::NumericDate(uint32_t p) {
  if (!InRange(p)) return {};
  std::vector<std::string> parts;
  uint32_t end = p + 1;
  const std::string_view w = Word(p);
  if (!IsAsciiDigits(w)) {  // one token: 26.2.2021
    std::string sep;
    std::string current;
    for (char c : w) {
      if (c >= '0' && c <= '9') {
        current += c;
        continue;
      }
      if (current.empty() || !IsPunct(std::string(1, c), PunctRole::kDateSep)) return {};
      if (sep.empty()) sep = std::string(1, c);
      if (sep != std::string(1, c)) return {};
      parts.push_back(current);
      current.clear();
    }
    parts.push_back(current);
  } else {  // five tokens: 2021 / 02 / 26
    parts.emplace_back(w);
    for (int k = 0; k < 2; ++k) {
      const uint32_t s = p + 1 + 2 * k;
      if (!InRange(s + 1) || !IsPunctAt(s, PunctRole::kDateSep) || Word(s) != Word(p + 1) ||
          !IsAsciiDigits(Word(s + 1))) {
        return {};
      }
      parts.emplace_back(Word(s + 1));
    }
    end = p + 5;
  }
  if (parts.size() != 3) return {};
  for (const std::string& part : parts) {
    if (part.empty() || part.size() > 4) return {};
  }
  int year, month, day;
  if (parts[0].size() == 4 && parts[1].size() <= 2 && parts[2].size() <= 2) {
    year = std::stoi(parts[0]), month = std::stoi(parts[1]), day = std::stoi(parts[2]);
  } else if (parts[2].size() == 4 && parts[0].size() <= 2 && parts[1].size() <= 2) {
    day = std::stoi(parts[0]), month = std::stoi(parts[1]), year = std::stoi(parts[2]);
  } else {
    return {};
  }
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month)) return {};
  Expr e;
  e.end = end;
  e.value = FormatDate(year, month, day);
  TimeOfDay(&e);
  return e;
}

// ---------------------------------------------------------------------------------------------
// Relative units, durations, clock times, periods.

Expr Parser::RelUnit(uint32_t p) {
  uint32_t q = p;
  const bool demonstrative = static_cast<bool>(Find(p, TimeClass::kThis));
  if (demonstrative) q = Find(p, TimeClass::kThis).end;
  Count lead;  // الـ24 ساعة الماضية
  if (int v; ArticleDigits(q, &v)) lead = {q + 1, v};
  Hit u = lead.end ? Find(lead.end, TimeClass::kUnit) : Find(q, TimeClass::kUnit, Def::kYes);
  if (!u) return {};
  const TimeUnit unit = u.entry->unit;
  const UnitForm form = lead.end ? UnitForm::kPlural : u.entry->form;
  Expr e;
  e.unit = unit;
  if (form == UnitForm::kSingular) {  // الشهر الماضي · هذا العام · اليوم التالي
    Hit m = Find(u.end, TimeClass::kModifier);
    const TimeModifier mod = m ? m.entry->modifier : TimeModifier::kNone;
    e.end = m ? m.end : u.end;
    e.ref_day = unit == TimeUnit::kDay;
    switch (mod) {
      case TimeModifier::kPast:
      case TimeModifier::kNext:
      case TimeModifier::kCurrent: e.value = resolver_.CalendarUnit(unit, Modifier(mod)); break;
      case TimeModifier::kRefPast: e.value = TimeResolver::Ref(1, unit, false); break;
      case TimeModifier::kRefNext: e.value = TimeResolver::Ref(1, unit, true); break;
      case TimeModifier::kRefSame: e.value = TimeResolver::Ref(0, unit, true); break;
      case TimeModifier::kNone:
        if (!demonstrative) return {};
        e.value = resolver_.CalendarUnit(unit, 0);
    }
    return e;
  }
  // Plural and dual: الأيام الماضية · اليومين الماضيين · الأشهر الثلاثة المقبلة · الأسبوعين
  int count = lead.end ? lead.value : form == UnitForm::kDual ? 2 : kUnknownCount;
  uint32_t r = u.end;
  if (form == UnitForm::kPlural && !lead.end) {
    if (Count c = ParseCount(r, Def::kAny); c.end) {
      count = c.value;
      r = c.end;
    }
  }
  while (Hit v = Find(r, TimeClass::kVague)) r = v.end;
  const std::string duration = FormatDuration(count, unit);
  if (Hit m = Find(r, TimeClass::kModifier)) {
    e.end = m.end;
    switch (m.entry->modifier) {
      case TimeModifier::kPast: e.value = resolver_.Interval(count, unit, false); return e;
      case TimeModifier::kNext: e.value = resolver_.Interval(count, unit, true); return e;
      case TimeModifier::kRefPast: e.value = duration + "/REF"; return e;
      case TimeModifier::kRefNext: e.value = "REF/" + duration; return e;
      default: return {};
    }
  }
  if (demonstrative || count == kUnknownCount) return {};  // هذه الأيام, الأيام: vague
  e.end = r;
  e.value = duration;
  e.duration = true;
  e.count = count;
  return e;
}

Count Parser::ParseCount(uint32_t p, Def def) const {
  int value = 0, ndigits = 0;
  if (def != Def::kYes && Digits(p, &value, &ndigits) && value > 0) return {p + 1, value};
  if (def != Def::kNo && ArticleDigits(p, &value) && value > 0) return {p + 1, value};
  Hit h = Find(p, TimeClass::kNumber, def);
  if (!h) return {};
  Count c{h.end, h.entry->number};
  // Units and tens: خمسة وعشرين
  if (c.value >= 1 && c.value <= 9 && InRange(c.end)) {
    for (const CliticCandidate& cand : clitics_.Candidates(Word(c.end))) {
      if (cand.proclitics.empty()) continue;
      const TimeEntry* tens = lex_.Single(cand.stem, TimeClass::kNumber);
      if (tens && tens->number >= 20 && tens->number <= 90 && tens->number % 10 == 0) {
        c.value += tens->number;
        ++c.end;
        break;
      }
    }
  }
  return c;
}

Expr Parser::Duration(uint32_t p, bool anchored) {
  uint32_t q = p;
  const Hit approx = Find(p, TimeClass::kApprox);
  if (approx) q = approx.end;
  Expr e;
  e.duration = true;
  if (Count c = ParseCount(q, Def::kNo); c.end) {  // ثلاثة أيام · 48 ساعة · عدة أيام
    Hit u = Find(c.end, TimeClass::kUnit);
    if (!u) return {};
    e.end = u.end;
    e.count = c.value;
    e.unit = u.entry->unit;
  } else {
    Hit u = Find(q, TimeClass::kUnit);
    if (!u) return {};
    e.end = u.end;
    e.unit = u.entry->unit;
    switch (u.entry->form) {
      case UnitForm::kDual: e.count = 2; break;  // يومين
      case UnitForm::kSingular:
        if (Hit one = Find(u.end, TimeClass::kNumber); one && one.entry->number == 1) {  // يوم واحد
          e.end = one.end;
        } else if (!anchored && !approx) {
          return {};  // a bare يوم, شهر, عام is not TIME
        }
        e.count = 1;
        break;
      default:
        if (!anchored) return {};  // منذ سنوات
        e.count = kUnknownCount;
    }
  }
  e.value = FormatDuration(e.count, e.unit);
  return e;
}

Expr Parser::Clock(uint32_t p) {
  Hit word = Find(p, TimeClass::kClock);
  int hour = 0, minute = 0, ndigits = 0;
  if (!word || !Digits(word.end, &hour, &ndigits) || ndigits > 2 || hour > 24) return {};
  Expr e;
  e.end = word.end + 1;
  if (Hit colon = FindPunct(e.end, PunctRole::kClockSep)) {
    if (Digits(colon.end, &minute, &ndigits) && ndigits == 2 && minute < 60) e.end = colon.end + 1;
  }
  if (Hit part = Find(e.end, TimeClass::kPartAdverb)) {
    e.end = part.end;
    const std::string& code = part.entry->part;
    if ((code == "AF" || code == "EV" || code == "NI") && hour < 12) hour += 12;
  }
  char buf[16];
  std::snprintf(buf, sizeof buf, "T%02d:%02d", hour, minute);
  e.time = buf;
  return e;
}

Expr Parser::Period(uint32_t p) {
  Hit period = Find(p, TimeClass::kPeriod);
  if (!period) return {};
  Expr best;
  Consider(MonthExpr(period.end), &best);
  Consider(YearExpr(period.end), &best);
  Consider(DayMonth(period.end), &best);
  if (Expr rel = RelUnit(period.end); rel && !rel.duration) Consider(std::move(rel), &best);
  return best;
}

}  // namespace

Status TimeGrammar::Parse(std::string_view tsv, TimeGrammar* out) {
  TimeGrammar grammar;
  Status s = TimeLexicon::Parse(tsv, &grammar.lexicon_);
  if (!s.ok()) return s;
  if (grammar.lexicon_.article().empty()) return InvalidArgument("time: the lexicon has no article row");
  *out = std::move(grammar);
  return Status::Ok();
}

void TimeGrammar::Find(const Document& doc, const CliticRules& clitics, std::vector<Entity>* out) const {
  if (doc.tokens.empty() || doc.normalized.to_source.empty()) return;
  Parser(lexicon_, clitics, doc).Run(out);
}

}  // namespace isnad
