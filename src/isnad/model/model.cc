#include "isnad/model/model.h"

#include "isnad/model/model_file.h"
#include "isnad/model/model_loader.h"

namespace isnad {

const std::vector<std::string>& RequiredLexicons() {
  static const std::vector<std::string> names = {
      "folding", "quotes", "clitics", "time", "entity-patterns", "inflection", "cues", "attribution-words",
      "languages", "event-types", "event-triggers", "event-words"};
  return names;
}

Status Model::Load(std::string_view bytes, Model* out) {
  // The loader over bytes that are all here: no copy, and the same steps as a download's.
  ModelLoader loader;
  loader.Advance(bytes);
  return loader.Conclude(bytes, out);
}

std::string Model::Description() const {
  return name_ + " (format " + std::to_string(format_version_) + "; " + std::to_string(gazetteer_.size()) +
         " gazetteer entries; " + (has_crf_ ? "entity tagger with " + std::to_string(crf_.num_labels()) + " labels" : "no entity tagger") +
         "; lexicons folding v" +
         std::to_string(folding_.version()) + ", quotes v" + std::to_string(quotes_.version()) + ", clitics v" +
         std::to_string(clitics_.version()) + ", time v" + std::to_string(time_grammar_.version()) + ")";
}

}  // namespace isnad
