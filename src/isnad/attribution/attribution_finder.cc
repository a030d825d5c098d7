#include "isnad/attribution/attribution_finder.h"

#include <algorithm>

#include "isnad/attribution/token_facts.h"
#include "isnad/text/word_forms.h"

namespace isnad {
namespace {

// Tokens [begin, end).
struct Phrase {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool empty() const { return begin >= end; }
};

// Why a scan over a noun phrase stopped.
enum class Stop { kLimit, kComplementizer, kQuote, kColon, kFrom, kTo, kVehicle, kClauseEnd, kCue, kBoundary, kComma, kSkip, kTooLong };

constexpr uint32_t kMaxSourceTokens = 14;
constexpr uint32_t kMaxPreverbalTokens = 8;
constexpr uint32_t kMaxNameQuoteTokens = 6;
constexpr uint32_t kAntecedentSentences = 4;
constexpr uint32_t kMaxSkippedWords = 4;
constexpr uint32_t kMaxUnknownSubjectTokens = 5;  // a subject with no known head (زعيم المعارضة)
constexpr uint32_t kMaxParentheticalTokens = 8;
// A content keeps at most this many tokens (a long quotation is cut there), which keeps the layer
// linear in the text however the sentences run.
constexpr uint32_t kMaxContentTokens = 512;
constexpr size_t kAnaphorEntities = 200;          // how far back a short form looks for its name
constexpr uint32_t kHeadWindow = 3;               // a head lies within the first words of a source

// Where the content starts, and the relays met on the way.
struct Opener {
  Stop kind = Stop::kLimit;  // kComplementizer, kQuote or kColon when found
  uint32_t at = 0;
  std::vector<Span> via;
};

class Builder {
 public:
  Builder(const TokenFacts& facts, std::string article, Document* doc)
      : f_(facts), doc_(*doc), article_(std::move(article)) {}

  void Run() {
    const uint32_t n = f_.size();
    for (uint32_t t = 0; t < n; ++t) {
      if (HeadlineColon(t)) continue;
      const LexiconHit& hit = f_.cue(t);
      if (!hit.found()) continue;
      const Cue& cue = f_.lexicon().cue(hit.entry);
      // A verb in a relative clause (الوثيقة التي نشرتها الصحيفة) describes a noun; it reports nothing.
      if (t > 0 && f_.is(t - 1, WordRole::kRelative)) continue;
      if (cue.kind == CueKind::kWriter) {
        t = hit.end_token - 1;
        continue;
      }
      Attribution a;
      a.act = cue.act;
      a.cue = SpanAfterProclitics(doc_, hit.first_token, hit.strip_bytes, hit.end_token);
      bool made = false;
      switch (cue.kind) {
        case CueKind::kVerb: made = Verb(hit, cue, &a); break;
        case CueKind::kParticiple: made = Participle(hit, &a); break;
        case CueKind::kPrep: made = Prep(hit, &a); break;
        case CueKind::kNoun: made = Noun(hit, cue, &a); break;
        case CueKind::kWriter: break;
      }
      if (made) Add(std::move(a), t);
      if (consumed_until_ > t) t = consumed_until_ - 1;
    }
    Nest();
  }

 private:
  // ---- attributions by cue kind ----

  bool Verb(const LexiconHit& hit, const Cue& cue, Attribution* a) {
    const uint32_t limit = f_.sentence_end(hit.first_token);
    // Subject before the verb (المصادر أكدت أن), else after it (قال مسؤول إن), else none
    // written (وأضاف أن: the last source speaks again).
    Phrase source;
    if (!f_.has_conjunction(hit.first_token)) source = Preverbal(hit.first_token);
    uint32_t u = SkipLead(hit.end_token, limit);
    Stop stop = Stop::kLimit;
    if (source.empty()) {
      uint32_t end = u;
      stop = ScanPhrase(u, limit, false, &end, cue.about);
      const bool ends_phrase = stop != Stop::kTooLong && stop != Stop::kLimit && stop != Stop::kClauseEnd;
      if (end > u && (f_.is(u, WordRole::kPreposition) || f_.cue(u).found() || IsToOutlet(u) || IsBareTo(u))) {
        // No subject written: the words after the verb belong to its clause (نؤكد فيه أن، تابع
        // قائلاً، قال لقناة X إن).
      } else if (end > u && ends_phrase && (HeadLike({u, end}) || UnknownSubject({u, end}))) {
        source = {u, end};
      } else if (end > u && cue.object) {
        source = NounPhrase(u, limit);
        if (source.empty()) return false;
      } else if (end > u) {
        return false;
      }
      if (!source.empty()) u = source.end;
    }
    // Relays: نقل موقع X عن مصادر، كشفت صحيفة X، نقلاً عن مسؤولين: X relays, the rest speaks.
    std::vector<Span> via;
    if (!source.empty()) {
      const uint32_t next = SkipCommasAndTime(u, limit);
      uint32_t from_end = 0;
      if (cue.relay && next < limit && f_.is(next, WordRole::kFrom)) from_end = next + 1;
      if (IsQuotingPrep(next)) from_end = f_.cue(next).end_token;
      if (from_end > 0) {
        uint32_t end = from_end;
        ScanPhrase(from_end, limit, false, &end);
        if (end > from_end && SourceLike({from_end, end})) {
          via.push_back(TokensSpan(source));
          source = {from_end, end};
          u = end;
          consumed_until_ = std::max(consumed_until_, from_end);
        }
      }
    }
    Opener opener;
    const bool opened = FindOpener(u, limit, &opener);
    for (Span v : opener.via) via.push_back(v);
    if (opened) {
      if (!Content(opener, limit, a)) return false;
    } else if (!About(cue, u, limit, a) && !ObjectContent(cue, source, u, limit, a)) {
      return false;
    }
    if (source.empty()) {
      if (!Antecedent(hit.first_token, a, /*with_via=*/false)) return false;
    } else {
      SetSource(source, a);
    }
    a->via = std::move(via);
    return true;
  }

  // تحدثت مصادر عن وجود تنسيق / أفادت وكالات بسقوط صاروخ: the preposition's object is the content.
  bool About(const Cue& cue, uint32_t u, uint32_t limit, Attribution* a) const {
    if (cue.about.empty()) return false;
    u = SkipCommasAndTime(u, limit);
    if (u >= limit || !f_.is_word(u)) return false;
    Span begin_span;
    uint32_t first = u;
    if (doc_.tokens[u].norm == cue.about) {
      first = u + 1;
      if (first >= limit) return false;
      begin_span = doc_.tokens[first].span;
    } else {
      uint32_t strip = 0;
      for (const CliticCandidate& c : doc_.tokens[u].analyses) {
        if (c.proclitics == cue.about && !c.restored) strip = c.strip_bytes;
      }
      if (strip == 0) return false;
      begin_span = SpanAfterProclitics(doc_, u, strip, u + 1);
    }
    const uint32_t end = ContentEnd(first, limit);
    if (end <= first) return false;
    a->content = TokensSpan({first, end});
    a->content.begin = begin_span.begin;
    a->mode = HasQuote(a->content) ? "mixed" : "indirect";
    return true;
  }

  // Whether token u is the preposition `prep`, or starts with it as a proclitic.
  bool StartsWithPreposition(uint32_t u, const std::string& prep) const {
    if (!f_.is_word(u)) return false;
    if (doc_.tokens[u].norm == prep) return true;
    for (const CliticCandidate& c : doc_.tokens[u].analyses) {
      if (c.proclitics == prep && !c.restored) return true;
    }
    return false;
  }

  // نفت الوزارة الخبر: an object verb's object is its content.
  bool ObjectContent(const Cue& cue, Phrase source, uint32_t u, uint32_t limit, Attribution* a) const {
    if (!cue.object || source.empty()) return false;
    const uint32_t begin = SkipCommasAndTime(u, limit);
    const uint32_t end = ContentEnd(begin, limit);
    if (begin >= end) return false;
    a->content = TokensSpan({begin, end});
    a->mode = "indirect";
    return true;
  }

  bool Participle(const LexiconHit& hit, Attribution* a) {
    const uint32_t limit = f_.sentence_end(hit.first_token);
    Opener opener;
    if (!FindOpener(hit.end_token, limit, &opener) || !Content(opener, limit, a)) return false;
    return Antecedent(hit.first_token, a, /*with_via=*/true);
  }

  bool Prep(const LexiconHit& hit, Attribution* a) {
    const uint32_t begin = f_.sentence_begin(hit.first_token);
    const uint32_t limit = f_.sentence_end(hit.first_token);
    uint32_t end = hit.end_token;
    ScanPhrase(hit.end_token, limit, true, &end);
    if (end <= hit.end_token) return false;
    const Phrase source{hit.end_token, end};
    if (!HeadLike(source) && f_.source_kind(source.begin) != "ANTECEDENT") return false;
    // The clause before the phrase, when there is one (..., بحسب المصادر), else the one after it.
    uint32_t clause = hit.first_token > begin + kMaxContentTokens ? hit.first_token - kMaxContentTokens : begin;
    for (uint32_t t = clause; t < hit.first_token; ++t) {
      if (f_.is(t, WordRole::kComplementizer) || f_.is_colon(t)) clause = t + 1;
    }
    uint32_t clause_end = hit.first_token;
    while (clause_end > clause && !f_.is_word(clause_end - 1) && !f_.is_quote_close(clause_end - 1)) --clause_end;
    if (clause_end > clause + 1) {
      a->content = TokensSpan({clause, clause_end});
    } else {
      uint32_t u = SkipCommasAndTime(end, limit);
      if (u < limit && f_.is_complementizer(u)) ++u;
      const uint32_t content_end = ContentEnd(u, limit);
      if (u >= content_end) return false;
      a->content = TokensSpan({u, content_end});
    }
    a->mode = HasQuote(a->content) ? "mixed" : "indirect";
    if (f_.source_kind(source.begin) == "ANTECEDENT") return Antecedent(hit.first_token, a, /*with_via=*/false);
    SetSource(source, a);
    return true;
  }

  bool Noun(const LexiconHit& hit, const Cue& cue, Attribution* a) {
    const uint32_t limit = f_.sentence_end(hit.first_token);
    uint32_t end = hit.end_token;
    const Stop stop = ScanPhrase(hit.end_token, limit, true, &end);
    Phrase source{hit.end_token, end};
    if (stop == Stop::kTooLong || stop == Stop::kLimit || stop == Stop::kClauseEnd) {
      if (!cue.object) return false;
      source = NounPhrase(hit.end_token, limit);
    }
    if (source.empty() || !HeadLike(source)) return false;
    Opener opener;
    if (FindOpener(source.end, limit, &opener)) {
      if (!Content(opener, limit, a)) return false;
    } else {
      if (!cue.object || f_.entity_starting(source.begin) < 0) return false;
      const uint32_t begin = SkipCommasAndTime(source.end, limit);
      const uint32_t content_end = ContentEnd(begin, limit);
      if (begin >= content_end) return false;
      a->content = TokensSpan({begin, content_end});
      a->mode = "indirect";
    }
    SetSource(source, a);
    a->via = opener.via;
    return true;
  }

  // "رويترز: ..." at the start of a line: the colon is the cue of a REPORT.
  bool HeadlineColon(uint32_t t) {
    if (t != f_.sentence_begin(t)) return false;
    const Span first = doc_.tokens[t].span;
    if (first.begin > 0 && doc_.text[first.begin - 1] != '\n') {
      // Only the first sentence of a line: a headline stands alone on it.
      size_t i = first.begin;
      while (i > 0 && (doc_.text[i - 1] == ' ' || doc_.text[i - 1] == '\t')) --i;
      if (i > 0 && doc_.text[i - 1] != '\n') return false;
    }
    const int e = f_.entity_starting(t);
    if (e < 0) return false;
    const Entity& entity = doc_.entities[e];
    if (entity.type != "ORG" && entity.type != "PER") return false;
    const uint32_t colon = entity.last_token;
    const uint32_t limit = f_.sentence_end(t);
    if (colon + 1 >= limit || !f_.is_colon(colon)) return false;
    const uint32_t end = ContentEnd(colon + 1, limit);
    if (end <= colon + 1) return false;
    Attribution a;
    a.act = "REPORT";
    a.cue = doc_.tokens[colon].span;
    a.content = TokensSpan({colon + 1, end});
    a.mode = "indirect";
    SetSource({t, colon}, &a);
    Add(std::move(a), t);
    return true;
  }

  // ---- phrases ----

  // Skips what may stand between a verb and its subject: a time, commas, له, an adverb.
  uint32_t SkipLead(uint32_t u, uint32_t limit) const {
    while (u < limit && (f_.is_time(u) || f_.is_comma(u) || f_.is_pronoun_object(u) || f_.is(u, WordRole::kAdverb))) ++u;
    return u;
  }

  uint32_t SkipCommasAndTime(uint32_t u, uint32_t limit) const {
    while (u < limit && (f_.is_time(u) || f_.is_comma(u) || f_.is(u, WordRole::kSkip))) ++u;
    return u;
  }

  // Whether token t starts a quoting preposition (نقلاً عن، على لسان) that names the real source.
  bool IsQuotingPrep(uint32_t t) const {
    if (t >= f_.size()) return false;
    const LexiconHit& hit = f_.cue(t);
    return hit.found() && f_.lexicon().cue(hit.entry).kind == CueKind::kPrep && hit.end_token > t + 1;
  }

  // Whether token t is "ل" + an outlet: the addressee of a statement, which relays it.
  bool IsToOutlet(uint32_t t) const {
    if (IsBareTo(t)) return OutletAt(t + 1 < f_.size() && f_.is_quote_open(t + 1) ? t + 2 : t + 1);
    return f_.lexicon().ToPrepositionBytes(f_.doc(), t) > 0 && OutletAt(t);
  }

  // The preposition written apart (لـ «الصحيفة»: tatweel, then a space or a quotation mark).
  bool IsBareTo(uint32_t t) const { return f_.is_word(t) && f_.lexicon().IsToPreposition(doc_.tokens[t].norm); }

  // Whether an outlet (an ORG entity or a media noun) starts at token t.
  bool OutletAt(uint32_t t) const {
    const int e = f_.entity_starting(t);
    if (e >= 0 && doc_.entities[e].type == "ORG") return true;
    return f_.source_kind(t) == "MEDIA";
  }

  // Scans a noun phrase from u; *end is where it stops, and the return value says why.
  Stop ScanPhrase(uint32_t u, uint32_t limit, bool comma_ends, uint32_t* end, const std::string& about = "") const {
    const uint32_t begin = u;
    while (u < limit) {
      if (u - begin >= kMaxSourceTokens) {
        *end = u;
        return Stop::kTooLong;
      }
      Stop stop = Stop::kLimit;
      if (f_.is_clause_end(u)) stop = Stop::kClauseEnd;
      else if (f_.is_colon(u)) stop = Stop::kColon;
      else if (f_.is_comma(u)) {
        // A comma continues a phrase only before an appositive name or title (، جيمس كيربي).
        const uint32_t next = u + 1;
        const int e = f_.entity_starting(next);
        const bool apposition = (e >= 0 && doc_.entities[e].type != "TIME") || !f_.source_kind(next).empty();
        if (comma_ends || !apposition || f_.cue(next).found()) stop = Stop::kComma;
      } else if (u > begin && f_.is_time(u)) {
        stop = Stop::kComma;
      } else if (f_.is_quote_open(u)) {
        const uint32_t close = f_.quote_close(u);
        // A short quoted name inside the phrase (موقع “إندبندنت عربية”) is kept.
        if (close > u && close - u <= kMaxNameQuoteTokens + 1 && close + 1 < limit && !f_.is_clause_end(close + 1) &&
            (u > begin || !f_.is_comma(close + 1))) {
          u = close + 1;
          continue;
        }
        stop = Stop::kQuote;
      } else if (f_.is_complementizer(u)) stop = Stop::kComplementizer;
      else if (f_.is(u, WordRole::kFrom) && u > begin) stop = Stop::kFrom;
      else if (f_.is(u, WordRole::kSkip) && f_.is_complementizer(f_.word(u, WordRole::kSkip).end_token)) {
        stop = Stop::kSkip;
      }
      else if (f_.is(u, WordRole::kBoundary)) stop = Stop::kBoundary;
      else if (f_.is(u, WordRole::kVehiclePrep) && u + 1 < limit && f_.is(u + 1, WordRole::kVehicle)) stop = Stop::kVehicle;
      else if (u > begin && (IsToOutlet(u) || IsBareTo(u))) stop = Stop::kTo;
      else if (u > begin && !about.empty() && StartsWithPreposition(u, about)) stop = Stop::kFrom;
      // In a phrase that only a comma ends (بحسب تقرير نشرته صحيفة، ...) a verb is a relative clause.
      else if (u > begin && !comma_ends && f_.cue(u).found() && !f_.is(u - 1, WordRole::kRelative)) stop = Stop::kCue;
      if (stop != Stop::kLimit) {
        *end = u;
        return stop;
      }
      ++u;
    }
    *end = u;
    return Stop::kLimit;
  }

  // A subject written before its verb: back from the verb (over كان، قد) to a clause boundary. A
  // comma is crossed only before an appositive name (المتحدث باسم الوزارة، فلان الفلاني، قال).
  Phrase Preverbal(uint32_t verb) const {
    const uint32_t begin = f_.sentence_begin(verb);
    uint32_t end = verb;
    while (end > begin && f_.is(end - 1, WordRole::kAuxiliary)) --end;
    if (end > begin + 1 && f_.is_comma(end - 1)) --end;
    uint32_t start = end;
    while (start > begin && end - start <= kMaxPreverbalTokens) {
      const uint32_t p = start - 1;
      if (f_.is_comma(p)) {
        const int e = f_.entity_starting(start);
        if (start == end || e < 0 || doc_.entities[e].type != "PER" || doc_.entities[e].last_token != end) break;
      } else if (f_.is_quote_open(p) || f_.is_quote_close(p)) {
        // a quoted name inside the subject
      } else if (!f_.is_word(p) || f_.is(p, WordRole::kComplementizer) || f_.is(p, WordRole::kBoundary) ||
                 f_.is(p, WordRole::kRelative) ||
                 f_.is(p, WordRole::kAuxiliary) || (f_.cue(p).found() && f_.entity_covering(p) < 0)) {
        break;
      }
      --start;
    }
    while (start < end && (f_.is_quote_close(start) || f_.is_comma(start))) ++start;
    if (start >= end) return {};
    if (end - start > kMaxPreverbalTokens) {
      // Too long for a subject: the entity right before the verb, if any.
      const int e = f_.entity_covering(end - 1);
      if (e < 0 || doc_.entities[e].type == "TIME") return {};
      start = doc_.entities[e].first_token;
    }
    // A prepositional phrase before the verb (من جهتها، نفت) is no subject.
    if (f_.is(start, WordRole::kPreposition)) return {};
    const Phrase phrase{start, end};
    return HeadLike(phrase) ? phrase : Phrase{};
  }

  // A noun phrase that ends without punctuation: an entity, or a source head (after a quantifier)
  // with its modifiers.
  Phrase NounPhrase(uint32_t u, uint32_t limit) const {
    uint32_t end = u;
    if (const int e = f_.entity_starting(u); e >= 0 && doc_.entities[e].type != "TIME") {
      end = doc_.entities[e].last_token;
    } else {
      while (end < limit && f_.is(end, WordRole::kQuantifier)) ++end;
      if (end >= limit || f_.source_kind(end).empty()) return {};
      end = std::max(end + 1, f_.word(end, WordRole::kSource).end_token);
    }
    while (end < limit && f_.is_modifier(end)) ++end;
    return {u, end};
  }

  // Whether a phrase can speak: it holds a named entity (not a time) or a source head.
  bool SourceLike(Phrase p) const {
    for (uint32_t t = p.begin; t < p.end; ++t) {
      const int e = f_.entity_covering(t);
      if (e >= 0 && doc_.entities[e].type != "TIME") return true;
      if (!f_.source_kind(t).empty()) return true;
    }
    return false;
  }

  // A short definite noun phrase with no known head (زعيم المعارضة is not definite; البروفيسور is).
  bool UnknownSubject(Phrase p) const {
    return p.end - p.begin <= kMaxUnknownSubjectTokens && f_.is_word(p.begin) && StartsWithArticle(p.begin);
  }

  // Whether a phrase starts like a source: an entity or a source head (after quantifiers) within
  // its first words.
  bool HeadLike(Phrase p) const {
    uint32_t t = p.begin;
    while (t + 1 < p.end && f_.is(t, WordRole::kQuantifier)) t = f_.word(t, WordRole::kQuantifier).end_token;
    // A quoted name (أفادت "خلية الإعلام" أن) is a name.
    if (f_.is_quote_open(t) && f_.quote_close(t) > t + 1 && f_.quote_close(t) < p.end) return true;
    for (uint32_t k = t; k < p.end && k < t + kHeadWindow; ++k) {
      const int e = f_.entity_starting(k);
      if (e >= 0 && doc_.entities[e].type != "TIME") return true;
      if (!f_.source_kind(k).empty()) return true;
      if (!f_.is_word(k) && !f_.is_quote_open(k)) return false;
    }
    return false;
  }

  // ---- content ----

  // After a source: relays (لرويترز), vehicles (في بيان)، times and commas, then the opener.
  bool FindOpener(uint32_t u, uint32_t limit, Opener* out) const {
    for (int steps = 0; u < limit && steps < 12; ++steps) {
      if (f_.is_complementizer(u)) return *out = {Stop::kComplementizer, u, out->via}, true;
      if (f_.is_quote_open(u)) return *out = {Stop::kQuote, u, out->via}, true;
      if (f_.is_colon(u)) return *out = {Stop::kColon, u, out->via}, true;
      if (f_.is_comma(u) && ParentheticalEnd(u, limit) > 0) {
        u = ParentheticalEnd(u, limit);
      } else if (f_.is_comma(u) || f_.is_time(u) || f_.is(u, WordRole::kSkip) || f_.is(u, WordRole::kAdverb) ||
                 f_.is_pronoun_object(u)) {
        ++u;
      } else if (f_.is(u, WordRole::kVehiclePrep) && u + 1 < limit && f_.is(u + 1, WordRole::kVehicle)) {
        u = f_.word(u + 1, WordRole::kVehicle).end_token;
        while (u < limit && f_.is_modifier(u)) ++u;
      } else if (IsToOutlet(u)) {
        // The outlet starts after the preposition: in the same token (لرويترز) or the next ones.
        uint32_t first = u;
        if (IsBareTo(u)) first = f_.is_quote_open(u + 1) ? u + 2 : u + 1;
        uint32_t end = first + 1;
        if (const int e = f_.entity_starting(first); e >= 0) end = std::max(end, doc_.entities[e].last_token);
        while (end < limit && (f_.is_modifier(end) || f_.is_quote_close(end) ||
                               (f_.entity_covering(end) >= 0 && !f_.is_time(end)))) {
          ++end;
        }
        Span via = TokensSpan({first, end});
        if (first == u) {
          via.begin = doc_.normalized.to_source[doc_.tokens[u].norm_span.begin + f_.lexicon().ToPrepositionBytes(doc_, u)];
        }
        if (const int e = f_.entity_starting(first); e >= 0) via.begin = doc_.entities[e].span.begin;
        if (f_.is_quote_close(end - 1) && end - 1 > first) via.end = doc_.tokens[end - 2].span.end;
        out->via.push_back(via);
        u = end;
      } else {
        // A short object or adverb before the complementizer (أبلغ القادة أن، أعلنت بعد يومين أنها).
        for (uint32_t k = u + 1; k < limit && k <= u + kMaxSkippedWords; ++k) {
          if (f_.is_quote_open(k) && f_.is_complementizer(k + 1)) return *out = {Stop::kQuote, k, out->via}, true;
          if (!f_.is_word(k) || f_.cue(k).found()) return false;
          if (f_.is_complementizer(k)) return *out = {Stop::kComplementizer, k, out->via}, true;
        }
        return false;
      }
    }
    return false;
  }

  // "، وهي جماعة صغيرة، إنها": an aside between two commas before an opener. Returns the token
  // after the second comma, or 0.
  uint32_t ParentheticalEnd(uint32_t comma, uint32_t limit) const {
    for (uint32_t k = comma + 1; k < limit && k <= comma + kMaxParentheticalTokens; ++k) {
      if (f_.is_comma(k)) {
        const uint32_t next = k + 1;
        const bool opens = f_.is_complementizer(next) || f_.is_quote_open(next) || f_.is_colon(next);
        return opens && k > comma + 1 ? next : 0;
      }
      if (!f_.is_word(k) || f_.cue(k).found()) return 0;
    }
    return 0;
  }

  bool Content(const Opener& opener, uint32_t limit, Attribution* a) const {
    uint32_t begin = opener.at + 1;
    if (begin >= limit) return false;
    if (opener.kind == Stop::kColon && f_.is_complementizer(begin)) ++begin;
    const uint32_t quote = opener.kind == Stop::kQuote ? opener.at : (f_.is_quote_open(begin) ? begin : 0);
    if (quote > 0 || opener.kind == Stop::kQuote) {
      const uint32_t close = f_.quote_close(quote);
      const uint32_t inner_end =
          close > quote ? std::min(close, quote + 1 + kMaxContentTokens) : ContentEnd(quote + 1, limit);
      const bool whole = close > quote && ContentEnd(close + 1, limit) <= close + 1;
      if (opener.kind == Stop::kQuote || whole || close == 0) {
        if (inner_end <= quote + 1) return false;
        a->content = TokensSpan({quote + 1, inner_end});
        a->mode = "direct";
        return true;
      }
    }
    const uint32_t end = ContentEnd(begin, limit);
    if (end <= begin) return false;
    a->content = TokensSpan({begin, end});
    a->mode = HasQuote(a->content) ? "mixed" : (opener.kind == Stop::kColon ? "direct" : "indirect");
    return true;
  }

  // Where a reported clause from `begin` ends: the sentence end, or a sibling report of the same
  // speaker (، مضيفاً أن / ، وأضاف أن).
  uint32_t ContentEnd(uint32_t begin, uint32_t limit) const {
    limit = std::min(limit, begin + kMaxContentTokens);
    uint32_t end = begin;
    for (uint32_t u = begin; u < limit; ++u) {
      if (u > begin && f_.is_comma(u) && u + 1 < limit && f_.is(u + 1, WordRole::kBoundary) && CueWithin(u + 2, limit)) break;
      const LexiconHit& hit = f_.cue(u);
      if (hit.found() && u > begin) {
        const CueKind kind = f_.lexicon().cue(hit.entry).kind;
        if (kind == CueKind::kParticiple) break;
        if (kind == CueKind::kVerb && f_.has_conjunction(u) && (f_.is_comma(u - 1) || OpensRightAfter(hit.end_token, limit))) break;
      }
      end = u + 1;
    }
    while (end > begin && !f_.is_word(end - 1) && !f_.is_quote_close(end - 1) &&
           doc_.tokens[end - 1].kind != TokenKind::kNumber && doc_.tokens[end - 1].kind != TokenKind::kSymbol) {
      --end;
    }
    // An unmatched closing mark at the end belongs to an outer quote.
    if (end > begin && f_.is_quote_close(end - 1) && !HasQuote(TokenRange(begin, end - 1))) --end;
    return end;
  }

  // Whether a content opens right after token u (وقال: / وأضاف أن / وقال له إن): a new report.
  bool OpensRightAfter(uint32_t u, uint32_t limit) const {
    while (u < limit && f_.is_pronoun_object(u)) ++u;
    return u < limit && (f_.is_complementizer(u) || f_.is_colon(u) || f_.is_quote_open(u));
  }

  // Whether a verb cue starts within the next few words: a new report begins.
  bool CueWithin(uint32_t u, uint32_t limit) const {
    for (uint32_t k = u; k < limit && k < u + kMaxSkippedWords; ++k) {
      const LexiconHit& hit = f_.cue(k);
      if (hit.found() && f_.lexicon().cue(hit.entry).kind == CueKind::kVerb) return true;
      if (!f_.is_word(k)) return false;
    }
    return false;
  }

  Span TokenRange(uint32_t begin, uint32_t end) const { return {doc_.tokens[begin].span.begin, doc_.tokens[end - 1].span.end}; }

  bool HasQuote(Span s) const {
    auto it = std::lower_bound(doc_.tokens.begin(), doc_.tokens.end(), s.begin,
                               [](const Token& t, uint32_t offset) { return t.span.begin < offset; });
    for (; it != doc_.tokens.end() && it->span.begin < s.end; ++it) {
      if (it->kind == TokenKind::kQuoteOpen) return true;
    }
    return false;
  }

  // The text span of tokens [begin, end) without edge punctuation, starting where an entity in
  // the first token starts (its proclitics left out).
  Span TokensSpan(Phrase p) const {
    uint32_t end = p.end;
    while (end > p.begin + 1 && doc_.tokens[end - 1].kind == TokenKind::kPunctuation) --end;
    Span span = TokenRange(p.begin, end);
    if (const int e = f_.entity_starting(p.begin); e >= 0 && doc_.entities[e].span.begin < span.end) {
      span.begin = doc_.entities[e].span.begin;
    }
    return span;
  }

  // ---- source ----

  void SetSource(Phrase p, Attribution* a) const {
    a->source = TokensSpan(p);
    uint32_t head = p.begin;
    while (head + 1 < p.end && f_.is(head, WordRole::kQuantifier)) head = f_.word(head, WordRole::kQuantifier).end_token;
    std::string_view kind = f_.source_kind(head);
    int person = -1, named = -1, persons = 0;
    for (uint32_t t = p.begin; t < p.end; ++t) {
      const int e = f_.entity_starting(t);
      if (e < 0 || doc_.entities[e].type == "TIME") continue;
      if (doc_.entities[e].type == "PER") {
        if (person < 0 || doc_.entities[e].cluster != doc_.entities[person].cluster) ++persons;
        if (person < 0) person = e;
      } else if (named < 0) {
        named = e;
      }
    }
    const int entity = person >= 0 && (kind.empty() || kind == "OFFICIAL") ? person : (named >= 0 ? named : person);
    if (kind == "OFFICIAL" && person >= 0) kind = "PERSON";
    if (kind.empty() && entity >= 0) {
      const Entity& e = doc_.entities[entity];
      kind = e.type == "PER" ? "PERSON" : (e.type == "ORG" && e.subtype == "MEDIA" ? "MEDIA" : "ORG");
    }
    if (persons > 1 && entity == person) a->source_entity = -1;  // several named people
    else if (entity >= 0) a->source_entity = doc_.entities[entity].cluster;
    else a->source_entity = Anaphor(head);
    if (kind.empty() && a->source_entity >= 0) {
      // A short form (المرصد) speaks as what it stands for.
      const Cluster& c = doc_.clusters[a->source_entity];
      const Entity& e = doc_.entities[c.mentions.front()];
      kind = e.type == "PER" ? "PERSON" : (e.type == "ORG" && e.subtype == "MEDIA" ? "MEDIA" : "ORG");
    }
    // An unknown head: a definite noun names an institution (الشرطة), an indefinite one a person
    // by role (زعيم).
    if (kind.empty()) kind = StartsWithArticle(head) ? "ORG" : "OFFICIAL";
    // An organization noun that names none (فصائل مسلحة، جماعات) is an unnamed source; one made
    // definite by its genitive (كتائب الفجر) names a group.
    const bool definite_genitive = head + 1 < p.end && f_.is_word(head + 1) && StartsWithArticle(head + 1);
    if (kind == "ORG" && entity < 0 && a->source_entity < 0 && !StartsWithArticle(head) && !definite_genitive &&
        !f_.source_kind(head).empty()) {
      kind = "ANONYMOUS";
    }
    a->source_kind = std::string(kind);
  }

  bool StartsWithArticle(uint32_t t) const {
    const std::string& norm = doc_.tokens[t].norm;
    return norm.size() > article_.size() && norm.compare(0, article_.size(), article_) == 0;
  }

  // A definite description (الوزارة، الصحيفة، الموقع) names the last entity it describes: one whose
  // first word, or the word before it, is the same noun.
  int Anaphor(uint32_t head) const {
    const LexiconHit hit = f_.word(head, WordRole::kSource);
    if (!hit.found()) return -1;
    const std::string& noun = f_.lexicon().word(hit.entry).word;
    const std::string definite = article_ + noun;
    auto names = [&](uint32_t token) {
      for (const CliticCandidate& c : doc_.tokens[token].analyses) {
        if (c.stem == noun || c.stem == definite) return true;
      }
      return false;
    };
    // The entities before the head, nearest first, within a window (entities are sorted).
    auto before = std::lower_bound(doc_.entities.begin(), doc_.entities.end(), head,
                                   [](const Entity& e, uint32_t token) { return e.first_token < token; });
    size_t i = static_cast<size_t>(before - doc_.entities.begin());
    for (size_t seen = 0; i-- > 0 && seen < kAnaphorEntities; ++seen) {
      const Entity& e = doc_.entities[i];
      if (e.type == "TIME" || e.cluster < 0) continue;
      const uint32_t t = e.first_token;
      if (names(t) || (t > 0 && names(t - 1))) return e.cluster;
    }
    return -1;
  }

  // A source that is not written: the last attribution's, within a few sentences.
  bool Antecedent(uint32_t cue_token, Attribution* a, bool with_via) const {
    if (doc_.attributions.empty()) return false;
    const Attribution& last = doc_.attributions.back();
    if (doc_.tokens[cue_token].sentence > last_sentence_ + kAntecedentSentences) return false;
    a->source = last.source;
    a->source_kind = last.source_kind;
    a->source_entity = last.source_entity;
    if (with_via) a->via = last.via;
    return !a->source.empty();
  }

  void Add(Attribution a, uint32_t cue_token) {
    doc_.attributions.push_back(std::move(a));
    last_sentence_ = doc_.tokens[cue_token].sentence;
    sentence_of_.push_back(last_sentence_);
    cue_token_.push_back(cue_token);
  }

  // attributed_to: the innermost other content that holds the cue. A content lies in its cue's
  // sentence, and attributions come in text order, so only those of the same sentence compete.
  void Nest() {
    auto& all = doc_.attributions;
    size_t first = 0;
    for (size_t i = 0; i < all.size(); ++i) {
      // Contents hold at most kMaxContentTokens tokens, so a cue further away cannot hold this one.
      while (sentence_of_[first] != sentence_of_[i] || cue_token_[first] + 2 * kMaxContentTokens < cue_token_[i]) ++first;
      int best = -1;
      for (size_t j = first; j < all.size() && sentence_of_[j] == sentence_of_[i] &&
                             cue_token_[j] <= cue_token_[i] + 2 * kMaxContentTokens; ++j) {
        if (i == j || all[j].content.begin > all[i].cue.begin || all[i].cue.end > all[j].content.end) continue;
        if (best < 0 || all[j].content.size() < all[best].content.size()) best = static_cast<int>(j);
      }
      all[i].attributed_to = best;
    }
  }

  const TokenFacts& f_;
  Document& doc_;
  const std::string article_;
  uint32_t consumed_until_ = 0;
  uint32_t last_sentence_ = 0;
  std::vector<uint32_t> sentence_of_;  // the sentence of each attribution's cue
  std::vector<uint32_t> cue_token_;    // the first token of each attribution's cue
};

}  // namespace

void AttributionFinder::Find(Document* doc) const {
  doc->attributions.clear();
  if (doc->tokens.empty()) return;
  const TokenFacts facts(*doc, lexicon_, clitics_, gazetteer_);
  Builder builder(facts, clitics_.article(), doc);
  builder.Run();
}

}  // namespace isnad
