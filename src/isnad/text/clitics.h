// CliticRules: the ways a token's matching form can be split into proclitics and a stem, read from
// lexicons/clitics.tsv. Features, gazetteer lookups and entity spans use them to see وواشنطن as
// و + واشنطن and للحكومة as ل + (ا)لحكومة.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "isnad/status.h"

namespace isnad {

struct CliticCandidate {
  uint32_t strip_bytes = 0;  // bytes of the token's matching form taken by the proclitics
  std::string proclitics;    // those bytes, e.g. "وب"
  std::string stem;          // the rest, with elided letters restored (e.g. "العراق")
};

class CliticRules {
 public:
  static Status Parse(std::string_view tsv, CliticRules* out);

  // Every analysis of `norm`, the unsplit one first, then by growing strip. A stem keeps at least
  // `min_stem_letters` code points.
  std::vector<CliticCandidate> Candidates(std::string_view norm, int min_stem_letters = 2) const;
  int version() const { return version_; }

 private:
  struct Rule {
    std::string clitic;
    int slot = 0;  // 0 conj, 1 prep
    std::string restore;
    std::string requires_prefix;
  };
  void Extend(std::string_view rest, int next_slot, CliticCandidate current, int min_stem_letters,
              std::vector<CliticCandidate>* out) const;
  std::vector<Rule> rules_;
  int version_ = 0;
};

}  // namespace isnad
