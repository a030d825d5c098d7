#include "isnad/ner/gazetteer_lexicon.h"

#include "isnad/text/lexicon_tsv.h"

namespace isnad {
namespace {

constexpr std::string_view kArticle = "\xD8\xA7\xD9\x84";  // ال
constexpr std::string_view kYeh = "\xD9\x8A";              // ي

bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

}  // namespace

Status ExpandLexiconForms(std::string_view word, std::string_view forms, std::vector<std::string>* out) {
  out->clear();
  Status s = ValidateGazetteerName(word);
  if (!s.ok()) return s;
  out->emplace_back(word);
  if (forms.empty()) return Status::Ok();
  const std::string w(word);
  if (word.find(' ') != std::string_view::npos) return InvalidArgument("forms '" + std::string(forms) + "' need one word");
  const std::string article(kArticle);
  if (forms == "article") {
    out->push_back(article + w);
    return Status::Ok();
  }
  if (forms == "nisba") {
    if (!EndsWith(word, kYeh)) return InvalidArgument("a nisba adjective ends in ي");
    for (const char* suffix : {"",                                    // X      masculine singular
                               "\xD9\x87",                            // Xه     feminine singular
                               "\xD8\xA7\xD9\x86",                    // Xان    masculine dual, nominative
                               "\xD8\xAA\xD8\xA7\xD9\x86",            // Xتان   feminine dual, nominative
                               "\xD8\xAA\xD9\x8A\xD9\x86",            // Xتين   feminine dual, oblique
                               "\xD9\x88\xD9\x86",                    // Xون    masculine plural, nominative
                               "\xD9\x8A\xD9\x86",                    // Xين    masculine plural / dual, oblique
                               "\xD8\xA7\xD8\xAA"}) {                 // Xات    feminine plural
      if (*suffix) out->push_back(w + suffix);
      out->push_back(article + w + suffix);
    }
    return Status::Ok();
  }
  return InvalidArgument("unknown forms '" + std::string(forms) + "' (expected article or nisba)");
}

Status AddLexiconEntries(std::string_view tsv, Gazetteer* out, int* version) {
  int v = 0;
  std::vector<std::string> names;
  Status s = ForEachLexiconRow("gazetteer entries", tsv, &v, [&](const LexiconRow& row) {
    if (row.columns.size() < 2) return InvalidArgument("expected word, category, forms, comment");
    Status e = ExpandLexiconForms(row.columns[0], row.columns.size() > 2 ? row.columns[2] : "", &names);
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
