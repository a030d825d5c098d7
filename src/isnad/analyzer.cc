#include "isnad/analyzer.h"

#include "isnad/model/model.h"
#include "isnad/pipeline.h"
#include "isnad/text/utf8.h"

namespace isnad {

Analyzer::Analyzer() = default;
Analyzer::~Analyzer() = default;

Status Analyzer::Load(std::string_view model_bytes, std::unique_ptr<Analyzer>* out) {
  std::unique_ptr<Analyzer> analyzer(new Analyzer());
  analyzer->model_ = std::make_unique<Model>();
  Status s = Model::Load(model_bytes, analyzer->model_.get());
  if (!s.ok()) return s;
  s = Pipeline::Build(*analyzer->model_, &analyzer->pipeline_);
  if (!s.ok()) return s;
  *out = std::move(analyzer);
  return Status::Ok();
}

Status Analyzer::Analyze(std::string_view utf8_text, const AnalyzeOptions& options, Document* out) {
  *out = Document();
  Status s = ValidateUtf8(utf8_text);
  if (!s.ok()) return s;
  Document doc;
  doc.text.assign(utf8_text);
  doc.document_date = options.document_date;
  s = pipeline_->Run(&doc);
  if (!s.ok()) return s;
  *out = std::move(doc);
  return Status::Ok();
}

std::string Analyzer::ModelDescription() const { return model_->Description(); }

const char* EngineVersion() { return ISNAD_VERSION; }

}  // namespace isnad
