// Document: plain data produced by Analyzer::Analyze and enriched by each pipeline component.
//
// Every span is a half-open [begin, end) range of UTF-8 byte offsets into Document::text, the
// exact text the caller passed. Offsets are converted to UTF-16 or code points only where results
// leave the engine (json.h and the wasm glue).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace isnad {

struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  friend bool operator==(const Span& a, const Span& b) { return a.begin == b.begin && a.end == b.end; }
};

enum class TokenKind {
  kWord,         // letters (any script), possibly with combining marks
  kNumber,       // digits of any script, with inner separators
  kPunctuation,  // sentence and clause punctuation (. ، ؛ ؟ : ...)
  kQuoteOpen,    // an opening quotation mark (“ « ‘, or a straight quote judged to open)
  kQuoteClose,   // a closing quotation mark (” » ’, or a straight quote judged to close)
  kSymbol,       // anything else that is not whitespace (emoji, %, <, ...)
};

// One way to split a token's matching form into proclitics and a stem (text/clitics.h).
struct CliticCandidate {
  uint32_t strip_bytes = 0;  // bytes of the token's matching form taken by the proclitics
  std::string proclitics;    // those bytes, e.g. "وب"
  std::string stem;          // the rest, with elided letters restored (e.g. "العراق")
  bool restored = false;     // the stem got back a letter the spelling elides (لل → ل + ال)
};

struct Token {
  Span span;
  TokenKind kind = TokenKind::kWord;
  std::string norm;       // Arabic matching form of the token's text (see text/normalizer.h)
  Span norm_span;         // where `norm` lies in Document::normalized.text
  uint32_t sentence = 0;  // index into Document::sentences
  // The clitic analyses of `norm`, the unsplit one first (CliticRules::Candidates).
  std::vector<CliticCandidate> analyses;
};

struct Sentence {
  Span span;
  uint32_t first_token = 0;  // tokens [first_token, first_token + token_count) lie inside span
  uint32_t token_count = 0;
};

// The text in the Arabic matching form, with an alignment back to Document::text.
struct NormalizedText {
  std::string text;                 // NFKC + Arabic folding, UTF-8
  std::vector<uint32_t> to_source;  // [text.size() + 1] byte offset in Document::text for each byte
};

// A named entity or TIME expression (shared/spec/annotation.md section 1). The span leaves out
// attached proclitics (و ف ب ل ك), so it may start inside a token.
struct Entity {
  Span span;
  std::string type;        // PER ORG GPE LOC FAC MISC TIME
  std::string subtype;     // ORG only: MEDIA GOV ARMED OTHER (empty when unclear)
  std::string value;       // TIME only: ISO 8601 when resolvable, else a relative form
  uint32_t first_token = 0;  // tokens [first_token, last_token) overlap the span
  uint32_t last_token = 0;
  int cluster = -1;        // index into Document::clusters, -1 when none
};

// Mentions of one entity under different forms (a surname after the full name, ...).
struct Cluster {
  std::string type;
  std::string name;               // the longest mention's text
  std::vector<uint32_t> mentions;  // indices into Document::entities, in text order
  std::string latin;               // `name` in Latin letters (text/transliterator.h); empty for TIME
};

// One argument of an event (shared/spec/annotation.md section 2).
struct EventArgument {
  std::string role;  // agent target place time instrument count
  Span span;
  int entity = -1;   // index into Document::entities when the argument is an entity mention
};

// Something that happened, is happening, or is said may happen, anchored on its trigger.
struct Event {
  Span trigger;                  // one word, or a light verb and its noun (شنت غارات)
  std::string type;              // ATTACK KILL INJURE ... (lexicons/event-types.tsv)
  std::string plover;            // the type's PLOVER code
  std::string ace;               // the type's ACE code, empty when ACE has none
  std::vector<EventArgument> arguments;
  bool negated = false;          // polarity "negative": the text says it did not happen
  std::string modality = "asserted";  // asserted | possible | denied
  int attributed_to = -1;        // index into Document::attributions: the innermost content holding it
};

// A content tied to its source through a cue (shared/spec/annotation.md section 3).
struct Attribution {
  std::string act;               // STATE AFFIRM DENY ANNOUNCE REVEAL REPORT CLAIM WARN ACCUSE BELIEVE
  std::string mode;              // direct | indirect | mixed
  Span cue;
  Span source;                   // as written; for a dropped subject, the antecedent's span
  std::string source_kind;       // PERSON ORG MEDIA OFFICIAL ANONYMOUS DOCUMENT
  int source_entity = -1;        // index into Document::clusters, -1 when none
  std::vector<Span> via;         // relaying outlets, outermost first
  Span content;
  int attributed_to = -1;        // index into Document::attributions: the innermost content holding the cue
};

// The script and language the text was seen to be written in (text/language_guess.h).
struct Language {
  std::string script = "Zyyy";  // ISO 15924 code of the dominant script of its letters
  std::string code = "und";     // BCP 47: "ar", another language of the Arabic script, or "und"
  bool analyzed = true;         // false: not Arabic, so the Arabic layers left it alone
};

// Something about the input that the reader should know (e.g. it looks like HTML markup).
struct Warning {
  std::string code;
  std::string message;
  Span span;
};

struct Document {
  std::string text;
  NormalizedText normalized;
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  std::vector<Entity> entities;  // sorted by span.begin, never overlapping
  std::vector<Cluster> clusters;
  std::vector<Event> events;
  std::vector<Attribution> attributions;
  std::vector<Warning> warnings;
  Language language;
  std::string document_date;  // as given in AnalyzeOptions, empty when absent

  std::string_view SpanText(Span s) const { return std::string_view(text).substr(s.begin, s.size()); }
};

const char* TokenKindName(TokenKind kind);

}  // namespace isnad
