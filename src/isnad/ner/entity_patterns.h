// EntityPatterns: the rule layer that runs after the statistical tagger. Each pattern of
// lexicons/entity-patterns.tsv (its header documents the pattern language) is a sequence of
// token atoms — a gazetteer category, an entity found before, a quoted span, a literal word —
// and the entity it yields: ORG GOV for الجيش العراقي, FAC for مطار بغداد, LOC for شرق سوريا, the
// MEDIA name after صحيفة, ...
//
// Apply contract:
//   - tokens are visited left to right; at each token the longest match of any pattern wins
//     (the most tokens, context included; then the fewest proclitic bytes on its first token;
//     then the earlier row) and matching resumes after it;
//   - a match lies inside one sentence, overlaps no TIME entity, and every other entity it
//     overlaps lies inside it; those entities are removed and the new one takes their place;
//   - the span starts after the proclitics of its first token (للحكومة العراقية → لحكومة
//     العراقية), as CliticRules analyse it; only the first atom of a match may carry them;
//   - doc->entities stays sorted by span.begin and non-overlapping; the new entity has its
//     first_token, last_token (the tokens its span overlaps), type, subtype and cluster -1.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "isnad/document.h"
#include "isnad/ner/gazetteer.h"
#include "isnad/status.h"
#include "isnad/text/clitics.h"
#include "isnad/text/flat_string_map.h"

namespace isnad {

class EntityPatterns {
 public:
  // One alternative of an atom (see the lexicon header).
  struct Alternative {
    enum class Kind { kCategory, kEntity, kQuote, kLatin, kLiteral };
    Kind kind = Kind::kLiteral;
    std::string value;         // the category, the entity type ("ANY" for any but TIME), the word
    int article = 0;           // kCategory: +1 the first word has ال (:def), -1 it has not (:indef)
    bool rest = false;         // kEntity: may be the rest of an entity begun earlier in the match
    bool acronym = false;      // kLatin: @ACRONYM (2-6 letters, all upper-case) rather than @LATIN
  };
  struct Atom {
    std::vector<Alternative> alternatives;
    bool repeat = false;    // atom+
    bool optional = false;  // atom?
    bool in_span = true;    // inside the [ ] of the pattern (or no brackets)
  };
  // What a match's first token must offer, from the pattern's first atom when it is required:
  // a literal of the atom among the token's clitic stems (first_literals_), a gazetteer name
  // starting there (category), an entity covering it (entity), an opening quote mark (quote) or
  // a word token (latin).
  // A pattern whose first atom is optional can start anywhere (any).
  struct FirstAtom {
    bool any = true;
    bool category = false, entity = false, quote = false, latin = false;
  };
  struct Pattern {
    std::vector<Atom> atoms;
    std::string type;
    std::string subtype;  // "=" keeps the replaced ORG's subtype
    int line = 0;         // in the lexicon, for messages
  };

  // Parses lexicons/entity-patterns.tsv. InvalidArgument naming the line on a malformed row.
  static Status Parse(std::string_view tsv, EntityPatterns* out);

  // Adds the patterns' entities to doc->entities (see the contract above). Category atoms are
  // looked up in `gazetteer`, proclitics split with `clitics`.
  void Apply(const Gazetteer& gazetteer, const CliticRules& clitics, Document* doc) const;

  const std::vector<Pattern>& patterns() const { return patterns_; }
  int version() const { return version_; }

 private:
  void IndexFirstAtoms();

  std::vector<Pattern> patterns_;
  std::vector<FirstAtom> first_atoms_;                                     // [patterns]
  FlatStringMap<std::vector<uint32_t>> first_literals_;                    // word -> patterns
  int version_ = 0;
};

}  // namespace isnad
