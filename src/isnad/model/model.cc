#include "isnad/model/model.h"

#include <nlohmann/json.hpp>

#include "isnad/model/model_file.h"

namespace isnad {

const std::vector<std::string>& RequiredLexicons() {
  static const std::vector<std::string> names = {
      "folding", "quotes", "clitics", "time", "entity-patterns", "inflection", "cues", "attribution-words",
      "languages", "event-types", "event-triggers", "event-words"};
  return names;
}

Status Model::Load(std::string_view bytes, Model* out) {
  ModelFileView file;
  Status s = ParseModelFile(bytes, &file);
  if (!s.ok()) return s;
  auto section = [&](const std::string& name) -> const std::string_view* {
    auto it = file.sections.find(name);
    return it == file.sections.end() ? nullptr : &it->second;
  };
  for (const std::string& name : RequiredLexicons()) {
    if (!section("lexicon/" + name)) return DataLoss("model has no section lexicon/" + name);
  }
  const std::string_view* meta = section("meta");
  if (!meta) return DataLoss("model has no meta section");
  const nlohmann::json info = nlohmann::json::parse(meta->begin(), meta->end(), nullptr, /*allow_exceptions=*/false);
  if (!info.is_object() || !info.contains("name") || !info["name"].is_string()) {
    return DataLoss("model meta section is not valid");
  }

  Model model;
  model.name_ = info["name"].get<std::string>();
  model.format_version_ = file.version;
  s = FoldingTable::Parse(*section("lexicon/folding"), &model.folding_);
  if (s.ok()) s = QuoteTable::Parse(*section("lexicon/quotes"), &model.quotes_);
  if (s.ok()) s = CliticRules::Parse(*section("lexicon/clitics"), &model.clitics_);
  if (s.ok()) s = TimeGrammar::Parse(*section("lexicon/time"), &model.time_grammar_);
  if (s.ok()) s = EntityPatterns::Parse(*section("lexicon/entity-patterns"), &model.entity_patterns_);
  if (s.ok()) s = Inflections::Parse(*section("lexicon/inflection"), &model.inflections_);
  if (s.ok()) s = LanguageGuesser::Parse(*section("lexicon/languages"), &model.language_guesser_);
  if (s.ok()) {
    s = AttributionLexicon::Parse(*section("lexicon/cues"), *section("lexicon/attribution-words"), model.inflections_,
                                  &model.attribution_lexicon_);
  }
  if (s.ok()) {
    s = EventLexicon::Parse(*section("lexicon/event-types"), *section("lexicon/event-triggers"),
                            *section("lexicon/event-words"), model.inflections_, &model.events_);
  }
  if (!s.ok()) return DataLoss("model lexicon: " + s.message());
  if (const std::string_view* base = section("gazetteer/base")) s = model.gazetteer_.AddSerialized(*base);
  if (const std::string_view* names = section("ner/names"); s.ok() && names) s = model.gazetteer_.AddSerialized(*names);
  if (!s.ok()) return DataLoss("model gazetteer: " + s.message());
  if (const std::string_view* crf = section("ner/crf")) {
    s = CrfModel::Parse(*crf, &model.crf_);
    if (!s.ok()) return DataLoss("model tagger: " + s.message());
    model.has_crf_ = true;
  }
  *out = std::move(model);
  return Status::Ok();
}

std::string Model::Description() const {
  return name_ + " (format " + std::to_string(format_version_) + "; " + std::to_string(gazetteer_.size()) +
         " gazetteer entries; " + (has_crf_ ? "entity tagger with " + std::to_string(crf_.num_labels()) + " labels" : "no entity tagger") +
         "; lexicons folding v" +
         std::to_string(folding_.version()) + ", quotes v" + std::to_string(quotes_.version()) + ", clitics v" +
         std::to_string(clitics_.version()) + ", time v" + std::to_string(time_grammar_.version()) + ")";
}

}  // namespace isnad
