// Word forms: how the lemma lexicons (cue verbs, event triggers) meet the text. Inflections reads
// the paradigms of lexicons/inflection.tsv; a WordFormIndex expands each lexicon stem through its
// paradigm into surface forms and finds them in a Document's tokens through the tokens' clitic
// analyses, so that one row (قال: perfect قال, imperfect قول) matches وقالت، فيقول، سيقولون.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "isnad/document.h"
#include "isnad/status.h"
#include "isnad/text/clitics.h"
#include "isnad/text/flat_string_map.h"

namespace isnad {

struct Paradigm {
  std::string name;
  std::vector<std::string> prefixes;  // "" for the empty affix
  std::vector<std::string> suffixes;  // a leading '~' replaces the stem's final letter
  bool any_proclitics = false;        // false: conjunctions only (verbs)
  bool pronouns = false;              // a suffix pronoun may follow ...
  std::vector<std::string> only_pronouns;  // ... only one of these, when not empty
  std::string final_from;             // stem-final letter rewritten before a suffix (ه) ...
  std::string final_to;               // ... as this (ت); both empty for none
};

class Inflections {
 public:
  static Status Parse(std::string_view tsv, Inflections* out);
  // The paradigm called `name`, or nullptr.
  const Paradigm* Find(std::string_view name) const;
  // Every surface form of `stem` in `paradigm`, without proclitics or pronouns.
  static std::vector<std::string> Expand(const Paradigm& paradigm, std::string_view stem);
  // Calls f(form) for Expand's forms in its order, repeats included, each built in *scratch (the
  // view lives until the next call): the same forms without a string for each.
  template <typename F>
  static void ForEachForm(const Paradigm& paradigm, std::string_view stem, std::string* scratch, F f);
  int version() const { return version_; }

 private:
  std::vector<Paradigm> paradigms_;
  int version_ = 0;
};

template <typename F>
void Inflections::ForEachForm(const Paradigm& paradigm, std::string_view stem, std::string* scratch, F f) {
  const std::string_view from = paradigm.final_from;
  const bool final_letter = !from.empty() && stem.size() >= from.size() && stem.substr(stem.size() - from.size()) == from;
  const std::string_view base = final_letter ? stem.substr(0, stem.size() - from.size()) : stem;
  for (const std::string& prefix : paradigm.prefixes) {
    for (const std::string& suffix : paradigm.suffixes) {
      scratch->assign(prefix);
      if (!suffix.empty() && suffix[0] == '~') {
        if (!final_letter) continue;
        scratch->append(base);
        scratch->append(suffix, 1, std::string::npos);
      } else if (final_letter && !suffix.empty()) {
        scratch->append(base);
        scratch->append(paradigm.final_to);
        scratch->append(suffix);
      } else {
        scratch->append(stem);
        scratch->append(suffix);
      }
      f(std::string_view(*scratch));
    }
  }
}

// One lexicon stem to index: "perfect:قال" in a lexicon's stems column, with the literal words
// that must follow it ("عن" after نقلا) from its own column.
struct StemSpec {
  std::string paradigm;
  std::string stem;
};

// Parses a stems column: space-separated "paradigm:stem[,stem...]" items
// (e.g. "perfect:قال,قل imperfect:قول participle:قائل").
Status ParseStemSpecs(std::string_view column, std::vector<StemSpec>* out);

// Where a lexicon entry occurs in a document: tokens [first_token, end_token), the first one
// after its first `strip_bytes` bytes of proclitics.
struct WordFormMatch {
  uint32_t entry = 0;
  uint32_t first_token = 0;
  uint32_t end_token = 0;
  uint32_t strip_bytes = 0;
  const Paradigm* paradigm = nullptr;  // valid while the index lives
  bool pronoun = false;  // the first token carries a suffix pronoun (قاله)
};

class WordFormIndex {
 public:
  // Adds every form of `spec` for lexicon entry `entry`; `then` lists the words (matching form)
  // that must follow on the next tokens, each equal to a token or to a clitic analysis' stem.
  Status Add(const Inflections& inflections, const StemSpec& spec, const std::vector<std::string>& then,
             uint32_t entry);
  // Every entry that matches at token `t` of `doc`, whose tokens carry their clitic analyses.
  // A form must keep at least two letters once its proclitics are removed.
  void Lookup(const Document& doc, uint32_t t, const CliticRules& clitics, std::vector<WordFormMatch>* out) const;
  size_t size() const { return forms_.size(); }

 private:
  static constexpr uint32_t kNoTarget = UINT32_MAX;
  struct Target {
    uint32_t entry;
    uint32_t paradigm;  // index into paradigms_
    uint32_t then;      // index into thens_
    uint32_t next;      // the form's next target in targets_, or kNoTarget
    bool pronoun_only;  // the ta-marbuta form of a stem before a pronoun (زيارت in زيارته)
  };
  // A form's targets: a list through targets_, in the order added (one array for all forms, not a
  // vector for each).
  struct TargetList {
    uint32_t first = kNoTarget;
    uint32_t last = kNoTarget;
  };
  bool FollowedBy(const Document& doc, uint32_t t, const std::vector<std::string>& then) const;
  // The paradigms of the added stems (copies: the index does not depend on the Inflections).
  std::vector<Paradigm> paradigms_;
  // The lists of words that must follow a form, each once in a row of Adds; [0] is empty.
  std::vector<std::vector<std::string>> thens_{{}};
  // form (without proclitics and pronoun) → entries
  FlatStringMap<TargetList> forms_;
  std::vector<Target> targets_;
};

// The span of token `t` from its first letter after `strip_bytes` bytes of proclitics (in the
// token's matching form) to the end of token `end_token - 1`.
Span SpanAfterProclitics(const Document& doc, uint32_t t, uint32_t strip_bytes, uint32_t end_token);

}  // namespace isnad
