// Pipeline: the analysis components, registered in one place (BuildPipeline) in the order they run.
// Each component reads what earlier ones wrote into the Document and adds its own layer; the flow
// of the whole engine can be read off BuildPipeline.
#pragma once

#include <memory>
#include <vector>

#include "isnad/document.h"
#include "isnad/model/model.h"
#include "isnad/status.h"

namespace isnad {

class Component {
 public:
  virtual ~Component() = default;
  virtual const char* name() const = 0;
  virtual Status Run(Document* doc) = 0;
  // True for the component that makes tokens and sentences from the text.
  virtual bool segments() const { return false; }
  // True for a layer of Arabic analysis, which a text in another language (Document::language,
  // set by the language component) skips.
  virtual bool arabic_only() const { return false; }
  // True for a layer that AnalyzeOptions::disabled_layers may skip; the others make the tokens
  // every layer reads.
  virtual bool optional() const { return false; }
};

class Pipeline {
 public:
  // Builds every component over `model`, which must outlive the pipeline.
  static Status Build(const Model& model, std::unique_ptr<Pipeline>* out);
  // Runs every component in order. Pretokenized documents already hold their tokens and
  // sentences, so segmentation is skipped for them; a text that is not Arabic skips the
  // arabic_only components, and the optional components named in `disabled` are skipped
  // (InvalidArgument when a name is not an optional component's).
  Status Run(Document* doc, bool pretokenized = false, const std::vector<std::string>& disabled = {});
  std::vector<const char*> ComponentNames() const;

 private:
  std::vector<std::unique_ptr<Component>> components_;
};

}  // namespace isnad
