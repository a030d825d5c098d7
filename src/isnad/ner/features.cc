#include "isnad/ner/features.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "isnad/model/binary_io.h"
#include "isnad/ner/gazetteer.h"
#include "isnad/text/utf8.h"

namespace isnad {
namespace {

// Byte offsets of the code point boundaries of s into *b: [n + 1]. The caller reuses *b.
void Boundaries(std::string_view s, std::vector<uint32_t>* b) {
  b->clear();
  for (uint32_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) b->push_back(i);
  }
  b->push_back(static_cast<uint32_t>(s.size()));
}

// The shape class of one code point: 'D' a digit, 'A' an Arabic letter, 'L' another letter, 'P'
// anything else.
char ShapeClass(UChar32 c) {
  if (c >= '0' && c <= '9') return 'D';
  const UScriptCode script = LetterScript(c);
  if (script == USCRIPT_ARABIC) return 'A';
  if (script != USCRIPT_INVALID_CODE) return 'L';
  return u_isdigit(c) ? 'D' : 'P';
}

// "A" Arabic letters, "L" Latin, "D" digits, "P" anything else; runs collapsed ("AD", "LDL").
std::string Shape(std::string_view s) {
  std::string shape;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  for (int32_t i = 0, n = static_cast<int32_t>(s.size()); i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    const char k = ShapeClass(c);
    if (shape.empty() || shape.back() != k) shape.push_back(k);
  }
  return shape;
}

struct TokenView {
  std::string_view word;
  std::string_view stem;  // the most-stripped clitic analysis (the word itself when none)
  const uint16_t* word_classes = nullptr;  // [G] or null
  const uint16_t* stem_classes = nullptr;  // [G] of the most-stripped known clitic stem, or null
};

// The feature value of a class id: two raw bytes.
std::string_view ClassValue(uint16_t id, char buf[2]) {
  buf[0] = static_cast<char>(id & 0xFF);
  buf[1] = static_cast<char>(id >> 8);
  return std::string_view(buf, 2);
}

// A feature name's prefix ("p1=") as the FNV-1a state after it, computed at compile time.
struct Prefix {
  constexpr explicit Prefix(std::string_view prefix) : state(Fnv1a64Continue(kFnv1a64Offset, prefix)) {}
  uint64_t state;
};

// FNV-1a 64 continued over the same bytes from several states at once: the same results as one
// Fnv1a64Continue each, with the states' multiplications independent, so that they overlap.
template <size_t K>
void ContinueEach(uint64_t (&states)[K], std::string_view bytes) {
  for (unsigned char c : bytes) {
    for (size_t k = 0; k < K; ++k) states[k] = (states[k] ^ c) * kFnv1a64Prime;
  }
}

// The hashes of the window features that name one token by its word or stem, so that each word
// and stem is read once for all of them. "Pair" features are the bigrams w-1|w= and w|w+1=.
struct WindowHashes {
  uint64_t word = 0;            // w=word
  uint64_t as_prev = 0;         // w-1=word, a feature of the next token
  uint64_t as_next = 0;         // w+1=word
  uint64_t as_prev2 = 0;        // w-2=word
  uint64_t as_next2 = 0;        // w+2=word
  uint64_t stem_as_prev = 0;    // s-1=stem
  uint64_t stem_as_next = 0;    // s+1=stem
  uint64_t left_open = 0;       // the state after "w-1|w=word|", which the next token's word completes
  uint64_t right_open = 0;      // the state after "w|w+1=word|", which the next word completes
  uint64_t left_pair = 0;       // w-1|w=previous|word
  uint64_t right_pair = 0;      // w|w+1=word|next
};

// Hashes `word` and `stem` under every window prefix, and completes the pairs the token before
// left open (its left_open and right_open; the edge's for the first token): this token's
// left_pair, and the previous token's right pair into *right_pair_of_previous.
WindowHashes HashWindow(std::string_view word, std::string_view stem, uint64_t previous_left_open,
                        uint64_t previous_right_open, uint64_t* right_pair_of_previous) {
  static constexpr uint64_t kStates[7] = {
      Fnv1a64Continue(kFnv1a64Offset, "w="),     Fnv1a64Continue(kFnv1a64Offset, "w-1="),
      Fnv1a64Continue(kFnv1a64Offset, "w+1="),   Fnv1a64Continue(kFnv1a64Offset, "w-2="),
      Fnv1a64Continue(kFnv1a64Offset, "w+2="),   Fnv1a64Continue(kFnv1a64Offset, "w-1|w="),
      Fnv1a64Continue(kFnv1a64Offset, "w|w+1=")};
  uint64_t lanes[9] = {kStates[0], kStates[1], kStates[2], kStates[3], kStates[4], kStates[5], kStates[6],
                       previous_left_open, previous_right_open};
  ContinueEach(lanes, word);
  uint64_t stems[2] = {Fnv1a64Continue(kFnv1a64Offset, "s-1="), Fnv1a64Continue(kFnv1a64Offset, "s+1=")};
  ContinueEach(stems, stem);
  WindowHashes h;
  h.word = lanes[0];
  h.as_prev = lanes[1];
  h.as_next = lanes[2];
  h.as_prev2 = lanes[3];
  h.as_next2 = lanes[4];
  h.left_open = Fnv1a64Continue(lanes[5], "|");
  h.right_open = Fnv1a64Continue(lanes[6], "|");
  h.left_pair = lanes[7];
  *right_pair_of_previous = lanes[8];
  h.stem_as_prev = stems[0];
  h.stem_as_next = stems[1];
  return h;
}

class Emitter {
 public:
  explicit Emitter(std::vector<uint64_t>* out) : out_(out) {}
  void AddHash(uint64_t hash) { out_->push_back(hash); }
  void Add(Prefix prefix, std::string_view value) { out_->push_back(Fnv1a64Continue(prefix.state, value)); }
  void Add(std::string_view prefix, std::string_view value) { out_->push_back(HashFeature(prefix, value)); }

 private:
  std::vector<uint64_t>* out_;
};

// Leaves the code point boundaries of s in *boundaries.
void AffixFeatures(Emitter& e, std::string_view s, const Prefix prefix_tag[3], const Prefix suffix_tag[3],
                   std::vector<uint32_t>* boundaries) {
  Boundaries(s, boundaries);
  const std::vector<uint32_t>& b = *boundaries;
  const size_t n = b.size() - 1;
  for (size_t k = 1; k <= 3 && k < n; ++k) {
    e.Add(prefix_tag[k - 1], s.substr(0, b[k]));
    e.Add(suffix_tag[k - 1], s.substr(b[n - k]));
  }
}

constexpr Prefix kWordClass[kMaxWordClusterings] = {Prefix("c0="), Prefix("c1="), Prefix("c2="), Prefix("c3="),
                                                   Prefix("c4="), Prefix("c5="), Prefix("c6="), Prefix("c7=")};
constexpr Prefix kStemClass[kMaxWordClusterings] = {Prefix("sc0="), Prefix("sc1="), Prefix("sc2="), Prefix("sc3="),
                                                   Prefix("sc4="), Prefix("sc5="), Prefix("sc6="), Prefix("sc7=")};

// A token's view: its word, most-stripped stem and their classes (`classes` may be null).
TokenView ViewOf(const Token& tok, const WordClasses* classes) {
  TokenView v;
  v.word = tok.norm;
  v.stem = tok.analyses.empty() ? std::string_view(tok.norm) : std::string_view(tok.analyses.back().stem);
  if (classes) {
    v.word_classes = classes->Find(v.word);
    // The most-stripped analysis that the classes know (the most-stripped one may strip too much:
    // وبغداد → غداد).
    for (size_t c = tok.analyses.size(); c-- > 1 && !v.stem_classes;) v.stem_classes = classes->Find(tok.analyses[c].stem);
  }
  return v;
}

// The local features of a token before the window's: the word (`word_hash`, "w=" + word), kind,
// clitic analyses, affixes, 3-grams, shape and length. b and stem_b are scratch.
void EmitLexical(Emitter& e, const Token& tok, const TokenView& v, uint64_t word_hash, const CliticRules& clitics,
                 std::vector<uint32_t>* b, std::vector<uint32_t>* stem_b) {
  static constexpr Prefix kPrefix[3] = {Prefix("p1="), Prefix("p2="), Prefix("p3=")};
  static constexpr Prefix kSuffix[3] = {Prefix("x1="), Prefix("x2="), Prefix("x3=")};
  static constexpr Prefix kStemPrefix[3] = {Prefix("sp1="), Prefix("sp2="), Prefix("sp3=")};
  static constexpr Prefix kStemSuffix[3] = {Prefix("sx1="), Prefix("sx2="), Prefix("sx3=")};
  e.Add("b", "");
  e.AddHash(word_hash);
  e.Add("k=", TokenKindName(tok.kind));
  bool article = clitics.StartsWithArticle(v.word);
  const std::vector<CliticCandidate>& analysis = tok.analyses;  // [0] is the unsplit word
  for (size_t c = 1; c < analysis.size(); ++c) {
    e.Add("s=", analysis[c].stem);
    e.Add("pc=", analysis[c].proclitics);
    article |= clitics.StartsWithArticle(analysis[c].stem);
  }
  if (article) e.Add("al", "");
  AffixFeatures(e, v.word, kPrefix, kSuffix, b);  // leaves the word's boundaries in b
  AffixFeatures(e, v.stem, kStemPrefix, kStemSuffix, stem_b);
  for (size_t k = 0; k + 3 < b->size() && k < 12; ++k) e.Add("g3=", v.word.substr((*b)[k], (*b)[k + 3] - (*b)[k]));
  e.Add("sh=", Shape(v.word));
  e.Add("len=", std::string(1, static_cast<char>('0' + std::min<size_t>(b->size() - 1, 9))));
}

// The local features of a token after the window's: its word's and stem's classes.
void EmitClasses(Emitter& e, const TokenView& v, int clusterings) {
  char buf[2];
  for (int g = 0; g < clusterings; ++g) {
    if (v.word_classes) e.Add(kWordClass[g], ClassValue(v.word_classes[g], buf));
    if (v.stem_classes) e.Add(kStemClass[g], ClassValue(v.stem_classes[g], buf));
  }
}

}  // namespace

uint64_t HashFeature(std::string_view prefix, std::string_view value) {
  return Fnv1a64Continue(Fnv1a64Continue(kFnv1a64Offset, prefix), value);
}

TokenCategories CategoriesOf(const std::vector<GazetteerMatch>& matches, uint32_t begin, uint32_t end) {
  TokenCategories out;
  const uint32_t n = end - begin;
  out.starts.assign(n + 1, 0);
  // Count each token's entries, then place them in match order (each list keeps that order).
  for (const GazetteerMatch& m : matches) {
    for (uint32_t t = std::max(m.begin_token, begin); t < std::min(m.end_token, end); ++t) ++out.starts[t - begin + 1];
  }
  for (uint32_t t = 0; t < n; ++t) out.starts[t + 1] += out.starts[t];
  out.entries.resize(out.starts[n]);
  std::vector<uint32_t> next(out.starts.begin(), out.starts.end() - 1);
  for (const GazetteerMatch& m : matches) {
    for (uint32_t t = std::max(m.begin_token, begin); t < std::min(m.end_token, end); ++t) {
      out.entries[next[t - begin]++] = {m.category, t == m.begin_token};
    }
  }
  return out;
}

void FeatureExtractor::Extract(const Document& doc, uint32_t begin, uint32_t end, const TokenCategories& categories,
                               const std::vector<std::string>& category_names,
                               std::vector<std::vector<uint64_t>>* features) const {
  Extract(doc, begin, end, begin, end, categories, category_names, features);
}

void FeatureExtractor::Extract(const Document& doc, uint32_t begin, uint32_t end, uint32_t first, uint32_t last,
                               const TokenCategories& categories, const std::vector<std::string>& category_names,
                               std::vector<std::vector<uint64_t>>* features, FeatureScope scope) const {
  const bool local = static_cast<uint8_t>(scope) & static_cast<uint8_t>(FeatureScope::kLocal);
  const bool context = static_cast<uint8_t>(scope) & static_cast<uint8_t>(FeatureScope::kContext);
  const uint32_t n = end - begin;
  const uint32_t lo = first - begin, hi = last - begin;  // the rows to fill, relative to begin
  features->resize(hi - lo);
  for (std::vector<uint64_t>& f : *features) {
    f.clear();
    f.reserve(64);  // a token has some 50 features: one allocation for a new row, not seven
  }
  std::vector<uint32_t> b, stem_b;  // scratch: code point boundaries
  // The views of the rows and of their neighbours (the window reaches two tokens each way; local
  // features need none).
  const uint32_t reach = context ? 2 : 0;
  const uint32_t view_lo = lo >= reach ? lo - reach : 0, view_hi = std::min(n, hi + reach);
  std::vector<TokenView> views(view_hi - view_lo);
  for (uint32_t t = view_lo; t < view_hi; ++t) views[t - view_lo] = ViewOf(doc.tokens[begin + t], classes_);
  auto view = [&](uint32_t t) -> const TokenView& { return views[t - view_lo]; };
  const int clusterings = classes_ ? classes_->num_clusterings() : 0;
  const int middle = clusterings / 2;  // the clustering whose ids the neighbours contribute
  const std::string_view kEdge = "<s>";
  // The window hashes of the viewed tokens, and of the edge beyond the sentence ("<s>").
  uint64_t unused = 0;
  const WindowHashes edge = HashWindow(kEdge, kEdge, 0, 0, &unused);
  std::vector<WindowHashes> window(context ? views.size() : 0);
  for (uint32_t u = view_lo; context && u < view_hi; ++u) {
    // The pairs of the token before u are completed here; before view_lo they are never read.
    const WindowHashes* previous = u == 0 ? &edge : u > view_lo ? &window[u - 1 - view_lo] : nullptr;
    uint64_t* right_pair_of_previous = u > view_lo ? &window[u - 1 - view_lo].right_pair : &unused;
    window[u - view_lo] = HashWindow(view(u).word, view(u).stem, previous ? previous->left_open : 0,
                                     previous ? previous->right_open : 0, right_pair_of_previous);
  }
  if (context && view_hi == n && view_hi > view_lo) {
    WindowHashes& last = window[view_hi - 1 - view_lo];
    last.right_pair = Fnv1a64Continue(last.right_open, kEdge);
  }
  // The window hashes of token t, or of the edge when t lies outside the sentence.
  auto at = [&](int t) -> const WindowHashes& {
    return t < 0 || t >= static_cast<int>(n) ? edge : window[t - static_cast<int>(view_lo)];
  };

  for (uint32_t t = lo; t < hi; ++t) {
    const Token& tok = doc.tokens[begin + t];
    std::vector<uint64_t>& f = (*features)[t - lo];
    Emitter e(&f);
    if (local) {
      static constexpr Prefix kWord("w=");
      const uint64_t word_hash = context ? at(static_cast<int>(t)).word : Fnv1a64Continue(kWord.state, view(t).word);
      EmitLexical(e, tok, view(t), word_hash, *clitics_, &b, &stem_b);
    }
    char buf[2];
    if (context) {
      if (t == 0) e.Add("first", "");
      const int i = static_cast<int>(t);
      e.AddHash(at(i - 1).as_prev);       // w-1=
      e.AddHash(at(i + 1).as_next);       // w+1=
      e.AddHash(at(i - 2).as_prev2);      // w-2=
      e.AddHash(at(i + 2).as_next2);      // w+2=
      e.AddHash(at(i - 1).stem_as_prev);  // s-1=
      e.AddHash(at(i + 1).stem_as_next);  // s+1=
      e.AddHash(at(i).left_pair);         // w-1|w=
      e.AddHash(at(i).right_pair);        // w|w+1=
    }
    if (local) EmitClasses(e, view(t), clusterings);
    if (!context) continue;
    if (clusterings > 0) {
      const TokenView* before = t > 0 ? &view(t - 1) : nullptr;
      const TokenView* after = t + 1 < n ? &view(t + 1) : nullptr;
      if (before && before->word_classes) e.Add("c-1=", ClassValue(before->word_classes[middle], buf));
      if (after && after->word_classes) e.Add("c+1=", ClassValue(after->word_classes[middle], buf));
    }

    for (const TokenCategories::Entry& c : categories.of(t)) {
      e.Add(c.begins ? "gB=" : "gI=", category_names[c.category]);
    }
    if (t > 0) {
      for (const TokenCategories::Entry& c : categories.of(t - 1)) e.Add("g-1=", category_names[c.category]);
    }
    if (t + 1 < n) {
      for (const TokenCategories::Entry& c : categories.of(t + 1)) e.Add("g+1=", category_names[c.category]);
    }
  }
}

void FeatureExtractor::ExtractLocal(const Document& doc, const std::vector<uint32_t>& tokens,
                                    std::vector<std::vector<uint64_t>>* features) const {
  static constexpr Prefix kWord("w=");
  features->resize(tokens.size());
  std::vector<uint32_t> b, stem_b;  // scratch: code point boundaries
  const int clusterings = classes_ ? classes_->num_clusterings() : 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    std::vector<uint64_t>& f = (*features)[i];
    f.clear();
    f.reserve(48);
    const Token& tok = doc.tokens[tokens[i]];
    const TokenView v = ViewOf(tok, classes_);
    Emitter e(&f);
    EmitLexical(e, tok, v, Fnv1a64Continue(kWord.state, v.word), *clitics_, &b, &stem_b);
    EmitClasses(e, v, clusterings);
  }
}

}  // namespace isnad
