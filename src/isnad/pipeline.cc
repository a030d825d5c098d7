#include "isnad/pipeline.h"

#include <algorithm>

#include "isnad/components/attribution_component.h"
#include "isnad/components/cluster_component.h"
#include "isnad/components/language_component.h"
#include "isnad/components/latin_component.h"
#include "isnad/components/event_component.h"
#include "isnad/components/ner_component.h"
#include "isnad/components/pattern_component.h"
#include "isnad/components/time_component.h"
#include "isnad/components/text_components.h"

namespace isnad {

Status Pipeline::Build(const Model& model, std::unique_ptr<Pipeline>* out) {
  auto pipeline = std::make_unique<Pipeline>();
  Normalizer normalizer;
  Status s = Normalizer::Create(&model.folding(), &normalizer);
  if (!s.ok()) return s;
  std::unique_ptr<Segmenter> segmenter;
  s = Segmenter::Create(&model.quotes(), &segmenter);
  if (!s.ok()) return s;

  // The registry: every component, in the order it runs.
  auto& c = pipeline->components_;
  c.push_back(std::make_unique<InputCheckComponent>());
  c.push_back(std::make_unique<LanguageComponent>(model.language_guesser()));
  c.push_back(std::make_unique<NormalizeComponent>(normalizer));
  c.push_back(std::make_unique<SegmentComponent>(std::move(segmenter)));
  c.push_back(std::make_unique<TokenNormComponent>());
  c.push_back(std::make_unique<CliticComponent>(model.clitics()));
  c.push_back(std::make_unique<TimeComponent>(model.time_grammar(), model.clitics()));
  if (model.crf()) c.push_back(std::make_unique<NerComponent>(model));
  c.push_back(std::make_unique<PatternComponent>(model));
  c.push_back(std::make_unique<ClusterComponent>(model.clitics()));
  c.push_back(std::make_unique<LatinComponent>());  // creates its ICU transform when first needed
  c.push_back(std::make_unique<AttributionComponent>(model));
  c.push_back(std::make_unique<EventComponent>(model));  // after attributions: it reads their spans

  *out = std::move(pipeline);
  return Status::Ok();
}

Status Pipeline::Run(Document* doc, bool pretokenized, const std::vector<std::string>& disabled) {
  for (const std::string& name : disabled) {
    bool known = false;
    for (const auto& component : components_) known |= component->optional() && name == component->name();
    if (!known) return InvalidArgument("'" + name + "' is not an analysis layer that can be disabled");
  }
  for (auto& component : components_) {
    if (!disabled.empty() && std::find(disabled.begin(), disabled.end(), component->name()) != disabled.end()) continue;
    if (pretokenized && component->segments()) continue;
    if (component->arabic_only() && !doc->language.analyzed) continue;
    Status s = component->Run(doc);
    if (!s.ok()) return Status(s.code(), std::string(component->name()) + ": " + s.message());
  }
  return Status::Ok();
}

std::vector<const char*> Pipeline::ComponentNames() const {
  std::vector<const char*> names;
  for (const auto& component : components_) names.push_back(component->name());
  return names;
}

}  // namespace isnad
