// Loading gazetteer entries from lexicon files (lexicons/gazetteer/*.tsv, read with
// text/lexicon_tsv.h). Entries are written in the matching form (text/normalizer.h); the loader
// does not normalize.
//
// Entry files (AddLexiconEntries). Columns: word or phrase, category, forms, comment.
//   forms  ""         the entry as written
//          "article"  also the entry with the article: "مطار" gives مطار and المطار. One word
//                     only, written without the article (the loader cannot tell: the folded
//                     ألمان starts with ال too).
//          "nisba"    a masculine singular nisba adjective ending in ي (عراقي), with the forms
//                     Arabic regularly derives from it, each also with the article:
//                     X Xه Xان Xتان Xتين Xون Xين Xات (عراقي عراقيه عراقيان عراقيتان عراقيتين
//                     عراقيون عراقيين عراقيات). Not the indefinite accusative Xا, which is spelled
//                     like many country names (سوريا، تركيا). One word only.
// Exclusion files (RemoveLexiconEntries). Columns: name, category, comment. Each row removes one
// (name, category) entry another source added, e.g. a place name that in news text is mostly a
// common word. Rows naming an absent entry are allowed (sources change with ICU versions).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "isnad/ner/gazetteer.h"
#include "isnad/status.h"

namespace isnad {

// Adds every entry of an entry file. `version` (may be null) receives the file's data version.
// On error (naming the line) *out may hold the rows before the bad one.
Status AddLexiconEntries(std::string_view tsv, Gazetteer* out, int* version = nullptr);

// Removes every entry listed in an exclusion file.
Status RemoveLexiconEntries(std::string_view tsv, Gazetteer* out, int* version = nullptr);

// The names one entry row stands for (see "forms" above), the entry itself first.
Status ExpandLexiconForms(std::string_view word, std::string_view forms, std::vector<std::string>* out);

}  // namespace isnad
