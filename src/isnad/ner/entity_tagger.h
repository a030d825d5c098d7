// EntityTagger: the statistical entity layer. For each sentence it extracts features
// (features.h), decodes the CRF (crf_model.h), and turns the B-/I- labels into entities:
//   - a span starts after the proclitics of its first token (وواشنطن → واشنطن, للعراق → لعراق),
//     chosen by the gazetteer match there, else by a stem known as a name, else by a stem that
//     carries the article after a proclitic, else the whole token; right after a title (and its
//     portfolio and nationality) or a construct's designator it starts at the token's first
//     letter;
//   - ORG gets a subtype from the gazetteer categories "ORG.<SUB>" of the whole name or
//     "DESIG.ORG.<SUB>" of its first word, else none;
//   - tokens already covered by an entity (TIME, found before) are left alone;
//   - label consistency over the document: a name the CRF found once marks its other mentions
//     that it left untagged. For PER, a surname (the last word of a name of two or more words)
//     or a one-word name of four letters or more; for other types, the whole name. A word the
//     gazetteer lists as a title, designator, nationality or compass word never propagates;
//   - a span of such words only is a common noun and is dropped.
#pragma once

#include <string>
#include <vector>

#include "isnad/document.h"
#include "isnad/ner/crf_model.h"
#include "isnad/ner/gazetteer.h"
#include "isnad/ner/features.h"
#include "isnad/text/clitics.h"
#include "isnad/text/flat_string_map.h"

namespace isnad {

class EntityTagger {
 public:
  // All three must outlive the tagger.
  EntityTagger(const CrfModel* crf, const Gazetteer* gazetteer, const CliticRules* clitics);

  // Adds the tagger's entities to doc->entities (kept sorted and non-overlapping). Remembers
  // the local feature weights of the words it meets (below), so one tagger serves one Tag call
  // at a time.
  void Tag(Document* doc);

 private:
  // The labels of one sentence's tokens [begin, end); `features` is a buffer, [T][*],
  // overwritten.
  void Labels(const Document& doc, uint32_t begin, uint32_t end, const std::vector<GazetteerMatch>& matches,
              std::vector<std::vector<uint64_t>>* features, std::vector<int>* labels);
  // For each token of [first, last), the row of local_weights_ that holds the summed weights of
  // its local features (features.h, FeatureScope::kLocal), [L]. They follow from its kind and
  // matching form alone, so a word's are computed once and remembered (up to kLocalMemoLimit
  // words; then the memo starts over). A token's emission scores are its label bias, plus these,
  // plus its context features' weights, always summed in that order, so the memo never changes a
  // result. `features` is scratch; the rows are valid until the next call.
  const std::vector<uint32_t>& LocalWeightRows(const Document& doc, uint32_t first, uint32_t last,
                                               std::vector<std::vector<uint64_t>>* features);
  uint32_t ProcliticBytes(const std::vector<CliticCandidate>& candidates, uint32_t token,
                          const std::vector<GazetteerMatch>& matches) const;
  std::string Subtype(const std::vector<GazetteerMatch>& matches, uint32_t begin, uint32_t end) const;
  // Adds to `found` the untagged mentions of the names in it (see above). `taken`: [T].
  void PropagateNames(const Document& doc, std::vector<bool>* taken, std::vector<Entity>* found) const;

  const CrfModel* crf_;
  const Gazetteer* gazetteer_;
  const CliticRules* clitics_;
  FeatureExtractor features_;
  static constexpr size_t kLocalMemoLimit = 16384;
  FlatStringMap<uint32_t> local_rows_;  // kind byte + matching form → row of local_weights_
  std::vector<float> local_weights_;    // [rows][L]
  std::string local_key_;               // scratch: a memo key
  std::vector<uint32_t> new_tokens_;    // scratch: the tokens whose words the memo lacked
  std::vector<uint32_t> rows_;          // LocalWeightRows' result
  int known_word_category_ = -1;  // gazetteer category "KNOWN.WORD": words seen inside names
  // [categories] whether a word in the category never propagates as a name: titles,
  // nationalities, compass words, portfolios and designators ("DESIG.*").
  std::vector<bool> designator_like_;
  bool IsDesignatorLike(const std::string& word) const;
  // Whether token `token` follows words that a name stands right after, with no preposition or
  // conjunction between: a title in apposition, perhaps with its portfolio and nationality
  // (الوزير فالون، وزير الدفاع البريطاني فالون), or a designator without the article heading a
  // construct (حكومة فالون). Such a token's span starts at its first letter, even when a clitic
  // reading leaves a listed name (ف + الون). A nationality after anything else ends a phrase
  // (السفارة البريطانية بلندن).
  bool FollowsNameHead(const Document& doc, uint32_t token) const;
  enum NameHead : uint8_t { kTitleHead = 1, kModifierHead = 2, kDesignatorHead = 4 };
  std::vector<uint8_t> name_head_;  // [categories] the NameHead bits a category gives its words
  uint8_t HeadKinds(std::string_view word) const;  // the union of name_head_ over word's categories
  // [categories] whether a category lists names of the built-in lists (CLDR, curated: PER, GPE,
  // LOC, FAC, ORG.<SUB>), as opposed to designators, learned names ("NAME.*") and the rest.
  std::vector<bool> listed_name_;
  bool IsKnownWord(const std::string& word) const;  // listed in "KNOWN.WORD"
  // Whether every token of [begin, end) is, or has a clitic stem that is, designator-like, and
  // no listed name (`matches`, listed_name_) is exactly the span: such a span is a common noun
  // (الميليشيات، الوزارة), never a name by itself.
  bool OnlyDesignators(const Document& doc, uint32_t begin, uint32_t end,
                       const std::vector<GazetteerMatch>& matches) const;
  // The first token of the name in a PER span [begin, end): past the title that opens it, with
  // the title's portfolio and nationality (الدكتور لام اكول → لام اكول; وزير الخارجيه الامريكي
  // كولن باول → كولن باول), since a person's span is the name alone (spec §1). A title is a
  // TITLE word or phrase (`matches`, or a clitic stem of the token). `begin` when no title opens
  // the span, or when nothing but titles and their modifiers is in it.
  uint32_t NameAfterTitles(const Document& doc, uint32_t begin, uint32_t end,
                           const std::vector<GazetteerMatch>& matches) const;
};

}  // namespace isnad
