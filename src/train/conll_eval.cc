#include "train/conll_eval.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <set>
#include <tuple>

namespace isnad {
namespace {

using Chunk = std::tuple<uint32_t, uint32_t, std::string>;  // token range and scored type

std::string ScoredType(CorpusFormat format, const std::string& type) {
  if (format == CorpusFormat::kNewsfane) return type;
  if (type == "PER") return "PERS";
  if (type == "GPE" || type == "LOC" || type == "FAC") return "LOC";
  return type;  // ORG, MISC
}

// One line per token, "token gold system" with BIO tags (conlleval's input), and an empty line
// after the sentence.
void AppendPredictions(const std::vector<std::string>& tokens, const std::set<Chunk>& gold,
                       const std::set<Chunk>& system, std::string* out) {
  auto tags = [&](const std::set<Chunk>& chunks) {
    std::vector<std::string> t(tokens.size(), "O");
    for (const auto& [begin, end, type] : chunks) {
      for (uint32_t k = begin; k < end; ++k) t[k] = (k == begin ? "B-" : "I-") + type;
    }
    return t;
  };
  const std::vector<std::string> g = tags(gold), y = tags(system);
  for (size_t k = 0; k < tokens.size(); ++k) *out += tokens[k] + " " + g[k] + " " + y[k] + "\n";
  *out += "\n";
}

}  // namespace

Status EvaluateConll(const std::string& path, CorpusFormat format, const LabelMapping& mapping,
                     const CliticRules& clitics, Analyzer* analyzer,
                     ConllEvaluation* out, bool list_errors, size_t window, const AnalyzeOptions& options) {
  std::string* predictions = out->predictions;
  *out = ConllEvaluation();
  out->predictions = predictions;
  if (predictions) predictions->clear();
  std::vector<CorpusSentence> sentences;
  Status s = ReadNerCorpus(path, format, mapping, clitics, &sentences);
  if (!s.ok()) return s;
  window = std::max<size_t>(window, 1);
  Document doc;
  for (size_t first = 0; first < sentences.size(); first += window) {
    const size_t last = std::min(sentences.size(), first + window);
    std::vector<std::vector<std::string>> tokens;
    for (size_t i = first; i < last; ++i) tokens.push_back(sentences[i].tokens);
    const auto start = std::chrono::steady_clock::now();
    s = analyzer->AnalyzeTokens(tokens, options, &doc);
    out->seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!s.ok()) return s;
    // The system's chunks per sentence, in sentence-relative token indices.
    std::vector<std::set<Chunk>> system(last - first);
    for (const Entity& e : doc.entities) {
      if (e.type == "TIME") continue;
      const uint32_t k = doc.tokens[e.first_token].sentence;
      const uint32_t base = doc.sentences[k].first_token;
      system[k].insert({e.first_token - base, e.last_token - base, ScoredType(format, e.type)});
    }
    for (size_t i = first; i < last; ++i) {
      const CorpusSentence& sentence = sentences[i];
      ++out->sentences;
      out->tokens += sentence.tokens.size();
      std::set<Chunk> gold;
      for (const GoldEntity& e : sentence.entities) {
        gold.insert({e.begin, e.end, format == CorpusFormat::kAnercorp ? e.corpus_class : e.types[0]});
      }
      const std::set<Chunk>& sys = system[i - first];
      if (out->predictions) AppendPredictions(sentence.tokens, gold, sys, out->predictions);
      for (const Chunk& c : gold) {
        ChunkCounts& counts = out->per_type[std::get<2>(c)];
        ++counts.gold;
        if (sys.count(c)) ++counts.correct;
      }
      for (const Chunk& c : sys) ++out->per_type[std::get<2>(c)].system;
      if (!list_errors) continue;
      auto words = [&](const Chunk& c) {
        std::string w;
        for (uint32_t t = std::get<0>(c); t < std::get<1>(c); ++t) w += (w.empty() ? "" : " ") + sentence.tokens[t];
        return w;
      };
      for (const Chunk& c : gold) {
        if (!sys.count(c)) out->errors.push_back("missed   " + std::get<2>(c) + ": " + words(c));
      }
      for (const Chunk& c : sys) {
        if (!gold.count(c)) out->errors.push_back("spurious " + std::get<2>(c) + ": " + words(c));
      }
    }
  }
  for (const auto& [type, counts] : out->per_type) {
    out->micro.correct += counts.correct;
    out->micro.gold += counts.gold;
    out->micro.system += counts.system;
  }
  return Status::Ok();
}

std::string FormatEvaluation(const ConllEvaluation& e) {
  std::string out;
  char line[160];
  snprintf(line, sizeof line, "%-8s %9s %9s %9s %7s %7s\n", "type", "precision", "recall", "F1", "gold", "system");
  out += line;
  auto row = [&](const std::string& name, const ChunkCounts& c) {
    snprintf(line, sizeof line, "%-8s %9.2f %9.2f %9.2f %7zu %7zu\n", name.c_str(), 100 * c.Precision(),
             100 * c.Recall(), 100 * c.F1(), c.gold, c.system);
    out += line;
  };
  for (const auto& [type, counts] : e.per_type) row(type, counts);
  row("micro", e.micro);
  snprintf(line, sizeof line, "%zu sentences, %zu tokens, %.0f tokens/s\n", e.sentences, e.tokens,
           e.seconds > 0 ? e.tokens / e.seconds : 0.0);
  out += line;
  return out;
}

}  // namespace isnad
