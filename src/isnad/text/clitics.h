// CliticRules: the ways a token's matching form can be split into proclitics and a stem, read from
// lexicons/clitics.tsv. Features, gazetteer lookups and entity spans use them to see وواشنطن as
// و + واشنطن and للحكومة as ل + (ا)لحكومة.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "isnad/document.h"
#include "isnad/status.h"

namespace isnad {

class CliticRules {
 public:
  static Status Parse(std::string_view tsv, CliticRules* out);

  // Every analysis of `norm`, the unsplit one first, then by growing strip. A stem keeps at least
  // `min_stem_letters` code points.
  std::vector<CliticCandidate> Candidates(std::string_view norm, int min_stem_letters = 2) const;
  // The most code points a chain of proclitics can take (one conj, then one prep). A norm longer
  // than that by `min_stem_letters` or more has the same Candidates for every smaller minimum.
  int max_proclitic_letters() const { return max_proclitic_letters_; }
  // Whether `s` is one proclitic (a conj or prep row) or one suffix pronoun (a suffix row).
  bool IsProclitic(std::string_view s) const;
  bool IsSuffix(std::string_view s) const;
  // Whether `proclitics` (a CliticCandidate's) is made of conjunctions only (و، فـ), the only
  // proclitics a verb takes.
  bool OnlyConjunctions(std::string_view proclitics) const;
  // The suffix pronouns, in lexicon order.
  const std::vector<std::string>& suffixes() const { return suffixes_; }

  // The definite article (the lexicon's "article" row), which proclitics never take away.
  const std::string& article() const { return article_; }
  bool StartsWithArticle(std::string_view s) const {
    return !article_.empty() && s.substr(0, article_.size()) == article_;
  }
  int version() const { return version_; }

 private:
  struct Rule {
    std::string clitic;
    int slot = 0;  // 0 conj, 1 prep
    std::string restore;
    std::string requires_prefix;
  };
  void Extend(std::string_view rest, int next_slot, const CliticCandidate& current, int min_stem_letters,
              std::vector<CliticCandidate>* out) const;
  std::vector<Rule> rules_;
  std::vector<std::string> suffixes_;
  std::string article_;
  int max_proclitic_letters_ = 0;
  int version_ = 0;
};

}  // namespace isnad
