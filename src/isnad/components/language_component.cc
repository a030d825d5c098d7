#include "isnad/components/language_component.h"

namespace isnad {
namespace {

// A reader-facing name for what the text was seen to be.
std::string Described(const Language& language, const LanguageGuesser& guesser) {
  const std::string& name = guesser.Name(language.code);
  if (!name.empty()) return name + " (Arabic script)";
  if (language.script == "Arab") return "a language in Arabic script other than Arabic (" + language.code + ")";
  return "text in the " + language.script + " script";
}

}  // namespace

Status LanguageComponent::Run(Document* doc) {
  doc->language = guesser_.Guess(doc->text);
  if (!doc->language.analyzed) {
    doc->warnings.push_back({"not_arabic",
                             "This looks like " + Described(doc->language, guesser_) +
                                 ". Isnad analyzes Arabic only: entities, times, attributions and events are left empty.",
                             Span{0, 0}});
  }
  return Status::Ok();
}

}  // namespace isnad
