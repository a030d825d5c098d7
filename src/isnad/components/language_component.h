// The language check (text/language_guess.h) as a pipeline component. It runs before the Arabic
// layers, which a text in another language skips (Component::arabic_only).
#pragma once

#include "isnad/pipeline.h"
#include "isnad/text/language_guess.h"

namespace isnad {

// Reads: text. Writes: language; warnings (not_arabic, when the Arabic layers will skip the text).
class LanguageComponent : public Component {
 public:
  // `guesser` (the model's) must outlive the component.
  explicit LanguageComponent(const LanguageGuesser& guesser) : guesser_(guesser) {}
  const char* name() const override { return "language"; }
  Status Run(Document* doc) override;

 private:
  const LanguageGuesser& guesser_;
};

}  // namespace isnad
