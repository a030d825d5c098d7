#include "train/model_builder.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unicode/uversion.h>

#include "isnad/model/model.h"
#include "isnad/ner/gazetteer_lexicon.h"
#include "isnad/text/normalizer.h"
#include "train/cldr_gazetteer.h"
#include "isnad/model/model_file.h"
#include "isnad/text/lexicon_tsv.h"

namespace isnad {
namespace {

Status ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return InvalidArgument("cannot read " + path);
  std::ostringstream buf;
  buf << in.rdbuf();
  *out = buf.str();
  return Status::Ok();
}

}  // namespace

const std::vector<GazetteerList>& GazetteerLists() {
  static const std::vector<GazetteerList> lists = {
      {"designators", GazetteerList::kMatchingForm},   {"pattern-heads", GazetteerList::kMatchingForm},
      {"names-arabic", GazetteerList::kSpelled},       {"names-foreign", GazetteerList::kSpelled},
      {"people", GazetteerList::kSpelled},             {"places", GazetteerList::kSpelled},
      {"organizations", GazetteerList::kSpelled},      {"athletes", GazetteerList::kSpelled},
      {"public-figures", GazetteerList::kSpelled},     {"officials", GazetteerList::kSpelled},
      {"clubs-companies", GazetteerList::kSpelled},    {"exclude", GazetteerList::kExclusions}};
  return lists;
}

Status BuildModel(const ModelBuildInput& input, std::string* bytes) {
  ModelFile file;
  nlohmann::ordered_json lexicon_versions = nlohmann::ordered_json::object();
  for (const std::string& name : RequiredLexicons()) {
    std::string tsv;
    Status s = ReadFile(input.lexicon_dir + "/" + name + ".tsv", &tsv);
    if (!s.ok()) return s;
    Lexicon lexicon;
    s = ParseLexiconTsv(name, tsv, &lexicon);
    if (!s.ok()) return s;
    lexicon_versions[name] = lexicon.version;
    file.sections["lexicon/" + name] = std::move(tsv);
  }
  // The built-in gazetteer: CLDR's Arabic place names through ICU, then the lists of
  // GazetteerLists() in their order.
  FoldingTable folding;
  Normalizer normalizer;
  Status s = FoldingTable::Parse(file.sections["lexicon/folding"], &folding);
  if (s.ok()) s = Normalizer::Create(&folding, &normalizer);
  Gazetteer gazetteer;
  if (s.ok()) s = AddCldrNames(normalizer, &gazetteer);
  std::string forms_tsv;
  GazetteerForms forms;
  if (s.ok()) s = ReadFile(input.lexicon_dir + "/gazetteer/forms.tsv", &forms_tsv);
  if (s.ok()) s = GazetteerForms::Parse(forms_tsv, &forms);
  const GazetteerNameOf spelled = [&normalizer](std::string_view spelling, std::string* name) {
    return DisplayNameToGazetteerName(spelling, normalizer, name);
  };
  for (const GazetteerList& list : GazetteerLists()) {
    std::string tsv;
    int version = 0;
    if (s.ok()) s = ReadFile(input.lexicon_dir + "/gazetteer/" + list.name + ".tsv", &tsv);
    if (s.ok()) {
      s = list.kind == GazetteerList::kExclusions
              ? RemoveLexiconEntries(tsv, &gazetteer, &version)
              : AddLexiconEntries(tsv, forms, &gazetteer, &version,
                                  list.kind == GazetteerList::kSpelled ? spelled : GazetteerNameOf());
    }
    lexicon_versions["gazetteer/" + list.name] = version;
  }
  if (!s.ok()) return s;
  file.sections["gazetteer/base"] = gazetteer.Serialize();

  for (const auto& [name, payload] : input.trained_sections) file.sections[name] = payload;
  nlohmann::ordered_json meta;
  meta["name"] = input.name;
  meta["lexicons"] = lexicon_versions;
  meta["icu"] = U_ICU_VERSION;  // CLDR names come from this ICU's data
  file.sections["meta"] = meta.dump();

  // Loading trusts the tagger's own checksum to the file's, so it is checked here, where the
  // trained section (copied from a base model or fresh from training) enters a file. It is
  // written again in the current CRF format, so a base model of an older format is upgraded.
  if (auto crf = file.sections.find("ner/crf"); crf != file.sections.end()) {
    CrfModel parsed;
    s = CrfModel::Parse(crf->second, &parsed);
    if (!s.ok()) return Status(s.code(), "ner/crf: " + s.message());
    crf->second = parsed.Serialize();
  }
  std::string serialized = SerializeModelFile(file);
  Model check;  // the engine must accept what we ship
  s = Model::Load(serialized, &check);
  if (!s.ok()) return s;
  *bytes = std::move(serialized);
  return Status::Ok();
}

Status TrainedSections(std::string_view model_bytes, std::map<std::string, std::string>* out) {
  out->clear();
  ModelFile file;
  Status s = ParseModelFile(model_bytes, &file);
  if (!s.ok()) return s;
  for (const auto& [name, payload] : file.sections) {
    if (name.rfind("ner/", 0) == 0) (*out)[name] = payload;
  }
  return Status::Ok();
}

}  // namespace isnad
