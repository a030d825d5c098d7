#include "train/model_builder.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "isnad/model/model.h"
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
  nlohmann::ordered_json meta;
  meta["name"] = input.name;
  meta["lexicons"] = lexicon_versions;
  file.sections["meta"] = meta.dump();

  std::string serialized = SerializeModelFile(file);
  Model check;  // the engine must accept what we ship
  Status s = Model::Load(serialized, &check);
  if (!s.ok()) return s;
  *bytes = std::move(serialized);
  return Status::Ok();
}

}  // namespace isnad
