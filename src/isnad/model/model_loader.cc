#include "isnad/model/model_loader.h"

#include <cstring>

#include <nlohmann/json.hpp>

#include "isnad/model/binary_io.h"
#include "isnad/model/model_file.h"

namespace isnad {
namespace {

constexpr size_t kFileHeader = 8 + 4 + 4;  // magic, version, section count

}  // namespace

const std::string_view* ModelLoader::Section(const std::string& name) {
  auto it = complete_.find(name);
  if (it == complete_.end()) return nullptr;
  section_ = data_.substr(it->second.first, it->second.second);
  return &section_;
}

void ModelLoader::Append(std::string_view bytes) {
  owned_.append(bytes.data(), bytes.size());
  Advance(owned_);
}

void ModelLoader::Advance(std::string_view all) {
  data_ = all;
  if (stopped_) return;
  if (scan_ == 0) {
    if (all.size() < kFileHeader) return;
    ByteReader header(all.substr(8, 8));
    const uint32_t version = static_cast<uint32_t>(header.Int(4));
    if (std::memcmp(all.data(), "ISNADMDL", 8) != 0 || (version != 1 && version != kModelFormatVersion)) {
      stopped_ = true;
      return;
    }
    sections_left_ = header.Int(4);
    scan_ = kFileHeader;
  }
  bool found = false;
  while (sections_left_ > 0) {
    ByteReader r(all.substr(scan_));
    const uint64_t name_size = r.Int(2);
    const std::string_view name = r.Bytes(name_size);
    const uint64_t size = r.Int(8);
    if (r.truncated() || size > r.remaining()) break;  // not all here yet
    const size_t payload = scan_ + r.pos();
    complete_.emplace(std::string(name), std::make_pair(payload, static_cast<size_t>(size)));
    scan_ = payload + size;
    --sections_left_;
    found = true;
  }
  if (!found) return;
  for (int step = 0; step < kStepCount; ++step) TryStep(static_cast<Step>(step), /*final=*/false);
}

void ModelLoader::TryStep(Step step, bool final) {
  if (state_[step] != State::kPending) return;
  auto loaded = [&](Step s) { return state_[s] == State::kOk; };
  switch (step) {
    case kAttribution:
    case kEvents:
      if (!loaded(kInflection)) return;
      break;
    case kGazetteerNames:
      // Learned names go on top of the built-in lists (category numbers follow first use).
      if (!loaded(kGazetteerBase) && !(final && state_[kGazetteerBase] == State::kPending)) return;
      break;
    default:
      break;
  }
  if (!RunStep(step)) return;
  state_[step] = status_[step].ok() ? State::kOk : State::kFailed;
}

bool ModelLoader::RunStep(Step step) {
  Model& m = model_;
  Status& s = status_[step];
  auto all = [&](std::initializer_list<const char*> names) {
    for (const char* name : names) {
      if (!Section(name)) return false;
    }
    return true;
  };
  auto text = [&](const char* name) { return *Section(name); };
  switch (step) {
    case kFolding:
      if (!all({"lexicon/folding"})) return false;
      s = FoldingTable::Parse(text("lexicon/folding"), &m.folding_);
      return true;
    case kQuotes:
      if (!all({"lexicon/quotes"})) return false;
      s = QuoteTable::Parse(text("lexicon/quotes"), &m.quotes_);
      return true;
    case kClitics:
      if (!all({"lexicon/clitics"})) return false;
      s = CliticRules::Parse(text("lexicon/clitics"), &m.clitics_);
      return true;
    case kTime:
      if (!all({"lexicon/time"})) return false;
      s = TimeGrammar::Parse(text("lexicon/time"), &m.time_grammar_);
      return true;
    case kPatterns:
      if (!all({"lexicon/entity-patterns"})) return false;
      s = EntityPatterns::Parse(text("lexicon/entity-patterns"), &m.entity_patterns_);
      return true;
    case kInflection:
      if (!all({"lexicon/inflection"})) return false;
      s = Inflections::Parse(text("lexicon/inflection"), &m.inflections_);
      return true;
    case kLanguages:
      if (!all({"lexicon/languages"})) return false;
      s = LanguageGuesser::Parse(text("lexicon/languages"), &m.language_guesser_);
      return true;
    case kAttribution:
      if (!all({"lexicon/cues", "lexicon/attribution-words"})) return false;
      s = AttributionLexicon::Parse(text("lexicon/cues"), text("lexicon/attribution-words"), m.inflections_,
                                    &m.attribution_lexicon_);
      return true;
    case kEvents:
      if (!all({"lexicon/event-types", "lexicon/event-triggers", "lexicon/event-words"})) return false;
      s = EventLexicon::Parse(text("lexicon/event-types"), text("lexicon/event-triggers"), text("lexicon/event-words"),
                              m.inflections_, &m.events_);
      return true;
    case kGazetteerBase:
      if (!all({"gazetteer/base"})) return false;
      s = m.gazetteer_.AddSerialized(text("gazetteer/base"));
      return true;
    case kGazetteerNames:
      if (!all({"ner/names"})) return false;
      s = m.gazetteer_.AddSerialized(text("ner/names"));
      return true;
    case kCrf:
      if (!all({"ner/crf"})) return false;
      // The file's checksum covers the section (and the builder checked the section's own): 1.7 MB
      // less to hash a byte at a time, in wasm's unoptimized tier on a cold start.
      s = CrfModel::Parse(text("ner/crf"), &m.crf_, /*verify_checksum=*/false);
      m.has_crf_ = s.ok();
      return true;
    case kStepCount:
      break;
  }
  return false;
}

Status ModelLoader::Finish(Model* out) { return Conclude(owned_, out); }

Status ModelLoader::Conclude(std::string_view all, Model* out) {
  // The whole file, checked as a whole: its structure and checksum first, as Model::Load always did.
  ModelFileView file;
  Status s = ParseModelFile(all, &file);
  if (!s.ok()) return s;
  Advance(all);  // sound: every section is complete
  for (const std::string& name : RequiredLexicons()) {
    if (!file.sections.count("lexicon/" + name)) return DataLoss("model has no section lexicon/" + name);
  }
  auto meta = file.sections.find("meta");
  if (meta == file.sections.end()) return DataLoss("model has no meta section");
  const nlohmann::json info =
      nlohmann::json::parse(meta->second.begin(), meta->second.end(), nullptr, /*allow_exceptions=*/false);
  if (!info.is_object() || !info.contains("name") || !info["name"].is_string()) {
    return DataLoss("model meta section is not valid");
  }
  for (int step = 0; step < kStepCount; ++step) TryStep(static_cast<Step>(step), /*final=*/true);
  // The first failure in Model::Load's order, with its words. The lexicons are all required, so
  // each of their steps has run (or waits on one that failed, which comes first).
  for (int step = 0; step < kStepCount; ++step) {
    if (state_[step] != State::kFailed) continue;
    const char* what = step <= kEvents ? "model lexicon: " : step == kCrf ? "model tagger: " : "model gazetteer: ";
    return DataLoss(what + status_[step].message());
  }
  model_.name_ = info["name"].get<std::string>();
  model_.format_version_ = file.version;
  *out = std::move(model_);
  return Status::Ok();
}

}  // namespace isnad
