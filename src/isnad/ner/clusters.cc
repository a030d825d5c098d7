#include "isnad/ner/clusters.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace isnad {
namespace {


using Words = std::vector<std::string>;


int CodePoints(std::string_view s) {
  int n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// The matching forms of the word and number tokens under `span`, cut to the span.
Words MentionWords(const Document& doc, const Span& span) {
  Words words;
  const std::vector<uint32_t>& to_source = doc.normalized.to_source;
  const std::string& norm = doc.normalized.text;
  auto it = std::lower_bound(doc.tokens.begin(), doc.tokens.end(), span.begin,
                             [](const Token& t, uint32_t offset) { return t.span.end <= offset; });
  for (; it != doc.tokens.end() && it->span.begin < span.end; ++it) {
    if (it->kind != TokenKind::kWord && it->kind != TokenKind::kNumber) continue;
    uint32_t b = it->norm_span.begin, e = it->norm_span.end;
    if (e > norm.size() || e >= to_source.size()) continue;
    while (b < e && to_source[b] < span.begin) ++b;
    while (e > b && to_source[e - 1] >= span.end) --e;
    if (b == e) continue;
    std::string word = norm.substr(b, e - b);
    // A span that starts after the token's proclitics reads the stem as the clitic analysis gives
    // it: للحكومة with the span at its second lam is الحكومه.
    if (b > it->norm_span.begin && e == it->norm_span.end) {
      for (const CliticCandidate& c : it->analyses) {
        if (c.restored && c.strip_bytes == b - it->norm_span.begin) word = c.stem;
      }
    }
    words.push_back(std::move(word));
  }
  if (words.empty()) {  // no tokens under the span (a hand-built entity): split its text
    const std::string_view text = doc.SpanText(span);
    size_t start = 0;
    while (start < text.size()) {
      size_t space = text.find(' ', start);
      if (space == std::string_view::npos) space = text.size();
      if (space > start) words.emplace_back(text.substr(start, space - start));
      start = space + 1;
    }
  }
  return words;
}

// The first word without the article, when more than one letter is left.
std::string ArticleLess(const CliticRules& clitics, const std::string& word) {
  const size_t n = clitics.article().size();
  return clitics.StartsWithArticle(word) && word.size() > n + 2 ? word.substr(n) : word;
}

Words WithoutArticle(const CliticRules& clitics, Words words) {
  if (!words.empty()) {
    words[0] = ArticleLess(clitics, words[0]);
  }
  return words;
}

bool IsInitialOrFinalPart(const Words& part, const Words& whole) {
  if (part.empty() || part.size() >= whole.size()) return false;
  return std::equal(part.begin(), part.end(), whole.begin()) ||
         std::equal(part.begin(), part.end(), whole.end() - part.size());
}

// `whole` without its first word equals `part`, the article on either first word aside.
bool IsTail(const CliticRules& clitics, const Words& part, const Words& whole) {
  if (whole.size() < 2 || part.size() != whole.size() - 1) return false;
  const Words tail(whole.begin() + 1, whole.end());
  return tail == part || WithoutArticle(clitics, tail) == WithoutArticle(clitics, part);
}

struct ClusterWords {
  std::string type;
  std::vector<Words> mentions;
};

// Rules 2 and 3 of clusters.h: whether `words` may join `cluster`.
bool Related(const CliticRules& clitics, const std::string& type, const Words& words, const ClusterWords& cluster) {
  const bool per = type == "PER";
  const bool place = type == "FAC" || type == "GPE" || type == "LOC";
  const bool article = place || type == "ORG";
  bool all_parts = per && words.size() >= 2;
  for (const Words& m : cluster.mentions) {
    if (per) {
      if (m.size() >= 2 && IsInitialOrFinalPart(words, m)) return true;
      all_parts = all_parts && IsInitialOrFinalPart(m, words);
    }
    if (article && WithoutArticle(clitics, m) == WithoutArticle(clitics, words)) return true;
    if (place && (IsTail(clitics, words, m) || IsTail(clitics, m, words))) return true;
  }
  return all_parts;
}

}  // namespace

void BuildClusters(const CliticRules& clitics, Document* doc) {
  doc->clusters.clear();
  std::vector<ClusterWords> forms;  // parallel to doc->clusters
  // Every relation above needs a shared word (the article aside), so each mention is compared
  // only with the clusters that share one: linear in the number of mentions, not quadratic.
  std::unordered_map<std::string, std::vector<int>> by_word;  // type, word -> clusters
  auto word_key = [&](const std::string& type, const std::string& word) {
    return type + '\t' + ArticleLess(clitics, word);
  };
  for (uint32_t i = 0; i < doc->entities.size(); ++i) {
    Entity& entity = doc->entities[i];
    entity.cluster = -1;
    if (entity.type == "TIME") continue;
    const Words words = MentionWords(*doc, entity.span);
    std::vector<int> sharing;  // clusters of this type sharing a word, in cluster order
    for (const std::string& w : words) {
      if (auto it = by_word.find(word_key(entity.type, w)); it != by_word.end()) {
        sharing.insert(sharing.end(), it->second.begin(), it->second.end());
      }
    }
    std::sort(sharing.begin(), sharing.end());
    sharing.erase(std::unique(sharing.begin(), sharing.end()), sharing.end());
    int target = -1;
    for (int c : sharing) {
      if (std::find(forms[c].mentions.begin(), forms[c].mentions.end(), words) != forms[c].mentions.end()) {
        target = c;
        break;
      }
    }
    if (target < 0) {
      int candidates = 0;
      for (int c : sharing) {
        if (Related(clitics, entity.type, words, forms[c])) {
          ++candidates;
          target = c;
        }
      }
      if (candidates != 1) target = -1;
    }
    if (target < 0) {
      target = static_cast<int>(doc->clusters.size());
      doc->clusters.push_back(Cluster{entity.type, "", {}, {}});
      forms.push_back(ClusterWords{entity.type, {}});
    }
    Cluster& cluster = doc->clusters[target];
    cluster.mentions.push_back(i);
    forms[target].mentions.push_back(words);
    entity.cluster = target;
    for (const std::string& w : words) {
      std::vector<int>& list = by_word[word_key(entity.type, w)];
      if (std::find(list.begin(), list.end(), target) == list.end()) list.push_back(target);
    }
  }
  // The name: the longest mention's text, the earliest on a tie.
  for (Cluster& cluster : doc->clusters) {
    int longest = -1;
    for (uint32_t m : cluster.mentions) {
      const std::string_view text = doc->SpanText(doc->entities[m].span);
      if (CodePoints(text) > longest) {
        longest = CodePoints(text);
        cluster.name = std::string(text);
      }
    }
  }
}

}  // namespace isnad
