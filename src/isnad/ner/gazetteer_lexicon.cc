#include "isnad/ner/gazetteer_lexicon.h"

#include <sstream>

#include "isnad/text/lexicon_tsv.h"

namespace isnad {
namespace {

bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

}  // namespace

Status GazetteerForms::Parse(std::string_view tsv, GazetteerForms* out) {
  GazetteerForms forms;
  int version = 0;
  Status s = ForEachLexiconRow("gazetteer forms", tsv, &version, [&](const LexiconRow& row) {
    if (row.columns.size() < 4 || row.columns[0].empty()) {
      return InvalidArgument("expected forms, requires, suffixes, prefix");
    }
    FormSet set{row.columns[0], row.columns[1], {}, row.columns[3]};
    std::stringstream suffixes(row.columns[2]);
    for (std::string suffix; suffixes >> suffix;) set.suffixes.push_back(suffix == "-" ? "" : suffix);
    if (set.suffixes.empty()) return InvalidArgument("no suffixes (write - for the word itself)");
    forms.sets_.push_back(std::move(set));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  *out = std::move(forms);
  return Status::Ok();
}

Status GazetteerForms::Expand(std::string_view word, std::string_view forms, std::vector<std::string>* out) const {
  out->clear();
  Status s = ValidateGazetteerName(word);
  if (!s.ok()) return s;
  out->emplace_back(word);
  if (forms.empty()) return Status::Ok();
  if (word.find(' ') != std::string_view::npos) return InvalidArgument("forms '" + std::string(forms) + "' need one word");
  for (const FormSet& set : sets_) {
    if (set.name != forms) continue;
    if (!EndsWith(word, set.requires_suffix)) {
      return InvalidArgument("forms '" + set.name + "' need a word ending in " + set.requires_suffix);
    }
    for (const std::string& suffix : set.suffixes) {
      const std::string form = std::string(word) + suffix;
      if (!suffix.empty()) out->push_back(form);
      if (!set.prefix.empty()) out->push_back(set.prefix + form);
    }
    return Status::Ok();
  }
  return InvalidArgument("unknown forms '" + std::string(forms) + "'");
}

Status AddLexiconEntries(std::string_view tsv, const GazetteerForms& forms, Gazetteer* out, int* version,
                         const GazetteerNameOf& name_of) {
  int v = 0;
  std::vector<std::string> names;
  std::string name;
  Status s = ForEachLexiconRow("gazetteer entries", tsv, &v, [&](const LexiconRow& row) {
    if (row.columns.size() < 2) return InvalidArgument("expected word, category, forms, comment");
    if (name_of) {
      Status e = name_of(row.columns[0], &name);
      if (!e.ok()) return e;
      if (name.empty()) return InvalidArgument("no name left of '" + row.columns[0] + "'");
    }
    Status e = forms.Expand(name_of ? name : row.columns[0], row.columns.size() > 2 ? row.columns[2] : "", &names);
    for (size_t i = 0; e.ok() && i < names.size(); ++i) e = out->Add(names[i], row.columns[1]);
    return e;
  });
  if (s.ok() && version) *version = v;
  return s;
}

Status RemoveLexiconEntries(std::string_view tsv, Gazetteer* out, int* version) {
  int v = 0;
  Status s = ForEachLexiconRow("gazetteer exclusions", tsv, &v, [&](const LexiconRow& row) {
    if (row.columns.size() < 2 || row.columns[1].empty()) return InvalidArgument("expected name, category, comment");
    Status e = ValidateGazetteerName(row.columns[0]);
    if (e.ok()) out->Remove(row.columns[0], row.columns[1]);
    return e;
  });
  if (s.ok() && version) *version = v;
  return s;
}

}  // namespace isnad
