#include "train/ner_corpus.h"

#include <fstream>
#include <sstream>

#include "isnad/text/lexicon_tsv.h"

namespace isnad {
namespace {

bool IsWordToken(const std::string& token) {
  const unsigned char c = static_cast<unsigned char>(token[0]);
  return c >= 0x80 || std::isalpha(c);
}

struct RawToken {
  std::string text;
  std::string label;  // O, B-Class, I-Class
};

// Attaches NewsFANE's split proclitics to the next word and suffix pronouns to the previous one.
void Reattach(const CliticRules& clitics, std::vector<RawToken>* raw, std::vector<uint32_t>* proclitic_bytes) {
  std::vector<RawToken> out;
  proclitic_bytes->clear();
  std::string pending;
  std::string pending_label;
  for (size_t i = 0; i < raw->size(); ++i) {
    RawToken tok = (*raw)[i];
    const bool has_next_word = i + 1 < raw->size() && IsWordToken((*raw)[i + 1].text);
    if (clitics.IsProclitic(tok.text) && has_next_word) {
      if (pending.empty()) pending_label = tok.label;
      pending += tok.text;
      continue;
    }
    if (clitics.IsSuffix(tok.text) && pending.empty() && !out.empty() && IsWordToken(out.back().text)) {
      out.back().text += tok.text;
      continue;
    }
    if (!pending.empty()) {
      if (pending_label.rfind("B-", 0) == 0 && tok.label == "I-" + pending_label.substr(2)) tok.label = pending_label;
      proclitic_bytes->push_back(static_cast<uint32_t>(pending.size()));
      tok.text = pending + tok.text;
      pending.clear();
    } else {
      proclitic_bytes->push_back(0);
    }
    out.push_back(std::move(tok));
  }
  *raw = std::move(out);
}

Status FinishSentence(std::vector<RawToken>* raw, CorpusFormat format, const LabelMapping& mapping,
                      const CliticRules& clitics, std::vector<CorpusSentence>* out) {
  if (raw->empty()) return Status::Ok();
  CorpusSentence sentence;
  if (format == CorpusFormat::kNewsfane) {
    sentence.marks_proclitics = true;
    Reattach(clitics, raw, &sentence.proclitic_bytes);
  } else {
    sentence.proclitic_bytes.assign(raw->size(), 0);
  }
  for (uint32_t t = 0; t < raw->size(); ++t) {
    const std::string& label = (*raw)[t].label;
    sentence.tokens.push_back((*raw)[t].text);
    if (label == "O") continue;
    const std::string cls = label.substr(2);
    const bool continues = label[0] == 'I' && !sentence.entities.empty() &&
                           sentence.entities.back().end == t && sentence.entities.back().corpus_class == cls;
    if (continues) {
      sentence.entities.back().end = t + 1;
      continue;
    }
    const LabelMapping::Target* target = mapping.Find(format, cls);
    if (!target) {
      return InvalidArgument(std::string("class '") + cls + "' of " + CorpusFormatName(format) +
                             " is missing from lexicons/ner-labels.tsv");
    }
    sentence.entities.push_back({t, t + 1, target->types, target->subtype, cls});
  }
  // Entities whose class maps to O stay out.
  std::vector<GoldEntity> kept;
  for (GoldEntity& e : sentence.entities) {
    if (!e.types.empty()) kept.push_back(std::move(e));
  }
  sentence.entities = std::move(kept);
  out->push_back(std::move(sentence));
  raw->clear();
  return Status::Ok();
}

}  // namespace

Status ParseCorpusFormat(std::string_view name, CorpusFormat* out) {
  if (name == "anercorp") *out = CorpusFormat::kAnercorp;
  else if (name == "newsfane") *out = CorpusFormat::kNewsfane;
  else return InvalidArgument("corpus format must be anercorp or newsfane");
  return Status::Ok();
}

const char* CorpusFormatName(CorpusFormat format) {
  return format == CorpusFormat::kAnercorp ? "anercorp" : "newsfane";
}

Status LabelMapping::Parse(std::string_view tsv, LabelMapping* out) {
  LabelMapping mapping;
  int version = 0;
  Status s = ForEachLexiconRow("ner-labels", tsv, &version, [&](const LexiconRow& row) {
    if (row.columns.size() < 3) return InvalidArgument("expected corpus, class, types");
    CorpusFormat format;
    Status st = ParseCorpusFormat(row.columns[0], &format);
    if (!st.ok()) return st;
    Target target;
    if (row.columns[2] != "O") {
      std::stringstream types(row.columns[2]);
      for (std::string type; std::getline(types, type, '|');) target.types.push_back(type);
    }
    if (row.columns.size() > 3) target.subtype = row.columns[3];
    mapping.targets_[{static_cast<int>(format), row.columns[1]}] = std::move(target);
    return Status::Ok();
  });
  if (!s.ok()) return s;
  *out = std::move(mapping);
  return Status::Ok();
}

const LabelMapping::Target* LabelMapping::Find(CorpusFormat corpus, const std::string& corpus_class) const {
  auto it = targets_.find({static_cast<int>(corpus), corpus_class});
  return it == targets_.end() ? nullptr : &it->second;
}

Status ReadNerCorpus(const std::string& path, CorpusFormat format, const LabelMapping& mapping,
                     const CliticRules& clitics, std::vector<CorpusSentence>* out) {
  out->clear();
  std::ifstream in(path);
  if (!in) return InvalidArgument("cannot read " + path);
  std::vector<RawToken> raw;
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) {
      Status s = FinishSentence(&raw, format, mapping, clitics, out);
      if (!s.ok()) return s;
      continue;
    }
    const size_t sep = line.find_last_of(format == CorpusFormat::kNewsfane ? "\t" : " \t");
    if (sep == std::string::npos || sep == 0) {
      return InvalidArgument(path + ":" + std::to_string(line_no) + ": expected a token and a label");
    }
    std::string label = line.substr(sep + 1);
    // One ANERcorp line glues two lines together (". Oالإصابة O"): every space-separated piece
    // before the label becomes a token, and a label that is not O/B-/I- reads as O.
    if (label != "O" && label.rfind("B-", 0) != 0 && label.rfind("I-", 0) != 0) label = "O";
    std::stringstream pieces(line.substr(0, sep));
    for (std::string piece; pieces >> piece;) raw.push_back({piece, label});
  }
  return FinishSentence(&raw, format, mapping, clitics, out);
}

}  // namespace isnad
