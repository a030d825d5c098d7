#include "train/word_clusters.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace isnad {
namespace {

struct Neighbour {
  uint32_t word;
  uint32_t count;
};

// The bigram statistics of the text over a vocabulary of V words plus the "other" word V.
struct BigramGraph {
  uint32_t V = 0;
  std::vector<std::vector<Neighbour>> next;  // [V+1] words that follow, with counts
  std::vector<std::vector<Neighbour>> prev;  // [V+1] words that precede
  std::vector<uint64_t> left_count;          // [V+1] bigrams with the word on the left
  std::vector<uint64_t> right_count;         // [V+1] bigrams with the word on the right
  uint64_t bigrams = 0;
};

BigramGraph BuildGraph(const std::vector<std::vector<uint32_t>>& ids, uint32_t V) {
  BigramGraph g;
  g.V = V;
  std::unordered_map<uint64_t, uint32_t> counts;
  for (const std::vector<uint32_t>& s : ids) {
    uint32_t before = V;  // the sentence edge is the "other" word
    for (size_t t = 0; t <= s.size(); ++t) {
      const uint32_t w = t < s.size() ? s[t] : V;
      ++counts[uint64_t{before} * (V + 1) + w];
      before = w;
    }
  }
  g.next.resize(V + 1);
  g.prev.resize(V + 1);
  g.left_count.assign(V + 1, 0);
  g.right_count.assign(V + 1, 0);
  std::vector<std::pair<uint64_t, uint32_t>> sorted(counts.begin(), counts.end());
  std::sort(sorted.begin(), sorted.end());  // determinism: the map's order is not
  for (const auto& [key, n] : sorted) {
    const uint32_t a = static_cast<uint32_t>(key / (V + 1)), b = static_cast<uint32_t>(key % (V + 1));
    g.next[a].push_back({b, n});
    g.prev[b].push_back({a, n});
    g.left_count[a] += n;
    g.right_count[b] += n;
    g.bigrams += n;
  }
  return g;
}

// One exchange clustering of words 0..V-1 into K classes (the "other" word sits alone in class K).
class Exchange {
 public:
  Exchange(const BigramGraph& g, uint16_t K) : g_(g), K_(K), C_(K + 1) {
    xlogx_.resize(g.bigrams + 1);
    for (uint64_t x = 0; x <= g.bigrams; ++x) xlogx_[x] = x ? static_cast<double>(x) * std::log(static_cast<double>(x)) : 0;
    cls_.resize(g.V + 1);
    for (uint32_t w = 0; w < g.V; ++w) cls_[w] = w % K;
    cls_[g.V] = K;
    N_.assign(static_cast<size_t>(C_) * C_, 0);
    NL_.assign(C_, 0);
    NR_.assign(C_, 0);
    for (uint32_t a = 0; a <= g.V; ++a) {
      for (const Neighbour& n : g.next[a]) N_[Cell(cls_[a], cls_[n.word])] += n.count;
      NL_[cls_[a]] += g.left_count[a];
      NR_[cls_[a]] += g.right_count[a];
    }
    right_.assign(C_, 0);
    left_.assign(C_, 0);
  }

  // One pass over the words; returns how many moved.
  size_t Pass() {
    size_t moved = 0;
    for (uint32_t w = 0; w < g_.V; ++w) {
      const uint16_t a = cls_[w];
      Gather(w);
      Apply(w, a, -1);
      uint16_t best = a;
      double best_gain = Gain(w, a);
      for (uint16_t b = 0; b < K_; ++b) {
        if (b == a) continue;
        const double gain = Gain(w, b);
        if (gain > best_gain + 1e-9) {
          best_gain = gain;
          best = b;
        }
      }
      Apply(w, best, +1);
      cls_[w] = best;
      moved += best != a;
      for (uint16_t c : touched_right_) right_[c] = 0;
      for (uint16_t c : touched_left_) left_[c] = 0;
    }
    return moved;
  }

  uint16_t ClassOf(uint32_t w) const { return cls_[w]; }

 private:
  size_t Cell(uint16_t c, uint16_t d) const { return static_cast<size_t>(c) * C_ + d; }
  double G(int64_t x) const { return xlogx_[static_cast<size_t>(x)]; }

  // right_[d]: bigrams (w, x) with x != w in class d; left_[c]: (x, w); self_: (w, w).
  void Gather(uint32_t w) {
    touched_right_.clear();
    touched_left_.clear();
    self_ = 0;
    for (const Neighbour& n : g_.next[w]) {
      if (n.word == w) {
        self_ = n.count;
        continue;
      }
      const uint16_t d = cls_[n.word];
      if (right_[d] == 0) touched_right_.push_back(d);
      right_[d] += n.count;
    }
    for (const Neighbour& n : g_.prev[w]) {
      if (n.word == w) continue;
      const uint16_t c = cls_[n.word];
      if (left_[c] == 0) touched_left_.push_back(c);
      left_[c] += n.count;
    }
  }

  // Adds (sign +1) or removes (-1) word w, whose neighbours were gathered, as a member of class b.
  void Apply(uint32_t w, uint16_t b, int sign) {
    for (uint16_t d : touched_right_) N_[Cell(b, d)] += sign * right_[d];
    for (uint16_t c : touched_left_) N_[Cell(c, b)] += sign * left_[c];
    N_[Cell(b, b)] += sign * self_;
    NL_[b] += sign * static_cast<int64_t>(g_.left_count[w]);
    NR_[b] += sign * static_cast<int64_t>(g_.right_count[w]);
  }

  // The change of the objective if the (removed) word w joined class b.
  double Gain(uint32_t w, uint16_t b) const {
    double gain = 0;
    for (uint16_t d : touched_right_) {
      if (d == b) continue;
      const int64_t n = N_[Cell(b, d)];
      gain += G(n + right_[d]) - G(n);
    }
    for (uint16_t c : touched_left_) {
      if (c == b) continue;
      const int64_t n = N_[Cell(c, b)];
      gain += G(n + left_[c]) - G(n);
    }
    const int64_t nbb = N_[Cell(b, b)];
    gain += G(nbb + right_[b] + left_[b] + self_) - G(nbb);
    gain -= G(NL_[b] + static_cast<int64_t>(g_.left_count[w])) - G(NL_[b]);
    gain -= G(NR_[b] + static_cast<int64_t>(g_.right_count[w])) - G(NR_[b]);
    return gain;
  }

  const BigramGraph& g_;
  const uint16_t K_;
  const int C_;
  std::vector<double> xlogx_;
  std::vector<uint16_t> cls_;  // [V+1]
  std::vector<int64_t> N_;     // [C][C] class bigram counts
  std::vector<int64_t> NL_, NR_;
  std::vector<int64_t> right_, left_;
  std::vector<uint16_t> touched_right_, touched_left_;
  int64_t self_ = 0;
};

}  // namespace

Status LearnWordClasses(const std::vector<std::vector<std::string>>& sentences, const WordClusterOptions& options,
                        WordClasses* out) {
  *out = WordClasses();
  for (uint16_t K : options.sizes) {
    if (K < 2) return InvalidArgument("a word clustering needs at least 2 classes");
  }
  std::unordered_map<std::string, uint32_t> count;
  for (const auto& s : sentences) {
    for (const std::string& w : s) ++count[w];
  }
  std::vector<std::pair<std::string, uint32_t>> vocab;
  for (const auto& [w, n] : count) {
    if (n >= static_cast<uint32_t>(std::max(1, options.min_count))) vocab.emplace_back(w, n);
  }
  std::sort(vocab.begin(), vocab.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  const uint32_t V = static_cast<uint32_t>(vocab.size());
  std::unordered_map<std::string, uint32_t> id;
  for (uint32_t i = 0; i < V; ++i) id.emplace(vocab[i].first, i);
  std::vector<std::vector<uint32_t>> ids(sentences.size());
  for (size_t s = 0; s < sentences.size(); ++s) {
    for (const std::string& w : sentences[s]) {
      const auto it = id.find(w);
      ids[s].push_back(it == id.end() ? V : it->second);
    }
  }
  const BigramGraph graph = BuildGraph(ids, V);

  std::vector<std::vector<uint16_t>> classes(V);
  for (uint16_t K : options.sizes) {
    Exchange exchange(graph, K);
    int pass = 0;
    size_t moved = V;
    while (pass < options.max_passes && moved >= options.stop_moved_fraction * V) {
      moved = exchange.Pass();
      ++pass;
    }
    if (options.log) {
      options.log("word classes: " + std::to_string(V) + " words in " + std::to_string(K) + " classes, " +
                  std::to_string(pass) + " passes, " + std::to_string(moved) + " moved in the last");
    }
    for (uint32_t w = 0; w < V; ++w) classes[w].push_back(exchange.ClassOf(w));
  }
  std::vector<std::string> words(V);
  for (uint32_t w = 0; w < V; ++w) words[w] = vocab[w].first;
  return WordClasses::Build(options.sizes, words, classes, out);
}

}  // namespace isnad
