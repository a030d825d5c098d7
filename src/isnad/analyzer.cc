#include "isnad/analyzer.h"

#include "isnad/model/model.h"
#include "isnad/model/model_loader.h"
#include "isnad/pipeline.h"
#include "isnad/text/utf8.h"

namespace isnad {

Analyzer::Analyzer() = default;
Analyzer::~Analyzer() = default;

Status Analyzer::Load(std::string_view model_bytes, std::unique_ptr<Analyzer>* out) {
  auto model = std::make_shared<Model>();
  Status s = Model::Load(model_bytes, model.get());
  if (!s.ok()) return s;
  return Over(std::move(model), out);
}

Status Analyzer::Load(ModelLoader* loader, std::unique_ptr<Analyzer>* out) {
  auto model = std::make_shared<Model>();
  Status s = loader->Finish(model.get());
  if (!s.ok()) return s;
  return Over(std::move(model), out);
}

Status Analyzer::Share(std::unique_ptr<Analyzer>* out) const { return Over(model_, out); }

Status Analyzer::Over(std::shared_ptr<const Model> model, std::unique_ptr<Analyzer>* out) {
  std::unique_ptr<Analyzer> analyzer(new Analyzer());
  analyzer->model_ = std::move(model);
  Status s = Pipeline::Build(*analyzer->model_, &analyzer->pipeline_);
  if (!s.ok()) return s;
  *out = std::move(analyzer);
  return Status::Ok();
}

namespace {

// A calendar date written YYYY-MM-DD (the Gregorian leap-year rule included).
bool IsIsoDate(std::string_view d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (d[i] < '0' || d[i] > '9') return false;
  }
  auto number = [&](size_t at, size_t n) { return std::stoi(std::string(d.substr(at, n))); };
  const int year = number(0, 4), month = number(5, 2), day = number(8, 2);
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1 || day > kDays[month - 1]) return false;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return !(month == 2 && day == 29 && !leap);
}

}  // namespace

Status ValidateAnalyzeOptions(const AnalyzeOptions& options) {
  if (!options.document_date.empty() && !IsIsoDate(options.document_date)) {
    return InvalidArgument("document date '" + options.document_date + "' is not a YYYY-MM-DD date");
  }
  return Status::Ok();
}

Status Analyzer::Analyze(std::string_view utf8_text, const AnalyzeOptions& options, Document* out) {
  *out = Document();
  Status s = ValidateAnalyzeOptions(options);
  if (!s.ok()) return s;
  s = ValidateUtf8(utf8_text);
  if (!s.ok()) return s;
  Document doc;
  doc.text.assign(utf8_text);
  doc.document_date = options.document_date;
  s = pipeline_->Run(&doc, /*pretokenized=*/false, options.disabled_layers);
  if (!s.ok()) return s;
  *out = std::move(doc);
  return Status::Ok();
}

Status Analyzer::AnalyzeTokens(const std::vector<std::vector<std::string>>& sentences,
                               const AnalyzeOptions& options, Document* out) {
  *out = Document();
  Status s = ValidateAnalyzeOptions(options);
  Document doc;
  for (const std::vector<std::string>& tokens : sentences) {
    if (tokens.empty()) continue;
    if (!doc.text.empty()) doc.text += '\n';
    Sentence sentence;
    sentence.span.begin = static_cast<uint32_t>(doc.text.size());
    sentence.first_token = static_cast<uint32_t>(doc.tokens.size());
    for (const std::string& token : tokens) {
      if (!s.ok()) break;
      if (token.empty() || token.find_first_of(" \n") != std::string::npos) {
        s = InvalidArgument("a token is empty or holds a space");
      }
      if (s.ok()) s = ValidateUtf8(token);
      if (doc.tokens.size() > sentence.first_token) doc.text += ' ';
      Token t;
      t.span = {static_cast<uint32_t>(doc.text.size()), static_cast<uint32_t>(doc.text.size() + token.size())};
      t.sentence = static_cast<uint32_t>(doc.sentences.size());
      doc.text += token;
      doc.tokens.push_back(std::move(t));
    }
    if (!s.ok()) return s;
    sentence.span.end = static_cast<uint32_t>(doc.text.size());
    sentence.token_count = static_cast<uint32_t>(doc.tokens.size()) - sentence.first_token;
    doc.sentences.push_back(sentence);
  }
  doc.document_date = options.document_date;
  s = pipeline_->Run(&doc, /*pretokenized=*/true, options.disabled_layers);
  if (!s.ok()) return s;
  *out = std::move(doc);
  return Status::Ok();
}

std::string Analyzer::ModelDescription() const { return model_->Description(); }

const char* EngineVersion() { return ISNAD_VERSION; }

}  // namespace isnad
