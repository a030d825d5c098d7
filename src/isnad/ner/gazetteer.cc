#include "isnad/ner/gazetteer.h"

#include <algorithm>
#include <utility>

namespace isnad {
namespace {

constexpr std::string_view kHeader = "isnad-gazetteer 1\n";
constexpr std::string_view kHeaderPrefix = "isnad-gazetteer ";

Status ValidateCategory(std::string_view category) {
  if (category.empty()) return InvalidArgument("empty gazetteer category");
  if (category[0] == '@') return InvalidArgument("gazetteer category starts with '@'");
  for (char c : category) {
    if (static_cast<unsigned char>(c) <= 0x20) {
      return InvalidArgument("gazetteer category '" + std::string(category) + "' contains white space");
    }
  }
  return Status::Ok();
}

// Calls f(prefix) for each proper word prefix of `name` ("a b c": "a", "a b").
template <typename F>
void ForEachProperPrefix(std::string_view name, F f) {
  for (size_t pos = name.find(' '); pos != std::string_view::npos; pos = name.find(' ', pos + 1)) {
    f(name.substr(0, pos));
  }
}

// Whether no name line of a serialized section (after its header) can fail ValidateGazetteerName:
// no control character but the line ends, no empty line, and no space at a line's start or end or
// beside another space. One pass over the section instead of one call per name, which a model
// load makes tens of thousands of times; a section that fails is checked line by line, for the
// message. Also counts the lines.
bool NameLinesAreClean(std::string_view lines, size_t* line_count) {
  size_t count = 0;
  bool bad = false;
  unsigned char previous = '\n';
  for (const char ch : lines) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c == '\n') {
      ++count;
      bad |= previous == ' ' || previous == '\n';
    } else if (c == ' ') {
      bad |= previous == ' ' || previous == '\n';
    } else {
      bad |= c < 0x20;
    }
    previous = c;
  }
  *line_count = count;
  return !bad;
}

}  // namespace

Status ValidateGazetteerName(std::string_view name) {
  if (name.empty()) return InvalidArgument("empty gazetteer name");
  // The message is built only on failure: this runs for every name a model load adds.
  auto bad = [&](const char* what) { return InvalidArgument("gazetteer name '" + std::string(name) + "'" + what); };
  if (name[0] == '@') return bad(" starts with '@'");
  if (name.front() == ' ' || name.back() == ' ') return bad(" has a leading or trailing space");
  // One pass for both checks (no find: a call per name that wasm's baseline tier makes slow);
  // two spaces are reported before a control character, wherever each is.
  bool two_spaces = false, control = false;
  for (size_t i = 0; i < name.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    control |= c < 0x20;
    two_spaces |= c == ' ' && name[i - 1] == ' ';  // name[0] is no space (checked above)
  }
  if (two_spaces) return bad(" has two spaces in a row");
  if (control) return bad(" contains a control character");
  return Status::Ok();
}

int Gazetteer::FindCategory(std::string_view category) const {
  for (size_t i = 0; i < categories_.size(); ++i) {
    if (categories_[i] == category) return static_cast<int>(i);
  }
  return -1;
}

uint32_t Gazetteer::InternCategorySet(std::vector<uint32_t> set) {
  std::string key(reinterpret_cast<const char*>(set.data()), set.size() * sizeof(uint32_t));
  auto it = category_set_ids_.find(key);
  if (it != category_set_ids_.end()) return it->second;
  const uint32_t id = static_cast<uint32_t>(category_sets_.size());
  category_sets_.push_back(std::move(set));
  category_set_ids_.emplace(std::move(key), id);
  return id;
}

uint32_t Gazetteer::SingletonSet(uint32_t category) {
  if (category >= singleton_sets_.size()) singleton_sets_.resize(category + 1, 0);
  uint32_t& id = singleton_sets_[category];
  if (id == 0) id = InternCategorySet({category});
  return id;
}

void Gazetteer::SetCategories(std::string_view name, Node* node, uint32_t category_set) {
  const bool is_name = category_set != 0;
  const bool was_name = node->category_set != 0;
  node->category_set = category_set;
  if (was_name == is_name) return;
  bool moved = false;  // inserting a prefix may move the name's node
  ForEachProperPrefix(name, [&](std::string_view prefix) {
    moved = true;
    Node& p = nodes_.Insert(prefix);
    if (is_name) {
      ++p.longer;
    } else if (--p.longer == 0 && p.category_set == 0) {
      nodes_.Erase(prefix);
    }
  });
  if (moved) node = nodes_.Find(name);
  if (!is_name && node->longer == 0) nodes_.Erase(name);
}

Status Gazetteer::Add(std::string_view name_norm, std::string_view category) {
  Status s = ValidateGazetteerName(name_norm);
  if (s.ok()) s = ValidateCategory(category);
  if (!s.ok()) return s;
  int index = FindCategory(category);
  if (index < 0) {
    index = static_cast<int>(categories_.size());
    categories_.emplace_back(category);
  }
  AddValid(name_norm, static_cast<uint32_t>(index));
  return Status::Ok();
}

void Gazetteer::AddValid(std::string_view name_norm, uint32_t category) {
  Node* node = &nodes_.Insert(name_norm);  // new: not a name (category set 0)
  if (node->category_set == 0) {
    // A name's first category (most of a model load): no set to copy.
    SetCategories(name_norm, node, SingletonSet(category));
    ++size_;
    return;
  }
  // The set one category larger, remembered per (set, category): names share few sets.
  const uint64_t key = uint64_t{node->category_set} << 32 | category;
  auto known = set_plus_.find(key);
  uint32_t grown;
  if (known != set_plus_.end()) {
    grown = known->second;
  } else {
    std::vector<uint32_t> set = category_sets_[node->category_set];
    auto pos = std::lower_bound(set.begin(), set.end(), category);
    if (pos != set.end() && *pos == category) {
      grown = node->category_set;
    } else {
      set.insert(pos, category);
      grown = InternCategorySet(std::move(set));
    }
    set_plus_.emplace(key, grown);
  }
  if (grown == node->category_set) return;  // already in that category
  SetCategories(name_norm, node, grown);
  ++size_;
}

void Gazetteer::Remove(std::string_view name_norm, std::string_view category) {
  const int index = FindCategory(category);
  Node* node = nodes_.Find(name_norm);
  if (index < 0 || node == nullptr) return;
  std::vector<uint32_t> set = category_sets_[node->category_set];
  auto pos = std::find(set.begin(), set.end(), static_cast<uint32_t>(index));
  if (pos == set.end()) return;
  set.erase(pos);
  SetCategories(name_norm, node, set.empty() ? 0 : InternCategorySet(std::move(set)));
  --size_;
}

bool Gazetteer::Contains(std::string_view name_norm, std::string_view category) const {
  const int index = FindCategory(category);
  const Node* node = Find(name_norm);
  if (index < 0 || node == nullptr) return false;
  const std::vector<uint32_t>& set = category_sets_[node->category_set];
  return std::binary_search(set.begin(), set.end(), static_cast<uint32_t>(index));
}

const std::vector<uint32_t>& Gazetteer::CategoriesOf(std::string_view name_norm) const {
  const Node* node = Find(name_norm);
  return category_sets_[node ? node->category_set : 0];
}

std::string Gazetteer::Serialize() const {
  std::vector<std::pair<std::string_view, std::string_view>> entries;  // (category, name)
  entries.reserve(size_);
  nodes_.ForEach([&](std::string_view name, const Node& node) {
    for (uint32_t c : category_sets_[node.category_set]) entries.emplace_back(categories_[c], name);
  });
  std::sort(entries.begin(), entries.end());
  std::string out(kHeader);
  for (size_t i = 0; i < entries.size(); ++i) {
    if (i == 0 || entries[i].first != entries[i - 1].first) {
      out += '@';
      out += entries[i].first;
      out += '\n';
    }
    out += entries[i].second;
    out += '\n';
  }
  return out;
}

Status Gazetteer::Parse(std::string_view bytes, Gazetteer* out) {
  Gazetteer g;
  Status s = g.AddSerialized(bytes);
  if (!s.ok()) return s;
  *out = std::move(g);
  return Status::Ok();
}

Status Gazetteer::AddSerialized(std::string_view bytes) {
  if (bytes.substr(0, kHeader.size()) != kHeader) {
    if (bytes.substr(0, kHeaderPrefix.size()) == kHeaderPrefix) {
      return Unimplemented("gazetteer format from a newer engine: " +
                           std::string(bytes.substr(0, bytes.find('\n'))));
    }
    return DataLoss("gazetteer section does not start with '" + std::string(kHeader.substr(0, kHeader.size() - 1)) + "'");
  }
  size_t lines = 0;
  const bool clean = NameLinesAreClean(bytes.substr(kHeader.size()), &lines);
  // At most one name a line: room for them up front, instead of growing the table as they come.
  nodes_.Reserve(nodes_.size() + lines, bytes.size());
  std::string_view category, previous_category, previous_name;
  int category_index = -1;  // found (or added) at the category's first name
  bool category_has_names = true;
  size_t line_no = 1;
  for (size_t pos = kHeader.size(); pos < bytes.size();) {
    ++line_no;
    const size_t eol = bytes.find('\n', pos);
    if (eol == std::string_view::npos) return DataLoss("gazetteer section does not end with a newline");
    const std::string_view line = bytes.substr(pos, eol - pos);
    pos = eol + 1;
    auto bad = [&](const std::string& what) { return DataLoss("gazetteer line " + std::to_string(line_no) + ": " + what); };
    if (!line.empty() && line[0] == '@') {
      category = line.substr(1);
      if (!category_has_names) return bad("category with no names");
      if (!previous_category.empty() && category <= previous_category) return bad("categories out of order");
      Status s = ValidateCategory(category);
      if (!s.ok()) return bad(s.message());
      previous_category = category;
      previous_name = std::string_view();
      category_index = -1;
      category_has_names = false;
      continue;
    }
    if (category.empty()) return bad("name before any category");
    if (category_has_names && line <= previous_name) return bad("names out of order");
    if (!clean) {
      Status s = ValidateGazetteerName(line);
      if (!s.ok()) return bad(s.message());
    }
    if (category_index < 0) {
      category_index = FindCategory(category);
      if (category_index < 0) {
        category_index = static_cast<int>(categories_.size());
        categories_.emplace_back(category);
      }
    }
    AddValid(line, static_cast<uint32_t>(category_index));
    previous_name = line;
    category_has_names = true;
  }
  if (!category_has_names) return DataLoss("gazetteer category with no names at the end");
  return Status::Ok();
}

uint32_t Gazetteer::LongestAt(const std::vector<Token>& tokens, size_t i, const std::string& first,
                              std::string* key, uint32_t* category_set) const {
  const Node* node = Find(first);
  if (node == nullptr) return 0;
  uint32_t best = 0;
  if (node->category_set != 0) {
    best = 1;
    *category_set = node->category_set;
  }
  if (node->longer > 0) key->assign(first);  // the longer names are looked up word by word
  for (size_t j = i + 1; node->longer > 0 && j < tokens.size(); ++j) {
    key->push_back(' ');
    key->append(tokens[j].norm);
    node = Find(*key);
    if (node == nullptr) break;
    if (node->category_set != 0) {
      best = static_cast<uint32_t>(j + 1 - i);
      *category_set = node->category_set;
    }
  }
  return best;
}

std::vector<GazetteerMatch> Gazetteer::FindAll(const std::vector<Token>& tokens, const CliticRules& clitics) const {
  std::vector<GazetteerMatch> out;
  if (nodes_.empty()) return out;
  std::string key;
  key.reserve(128);
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string& norm = tokens[i].norm;
    if (norm.empty()) continue;
    uint32_t best = 0, best_strip = 0, best_set = 0, set = 0;
    best = LongestAt(tokens, i, norm, &key, &set);
    if (best > 0) best_set = set;
    // The token's clitic analyses (computed only for tokens the pipeline did not analyze); [0] is
    // the unsplit token, already looked up.
    const std::vector<CliticCandidate> computed = tokens[i].analyses.empty() ? clitics.Candidates(norm)
                                                                             : std::vector<CliticCandidate>();
    const std::vector<CliticCandidate>& candidates = tokens[i].analyses.empty() ? computed : tokens[i].analyses;
    for (size_t c = 1; c < candidates.size(); ++c) {
      const uint32_t length = LongestAt(tokens, i, candidates[c].stem, &key, &set);
      if (length > best || (length == best && length > 0 && candidates[c].strip_bytes < best_strip)) {
        best = length;
        best_strip = candidates[c].strip_bytes;
        best_set = set;
      }
    }
    if (best == 0) continue;
    for (uint32_t category : category_sets_[best_set]) {
      out.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(i + best), best_strip, category});
    }
  }
  return out;
}

}  // namespace isnad
