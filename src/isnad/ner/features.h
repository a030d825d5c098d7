// Feature extraction for the entity tagger: what the CRF sees of each token, as 64-bit hashes.
//
// Per token t of a sentence (matching forms, text/normalizer.h):
//   the word; its clitic analyses (each stem and its proclitics, text/clitics.h); prefixes and
//   suffixes (1-3 letters) of the word and of its most-stripped stem; character 3-grams; the
//   token kind; a shape (Arabic / Latin / digit runs) and length; whether a stem carries the
//   article; the words and stems of a ±2 window and two bigrams; the gazetteer categories that
//   cover the token (begin / inside) and its neighbours (ner/gazetteer.h); when word classes are
//   given (ner/word_classes.h), the class ids of the word and of its most-stripped clitic stem
//   that has a class, in every clustering, and those of the neighbours (±1) in the middle one.
// The extractor never sees the model: it only names features. The same extractor runs in
// training and at analysis time, so the two always agree.
#pragma once

#include <cstdint>
#include <vector>

#include "isnad/document.h"
#include "isnad/ner/word_classes.h"
#include "isnad/text/clitics.h"

namespace isnad {

struct GazetteerMatch;

// Which gazetteer categories cover each token: [T] lists of (category, begins_here), stored one
// after the other.
struct TokenCategories {
  struct Entry {
    uint32_t category;
    bool begins;
  };
  struct List {
    const Entry* first;
    const Entry* last;
    const Entry* begin() const { return first; }
    const Entry* end() const { return last; }
  };
  // Token t's list (t relative to the range given to CategoriesOf).
  List of(uint32_t t) const { return {entries.data() + starts[t], entries.data() + starts[t + 1]}; }

  std::vector<Entry> entries;     // token 0's list, then token 1's, ...
  std::vector<uint32_t> starts;   // [T + 1] token t's list is entries[starts[t], starts[t + 1])
};

// Spreads matches over the tokens [begin, end) of a document (indices relative to begin).
TokenCategories CategoriesOf(const std::vector<GazetteerMatch>& matches, uint32_t begin, uint32_t end);

// Which of a token's features Extract names. A token's local features depend only on its kind
// and matching form (with its clitic analyses and word classes, which follow from them): the
// word, its stems, proclitics, affixes, 3-grams, shape, length and classes. Its context features
// depend on its place: the window, the pairs, the neighbours' classes, the gazetteer categories
// and whether it is first. Each scope keeps the features' order within it; kAll interleaves them
// as training saw them.
enum class FeatureScope : uint8_t { kLocal = 1, kContext = 2, kAll = 3 };

class FeatureExtractor {
 public:
  // `classes` may be null or empty (no class features); both must outlive the extractor.
  explicit FeatureExtractor(const CliticRules* clitics, const WordClasses* classes = nullptr)
      : clitics_(clitics), classes_(classes && !classes->empty() ? classes : nullptr) {}

  // features: [end - begin][*] hashes for tokens [begin, end) of doc (one sentence); its rows
  // are cleared and refilled, so a caller that passes the same vector for every sentence reuses
  // their memory.
  // categories: from CategoriesOf over the same range; category names come from `category_names`.
  // Reads each token's norm, kind and clitic analyses (Token::analyses).
  void Extract(const Document& doc, uint32_t begin, uint32_t end, const TokenCategories& categories,
               const std::vector<std::string>& category_names, std::vector<std::vector<uint64_t>>* features) const;
  // The same rows for tokens [first, last) only (begin <= first <= last <= end): features gets
  // [last - first][*], each row what Extract over the whole sentence gives that token. Lets a
  // caller walk a long sentence in pieces of bounded memory.
  void Extract(const Document& doc, uint32_t begin, uint32_t end, uint32_t first, uint32_t last,
               const TokenCategories& categories, const std::vector<std::string>& category_names,
               std::vector<std::vector<uint64_t>>* features, FeatureScope scope = FeatureScope::kAll) const;
  // The local features (FeatureScope::kLocal) of the listed tokens of doc, one row each, in the
  // order listed: what Extract gives those tokens in that scope, without their neighbours.
  void ExtractLocal(const Document& doc, const std::vector<uint32_t>& tokens,
                    std::vector<std::vector<uint64_t>>* features) const;

 private:
  const CliticRules* clitics_;
  const WordClasses* classes_;
};

// The hash of the feature prefix + value: FeatureHash (crf_model.h, FNV-1a 64) of the
// concatenation, computed without building it.
uint64_t HashFeature(std::string_view prefix, std::string_view value);

}  // namespace isnad
