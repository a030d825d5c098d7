#include "train/likeness_trainer.h"

#include <cmath>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include <unicode/utf8.h>

#include "isnad/text/utf8.h"

namespace isnad {
namespace {

bool HasArabicLetter(const std::string& word) {
  const auto* p = reinterpret_cast<const uint8_t*>(word.data());
  for (int32_t i = 0, n = static_cast<int32_t>(word.size()); i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (LetterScript(c) == USCRIPT_ARABIC) return true;
  }
  return false;
}

// N-gram counts over the distinct Arabic words of `words`.
struct NgramCounts {
  std::unordered_map<std::string, double> count;
  double total = 0;
};

NgramCounts CountNgrams(const std::vector<std::string>& words, int max_n) {
  NgramCounts out;
  std::unordered_set<std::string> seen;
  for (const std::string& w : words) {
    if (w.empty() || !HasArabicLetter(w) || !seen.insert(w).second) continue;
    ForEachLetterNgram(w, max_n, [&](std::string_view g) {
      out.count[std::string(g)] += 1;
      out.total += 1;
    });
  }
  return out;
}

}  // namespace

Status LearnNameLikeness(const std::vector<LikenessKindWords>& kinds, const std::vector<std::string>& common_words,
                         const LikenessTrainOptions& options, NameLikeness* out) {
  *out = NameLikeness();
  const NgramCounts common = CountNgrams(common_words, options.max_n);
  std::vector<NgramCounts> kind_counts;
  std::vector<std::string> kind_names;
  for (const LikenessKindWords& k : kinds) {
    kind_counts.push_back(CountNgrams(k.words, options.max_n));
    kind_names.push_back(k.kind);
    if (kind_counts.back().total == 0) return InvalidArgument("name likeness: kind " + k.kind + " has no words");
  }
  if (common.total == 0) return InvalidArgument("name likeness: no common words");
  // Every n-gram with its count over all sources; std::map for a deterministic order.
  std::map<std::string, double> all(common.count.begin(), common.count.end());
  for (const NgramCounts& k : kind_counts) {
    for (const auto& [g, c] : k.count) all[g] += c;
  }
  const double V = static_cast<double>(all.size());
  const double a = options.alpha;
  const double log_common_total = std::log(common.total + a * V);
  std::vector<double> log_kind_total;
  for (const NgramCounts& k : kind_counts) log_kind_total.push_back(std::log(k.total + a * V));
  auto count_in = [](const NgramCounts& c, const std::string& g) {
    auto it = c.count.find(g);
    return it == c.count.end() ? 0.0 : it->second;
  };
  std::vector<std::string> ngrams;
  std::vector<std::vector<float>> ratios;
  for (const auto& [g, total] : all) {
    if (total < options.min_count) continue;
    const double log_common = std::log(count_in(common, g) + a) - log_common_total;
    std::vector<float> r;
    for (size_t k = 0; k < kind_counts.size(); ++k) {
      r.push_back(static_cast<float>(std::log(count_in(kind_counts[k], g) + a) - log_kind_total[k] - log_common));
    }
    ngrams.push_back(g);
    ratios.push_back(std::move(r));
  }
  std::vector<float> unknown;
  for (size_t k = 0; k < kind_counts.size(); ++k) {
    unknown.push_back(static_cast<float>(log_common_total - log_kind_total[k]));  // log a cancels
  }
  return NameLikeness::Build(options.max_n, kind_names, ngrams, ratios, unknown, options.step, out);
}

}  // namespace isnad
