#include "isnad/ner/clusters.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace isnad {
namespace {

// The definite article in the matching form: alef, lam. Orthography, not vocabulary: the rules
// compare names with and without it, and restore its alef after the preposition لـ (لل).
constexpr std::string_view kArticle = "\xD8\xA7\xD9\x84";
constexpr std::string_view kAlef = kArticle.substr(0, 2);
constexpr std::string_view kLam = kArticle.substr(2, 2);

using Words = std::vector<std::string>;

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

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
    // للحكومة with the span at its second lam: the stem is الحكومه.
    if (b > it->norm_span.begin && StartsWith(word, kLam) && b >= kLam.size() &&
        std::string_view(norm).substr(b - kLam.size(), kLam.size()) == kLam) {
      word.insert(0, kAlef);
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

Words WithoutArticle(Words words) {
  if (!words.empty() && StartsWith(words[0], kArticle) && words[0].size() > kArticle.size() + 2) {
    words[0].erase(0, kArticle.size());
  }
  return words;
}

bool IsInitialOrFinalPart(const Words& part, const Words& whole) {
  if (part.empty() || part.size() >= whole.size()) return false;
  return std::equal(part.begin(), part.end(), whole.begin()) ||
         std::equal(part.begin(), part.end(), whole.end() - part.size());
}

// `whole` without its first word equals `part`, the article on either first word aside.
bool IsTail(const Words& part, const Words& whole) {
  if (whole.size() < 2 || part.size() != whole.size() - 1) return false;
  const Words tail(whole.begin() + 1, whole.end());
  return tail == part || WithoutArticle(tail) == WithoutArticle(part);
}

struct ClusterWords {
  std::string type;
  std::vector<Words> mentions;
};

// Rules 2 and 3 of clusters.h: whether `words` may join `cluster`.
bool Related(const std::string& type, const Words& words, const ClusterWords& cluster) {
  const bool per = type == "PER";
  const bool place = type == "FAC" || type == "GPE" || type == "LOC";
  const bool article = place || type == "ORG";
  bool all_parts = per && words.size() >= 2;
  for (const Words& m : cluster.mentions) {
    if (per) {
      if (m.size() >= 2 && IsInitialOrFinalPart(words, m)) return true;
      all_parts = all_parts && IsInitialOrFinalPart(m, words);
    }
    if (article && WithoutArticle(m) == WithoutArticle(words)) return true;
    if (place && (IsTail(words, m) || IsTail(m, words))) return true;
  }
  return all_parts;
}

}  // namespace

void BuildClusters(Document* doc) {
  doc->clusters.clear();
  std::vector<ClusterWords> forms;  // parallel to doc->clusters
  // Every relation above needs a shared word (the article aside), so each mention is compared
  // only with the clusters that share one: linear in the number of mentions, not quadratic.
  std::unordered_map<std::string, std::vector<int>> by_word;  // type, word -> clusters
  auto word_key = [](const std::string& type, const std::string& word) {
    const bool article = StartsWith(word, kArticle) && word.size() > kArticle.size() + 2;
    return type + '\t' + (article ? word.substr(kArticle.size()) : word);
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
        if (Related(entity.type, words, forms[c])) {
          ++candidates;
          target = c;
        }
      }
      if (candidates != 1) target = -1;
    }
    if (target < 0) {
      target = static_cast<int>(doc->clusters.size());
      doc->clusters.push_back(Cluster{entity.type, "", {}});
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
