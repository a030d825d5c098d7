// Loading gazetteer entries from lexicon files (lexicons/gazetteer/*.tsv, read with
// text/lexicon_tsv.h). Entries are written in the matching form (text/normalizer.h); the loader
// does not normalize.
//
// Entry files (AddLexiconEntries). Columns: word or phrase, category, forms, comment. "forms" is
// empty (the entry as written) or names a row of the forms lexicon (GazetteerForms,
// lexicons/gazetteer/forms.tsv): e.g. "article" (مطار, المطار) or "nisba" (عراقي and its
// feminine, dual and plural forms, each with the article).
// Exclusion files (RemoveLexiconEntries). Columns: name, category, comment. Each row removes one
// (name, category) entry another source added, e.g. a place name that in news text is mostly a
// common word. Rows naming an absent entry are allowed (sources change with ICU versions).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "isnad/ner/gazetteer.h"
#include "isnad/status.h"

namespace isnad {

// The form sets of lexicons/gazetteer/forms.tsv.
class GazetteerForms {
 public:
  static Status Parse(std::string_view tsv, GazetteerForms* out);
  // The names one entry row stands for, the entry itself first. `forms` empty: the entry alone.
  Status Expand(std::string_view word, std::string_view forms, std::vector<std::string>* out) const;

 private:
  struct FormSet {
    std::string name;
    std::string requires_suffix;
    std::vector<std::string> suffixes;  // "" for the word itself
    std::string prefix;
  };
  std::vector<FormSet> sets_;
};

// The matching form of a name as news spells it (its words as the analyzer's tokens have them):
// *name empty when nothing of it is left.
using GazetteerNameOf = std::function<Status(std::string_view spelling, std::string* name)>;

// Adds every entry of an entry file. `version` (may be null) receives the file's data version.
// On error (naming the line) *out may hold the rows before the bad one.
// `name_of` null: the first column is in the matching form already (the designator lists).
// Otherwise it is spelled as news writes it (the curated name lists: hamza, ة, ى), and
// `name_of` gives the name; a row that leaves no name is an error.
Status AddLexiconEntries(std::string_view tsv, const GazetteerForms& forms, Gazetteer* out, int* version = nullptr,
                         const GazetteerNameOf& name_of = nullptr);

// Removes every entry listed in an exclusion file.
Status RemoveLexiconEntries(std::string_view tsv, Gazetteer* out, int* version = nullptr);


}  // namespace isnad
