// Gazetteer: names and designator words in the Arabic matching form (text/normalizer.h), each in
// one or more categories, and the lookup of every name in a token sequence.
//
// A name is one or more words separated by single spaces, each word the `Token::norm` a token of
// that word has (e.g. "المملكه العربيه السعوديه"). Categories are open strings defined by the data:
// "GPE", "LOC", "ORG.MEDIA", "DESIG.FAC", "TITLE", "NATIONALITY", ... A name may be in several.
//
// Serialized form (Serialize / Parse; UTF-8 text; one section of the model file):
//   isnad-gazetteer 1\n
//   then, for each category in increasing byte order:
//     @<category>\n
//     <name>\n ... the category's names, strictly increasing in byte order
// Names never start with '@' and contain no tab, CR or LF; categories contain no white space.
// Serialization is deterministic and Parse accepts only that form: Serialize(Parse(b)) == b.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "isnad/document.h"
#include "isnad/status.h"
#include "isnad/text/clitics.h"
#include "isnad/text/flat_string_map.h"

namespace isnad {

// One name found in a token sequence: tokens [begin_token, end_token), the first one read without
// its first `strip_bytes` bytes of `Token::norm` (its proclitics, e.g. 2 for the و of وبغداد).
struct GazetteerMatch {
  uint32_t begin_token = 0;
  uint32_t end_token = 0;
  uint32_t strip_bytes = 0;
  uint32_t category = 0;  // index into Gazetteer::categories()

  friend bool operator==(const GazetteerMatch& a, const GazetteerMatch& b) {
    return a.begin_token == b.begin_token && a.end_token == b.end_token && a.strip_bytes == b.strip_bytes &&
           a.category == b.category;
  }
};

class Gazetteer {
 public:
  // Adds `name_norm` (matching form, words separated by single spaces, no leading or trailing
  // space) to `category`. Adding an entry twice is a no-op. InvalidArgument on a malformed name
  // or category (see the serialized form above); the gazetteer is then unchanged.
  Status Add(std::string_view name_norm, std::string_view category);

  // Removes the entry; a no-op when it is absent.
  void Remove(std::string_view name_norm, std::string_view category);

  bool Contains(std::string_view name_norm, std::string_view category) const;
  // The sorted indices (into categories()) of every category that lists `name_norm`; empty when
  // none does. One lookup, for callers that test several categories of the same name.
  const std::vector<uint32_t>& CategoriesOf(std::string_view name_norm) const;

  // DataLoss when `bytes` is not exactly the serialized form above.
  static Status Parse(std::string_view bytes, Gazetteer* out);
  // Adds every entry of a serialized gazetteer (e.g. learned names onto the built-in lists). On an
  // error the entries before the bad line stay added.
  Status AddSerialized(std::string_view bytes);
  std::string Serialize() const;

  // The number of (name, category) entries.
  size_t size() const { return size_; }

  // Every category that has been used, in the order first used (after Parse: byte order). An
  // index stays valid while entries are added or removed.
  const std::vector<std::string>& categories() const { return categories_; }
  // The index of `category` in categories(), or -1.
  int FindCategory(std::string_view category) const;

  // For each token i, the longest name that starts there: the name's first word equals the
  // token's norm or the stem of one of its clitic candidates (CliticRules::Candidates, e.g.
  // للعراق -> العراق), and its other words equal the norms of tokens i+1, i+2, ... One match per
  // category of that name, in increasing category index. Of equally long matches, the one that
  // strips fewest bytes. Matches starting at different tokens may overlap. Ordered by
  // begin_token, then category.
  std::vector<GazetteerMatch> FindAll(const std::vector<Token>& tokens, const CliticRules& clitics) const;

 private:
  // A word prefix of at least one name ("مطار" of "مطار بغداد"), or a whole name, or both.
  struct Node {
    uint32_t category_set = 0;  // index into category_sets_; 0 = the empty set (not a name)
    uint32_t longer = 0;        // how many names strictly extend this prefix
  };
  const Node* Find(std::string_view key) const { return nodes_.Find(key); }
  uint32_t InternCategorySet(std::vector<uint32_t> set);
  // The id of the set {category}, interned on first use.
  uint32_t SingletonSet(uint32_t category);
  // Add for a valid name and a category index.
  void AddValid(std::string_view name_norm, uint32_t category);
  // Makes `category_set` (an interned id; 0 = none) the categories of `name`, whose node is
  // `node`, keeping the prefix nodes' counts of longer names.
  void SetCategories(std::string_view name, Node* node, uint32_t category_set);
  // The longest name starting at token i with its first word `first`; 0 when none.
  uint32_t LongestAt(const std::vector<Token>& tokens, size_t i, const std::string& first, std::string* key,
                     uint32_t* category_set) const;

  FlatStringMap<Node> nodes_;
  std::vector<std::string> categories_;
  std::vector<std::vector<uint32_t>> category_sets_{{}};  // sorted category indices; [0] is empty
  std::unordered_map<std::string, uint32_t> category_set_ids_;  // key: the set's indices as bytes
  std::unordered_map<uint64_t, uint32_t> set_plus_;  // (set id << 32 | category) → the set with it
  std::vector<uint32_t> singleton_sets_;  // [category] the id of {category}; 0 = not interned yet
  size_t size_ = 0;
};

// Validates a name for Gazetteer::Add; exposed for loaders that want to report a bad row early.
Status ValidateGazetteerName(std::string_view name_norm);

}  // namespace isnad
