// isnad sources: who said what, for a reader in a terminal. One line per claim (attribution):
//   A3  REPORT   ANONYMOUS  المصادر ← موقع “X”   [cue: نقل]   the first words of the content…
// nested claims indented under the claim whose content holds them, and a summary per file.
#include <iostream>
#include <sstream>

#include "cli/cli.h"

namespace isnad::cli {
namespace {

constexpr int kContentWords = 12;

std::string FirstWords(std::string_view text, int words) {
  std::string out;
  int n = 0;
  size_t i = 0;
  while (i < text.size() && n < words) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t')) ++i;
    size_t j = i;
    while (j < text.size() && text[j] != ' ' && text[j] != '\n' && text[j] != '\t') ++j;
    if (j == i) break;
    if (!out.empty()) out += ' ';
    out.append(text.substr(i, j - i));
    ++n;
    i = j;
  }
  while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t')) ++i;
  if (i < text.size()) out += " …";
  return out;
}

// "14 claims: 6 anonymous, 3 officials, 3 media, 2 named"
std::string Summary(const Document& doc) {
  int anonymous = 0, officials = 0, media = 0, named = 0, documents = 0;
  for (const Attribution& a : doc.attributions) {
    if (a.source_kind == "ANONYMOUS") ++anonymous;
    else if (a.source_kind == "OFFICIAL") ++officials;
    else if (a.source_kind == "MEDIA") ++media;
    else if (a.source_kind == "DOCUMENT") ++documents;
    else ++named;
  }
  std::ostringstream out;
  out << doc.attributions.size() << (doc.attributions.size() == 1 ? " claim" : " claims");
  if (!doc.attributions.empty()) {
    out << ": " << anonymous << " anonymous, " << officials << " officials, " << media << " media, " << named
        << " named";
    if (documents > 0) out << ", " << documents << " documents";
  }
  return out.str();
}

int Depth(const Document& doc, const Attribution& a) {
  int depth = 0;
  for (int p = a.attributed_to; p >= 0 && depth < 8; p = doc.attributions[p].attributed_to) ++depth;
  return depth;
}

void PrintSources(const Document& doc, std::ostream& out) {
  for (size_t i = 0; i < doc.attributions.size(); ++i) {
    const Attribution& a = doc.attributions[i];
    out << std::string(2 * Depth(doc, a), ' ') << "A" << (i + 1) << "  " << a.act << "  " << a.source_kind << "  "
        << doc.SpanText(a.source);
    for (Span v : a.via) out << " ← " << doc.SpanText(v);
    out << "   [" << doc.SpanText(a.cue) << ", " << a.mode << "]   " << FirstWords(doc.SpanText(a.content), kContentWords);
    if (a.attributed_to >= 0) out << "   (within A" << (a.attributed_to + 1) << ")";
    out << "\n";
  }
}

}  // namespace

int RunSources(int argc, char** argv) {
  std::vector<std::pair<std::string, Document>> docs;
  const int exit = AnalyzeAllInputs(argc, argv, "sources", &docs);
  if (exit != kExitOk) return exit;
  for (const auto& [label, doc] : docs) {
    std::cout << "== " << label << ": " << Summary(doc) << "\n";
    PrintSources(doc, std::cout);
  }
  std::cout.flush();
  return std::cout ? kExitOk : kExitOutputError;
}

}  // namespace isnad::cli
