#include "isnad/text/clitics.h"

#include <unicode/utf8.h>

#include <algorithm>

#include "isnad/text/lexicon_tsv.h"

namespace isnad {
namespace {

int CodePoints(std::string_view s) {
  int n = 0;
  for (size_t i = 0; i < s.size(); ++i) n += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
  return n;
}

// Compares the prefix's last byte first: Arabic letters share their lead bytes (0xD8, 0xD9), so
// that byte rejects most non-matches without a call to memcmp.
bool StartsWith(std::string_view s, std::string_view prefix) {
  if (prefix.empty()) return true;
  return s.size() >= prefix.size() && s[prefix.size() - 1] == prefix.back() && s.substr(0, prefix.size()) == prefix;
}

}  // namespace

Status CliticRules::Parse(std::string_view tsv, CliticRules* out) {
  CliticRules rules;
  Status s = ForEachLexiconRow("clitics", tsv, &rules.version_, [&](const LexiconRow& row) {
    if (row.columns.size() < 2 || row.columns[0].empty()) return InvalidArgument("expected clitic, slot");
    if (row.columns[1] == "article") {
      rules.article_ = row.columns[0];
      return Status::Ok();
    }
    if (row.columns[1] == "suffix") {
      rules.suffixes_.push_back(row.columns[0]);
      return Status::Ok();
    }
    Rule rule;
    rule.clitic = row.columns[0];
    if (row.columns[1] == "conj") rule.slot = 0;
    else if (row.columns[1] == "prep") rule.slot = 1;
    else return InvalidArgument("slot must be conj, prep, article or suffix");
    if (row.columns.size() > 2) rule.restore = row.columns[2];
    if (row.columns.size() > 3) rule.requires_prefix = row.columns[3];
    rules.rules_.push_back(std::move(rule));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  int longest[2] = {0, 0};  // per slot
  for (const Rule& rule : rules.rules_) longest[rule.slot] = std::max(longest[rule.slot], CodePoints(rule.clitic));
  rules.max_proclitic_letters_ = longest[0] + longest[1];
  *out = std::move(rules);
  return Status::Ok();
}

bool CliticRules::IsProclitic(std::string_view s) const {
  for (const Rule& rule : rules_) {
    if (rule.clitic == s) return true;
  }
  return false;
}

bool CliticRules::IsSuffix(std::string_view s) const {
  return std::find(suffixes_.begin(), suffixes_.end(), s) != suffixes_.end();
}

bool CliticRules::OnlyConjunctions(std::string_view proclitics) const {
  while (!proclitics.empty()) {
    auto conj = std::find_if(rules_.begin(), rules_.end(), [&](const Rule& rule) {
      return rule.slot == 0 && StartsWith(proclitics, rule.clitic);
    });
    if (conj == rules_.end()) return false;
    proclitics.remove_prefix(conj->clitic.size());
  }
  return true;
}

std::vector<CliticCandidate> CliticRules::Candidates(std::string_view norm, int min_stem_letters) const {
  std::vector<CliticCandidate> out;
  out.reserve(4);  // most words have at most three analyses
  out.emplace_back();
  out.back().stem.assign(norm);
  Extend(norm, 0, CliticCandidate(), min_stem_letters, &out);
  return out;
}

void CliticRules::Extend(std::string_view rest, int next_slot, const CliticCandidate& current, int min_stem_letters,
                         std::vector<CliticCandidate>* out) const {
  for (const Rule& rule : rules_) {
    if (rule.slot < next_slot || !StartsWith(rest, rule.clitic)) continue;
    const std::string_view stem = rest.substr(rule.clitic.size());
    if (!StartsWith(stem, rule.requires_prefix) || CodePoints(stem) < min_stem_letters) continue;
    CliticCandidate next;
    next.strip_bytes = current.strip_bytes + static_cast<uint32_t>(rule.clitic.size());
    next.proclitics.reserve(current.proclitics.size() + rule.clitic.size());
    next.proclitics.append(current.proclitics).append(rule.clitic);
    next.stem.reserve(rule.restore.size() + stem.size());
    next.stem.append(rule.restore).append(stem);
    next.restored = !rule.restore.empty();
    out->push_back(next);
    // Only an unrestored stem can carry a further clitic.
    if (rule.restore.empty()) Extend(stem, rule.slot + 1, next, min_stem_letters, out);
  }
}

}  // namespace isnad
