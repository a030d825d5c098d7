// AttributionLexicon: the cues of lexicons/cues.tsv and the surrounding words of
// lexicons/attribution-words.tsv, expanded through the paradigms of lexicons/inflection.tsv and
// matched on a Document's tokens through their clitic analyses (text/word_forms.h).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "isnad/document.h"
#include "isnad/status.h"
#include "isnad/text/clitics.h"
#include "isnad/text/word_forms.h"

namespace isnad {

enum class CueKind { kVerb, kParticiple, kPrep, kNoun, kWriter };

struct Cue {
  std::string lemma;
  std::string act;       // empty for kWriter
  CueKind kind = CueKind::kVerb;
  bool relay = false;    // نقل X عن Y: X relays, Y is the source
  bool object = false;   // the content may be the verb's object (نفت الوزارة الخبر)
  bool bare = false;     // never with a suffix pronoun (رأيه is a noun)
  std::string about;     // a preposition whose object may be the content (تحدث عن، أفاد بـ), or ""
};

enum class WordRole {
  kComplementizer, kVehicle, kVehiclePrep, kFrom, kTo, kSkip, kAuxiliary, kQuantifier, kModifier, kSource, kBoundary, kRelative, kPreposition, kSubordinator, kAdverb,
};

struct AttributionWord {
  std::string word;
  WordRole role = WordRole::kSkip;
  std::string source_kind;  // kSource only: ANONYMOUS OFFICIAL DOCUMENT MEDIA ORG ANTECEDENT
};

// A lexicon entry found at a token: entry index, tokens [first_token, end_token), and the
// proclitic bytes of the first token.
struct LexiconHit {
  int entry = -1;
  uint32_t first_token = 0;
  uint32_t end_token = 0;
  uint32_t strip_bytes = 0;
  bool found() const { return entry >= 0; }
};

class AttributionLexicon {
 public:
  // Parses cues.tsv and attribution-words.tsv; their stems use the paradigms of `inflections`.
  static Status Parse(std::string_view cues_tsv, std::string_view words_tsv, const Inflections& inflections,
                      AttributionLexicon* out);

  // The cue at token t: the longest match, a writer entry winning a tie. Not found when none.
  LexiconHit CueAt(const Document& doc, uint32_t t, const CliticRules& clitics) const;
  // Every surrounding word at token t, each role's longest match once.
  void WordsAt(const Document& doc, uint32_t t, const CliticRules& clitics, std::vector<LexiconHit>* out) const;
  // Whether token t starts with a "to" preposition as its proclitic (لرويترز، للصحيفة), and the
  // bytes it takes (0 when not).
  uint32_t ToPrepositionBytes(const Document& doc, uint32_t t) const;
  bool IsToPreposition(std::string_view word) const;

  // The class of a punctuation mark (attribution-words.tsv, role punctuation): ',' a comma, ':' a
  // colon, '.' a clause end, 0 for a mark not listed.
  char PunctuationClass(std::string_view mark) const;

  const Cue& cue(int entry) const { return cues_[entry]; }
  const AttributionWord& word(int entry) const { return words_[entry]; }
  int cues_version() const { return cues_version_; }
  int words_version() const { return words_version_; }

 private:
  LexiconHit Longest(const WordFormIndex& index, const Document& doc, uint32_t t, const CliticRules& clitics,
                     const std::function<bool(int, bool)>& accept, const std::function<bool(int, int)>& prefer) const;

  std::vector<Cue> cues_;
  std::vector<AttributionWord> words_;
  std::vector<std::string> to_prepositions_;
  std::vector<std::pair<std::string, char>> punctuation_;  // mark, class (a dozen: searched in order)
  WordFormIndex cue_index_;
  WordFormIndex word_index_;
  int cues_version_ = 0;
  int words_version_ = 0;
};

}  // namespace isnad
