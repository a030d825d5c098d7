// Helpers shared by the engine tests: the shipped model, and analysis with offsets as code points.
#pragma once

#include <memory>
#include <string>

#include "isnad/analyzer.h"

namespace isnad::testing {

std::string SourcePath(const std::string& relative);  // a path inside the project tree
std::string ReadProjectFile(const std::string& relative);
std::string SharedDir();                              // $ISNAD_SHARED or ../shared; "" if absent
// The seed articles of SharedDir() as (file name, text), sorted by name; empty if absent.
std::vector<std::pair<std::string, std::string>> SeedArticles();

// An analyzer over the committed models/isnad.model.
std::unique_ptr<Analyzer> ShippedAnalyzer();
Document MustAnalyze(Analyzer& analyzer, const std::string& text);

// Texts of all tokens, in order.
std::vector<std::string> TokenTexts(const Document& doc);

}  // namespace isnad::testing
