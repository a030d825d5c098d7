#include "train/ner_trainer.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <unordered_map>
#include <unordered_set>

#include "isnad/ner/crf_model.h"
#include "isnad/ner/features.h"

namespace isnad {
namespace {


int LabelIndex(const std::string& label) {
  const auto& labels = NerLabels();
  return static_cast<int>(std::find(labels.begin(), labels.end(), label) - labels.begin());
}

// The matching form of a name's first word without its proclitics. A corpus that splits them
// (NewsFANE) says how many bytes they take (all but the ل of لل); otherwise the stem is the
// most-stripped analysis that such a corpus knows as a word of a name (`clean_words`), else the
// one with the article after a proclitic (بالعراق → العراق), else the whole token.
std::string FirstWordStem(const Token& token, uint32_t marked_proclitic_bytes, bool marks_proclitics,
                          const std::unordered_set<std::string>& clean_words, const CliticRules& clitics) {
  const std::vector<CliticCandidate>& candidates = token.analyses;
  if (marks_proclitics) {
    if (marked_proclitic_bytes == 0) {
      // Such a corpus still writes ل before the article as one word (للعراق): its stem restores
      // the article's alif.
      for (const CliticCandidate& c : candidates) {
        if (c.restored) return c.stem;
      }
      return token.norm;
    }
    if (marked_proclitic_bytes >= token.norm.size()) return token.norm;
    for (const CliticCandidate& c : candidates) {
      if (c.strip_bytes == marked_proclitic_bytes) return c.stem;
    }
    return token.norm.substr(marked_proclitic_bytes);
  }
  for (size_t c = candidates.size(); c-- > 1;) {
    if (clean_words.count(candidates[c].stem)) return candidates[c].stem;
  }
  for (size_t c = candidates.size(); c-- > 1;) {
    if (clitics.StartsWithArticle(candidates[c].stem)) return candidates[c].stem;
  }
  return token.norm;
}

// Per token, the bitmask of labels the gold annotation allows. [T]
std::vector<uint64_t> AllowedLabels(const CorpusSentence& sentence) {
  std::vector<uint64_t> allowed(sentence.tokens.size(), uint64_t{1} << LabelIndex("O"));
  for (const GoldEntity& e : sentence.entities) {
    uint64_t begin = 0, inside = 0;
    for (const std::string& type : e.types) {
      begin |= uint64_t{1} << LabelIndex("B-" + type);
      inside |= uint64_t{1} << LabelIndex("I-" + type);
    }
    allowed[e.begin] = begin;
    for (uint32_t t = e.begin + 1; t < e.end; ++t) allowed[t] = inside;
  }
  return allowed;
}

// A sentence's identity across corpora: the first letters of its matching form, without spaces,
// digits or punctuation (the corpora spell numbers and split clitics differently).
std::string SentenceKey(const Document& doc) {
  std::string key;
  int letters = 0;
  for (const Token& t : doc.tokens) {
    if (t.kind != TokenKind::kWord) continue;
    for (size_t i = 0; i < t.norm.size() && letters < 24; ++i) {
      key += t.norm[i];
      letters += (static_cast<unsigned char>(t.norm[i]) & 0xC0) != 0x80;
    }
    if (letters >= 24) break;
  }
  return key;
}

// Two folds for the name-list jackknife. A name must not reach a sentence's features from the
// same story: the first corpus is cut into blocks of consecutive sentences (stories run over
// several), alternating folds; a sentence of another corpus that is the same sentence (`twin`)
// takes its twin's fold.
std::vector<int> JackknifeFolds(const std::vector<size_t>& index_in_corpus, const std::vector<int>& twin) {
  constexpr size_t kBlock = 50;
  std::vector<int> fold(index_in_corpus.size());
  for (size_t i = 0; i < fold.size(); ++i) fold[i] = static_cast<int>((index_in_corpus[i] / kBlock) % 2);
  for (size_t i = 0; i < fold.size(); ++i) {
    if (twin[i] >= 0) fold[i] = fold[twin[i]];
  }
  return fold;
}

// For each sentence of a later corpus, the index of the same sentence in the first corpus, or -1.
std::vector<int> FindTwins(const std::vector<Document>& docs, const std::vector<size_t>& corpus_of) {
  std::unordered_map<std::string, int> first_corpus;
  for (size_t i = 0; i < docs.size(); ++i) {
    if (corpus_of[i] == 0) first_corpus.emplace(SentenceKey(docs[i]), static_cast<int>(i));
  }
  std::vector<int> twin(docs.size(), -1);
  for (size_t i = 0; i < docs.size(); ++i) {
    if (corpus_of[i] == 0) continue;
    if (auto it = first_corpus.find(SentenceKey(docs[i])); it != first_corpus.end()) twin[i] = it->second;
  }
  return twin;
}

// Where a partial label of `coarse` (ANERcorp's LOC: GPE|LOC|FAC) names the same entity as a full
// label of `fine` (its NewsFANE twin, matched by the last word), the full label replaces it.
void RefineWithTwin(const Document& coarse_doc, CorpusSentence* coarse, const Document& fine_doc,
                    const CorpusSentence& fine) {
  for (GoldEntity& e : coarse->entities) {
    if (e.types.size() < 2) continue;
    const std::string& last = coarse_doc.tokens[e.end - 1].norm;
    for (const GoldEntity& f : fine.entities) {
      if (f.types.size() != 1 || f.end - f.begin != e.end - e.begin) continue;
      if (fine_doc.tokens[f.end - 1].norm != last) continue;
      if (std::find(e.types.begin(), e.types.end(), f.types[0]) == e.types.end()) continue;
      e.types = f.types;
      break;
    }
  }
}

}  // namespace

const std::vector<std::string>& NerLabels() {
  static const std::vector<std::string> labels = {"O",     "B-PER", "I-PER", "B-ORG", "I-ORG",  "B-GPE", "I-GPE",
                                                  "B-LOC", "I-LOC", "B-FAC", "I-FAC", "B-MISC", "I-MISC"};
  return labels;
}

void AddLearnedNames(const std::vector<CorpusSentence>& sentences, const std::vector<Document>& docs,
                     const std::vector<bool>& use, const CliticRules& clitics, Gazetteer* names) {
  // The words of names in corpora that mark proclitics, to find the stems of the others.
  std::unordered_set<std::string> clean_words;
  for (size_t i = 0; i < sentences.size(); ++i) {
    if (!use[i] || !sentences[i].marks_proclitics) continue;
    for (const GoldEntity& e : sentences[i].entities) {
      clean_words.insert(FirstWordStem(docs[i].tokens[e.begin], sentences[i].proclitic_bytes[e.begin], true,
                                       clean_words, clitics));
      for (uint32_t t = e.begin + 1; t < e.end; ++t) clean_words.insert(docs[i].tokens[t].norm);
    }
  }
  for (size_t i = 0; i < sentences.size(); ++i) {
    if (!use[i]) continue;
    for (const GoldEntity& e : sentences[i].entities) {
      const std::vector<Token>& tokens = docs[i].tokens;
      std::string name = FirstWordStem(tokens[e.begin], sentences[i].proclitic_bytes[e.begin],
                                       sentences[i].marks_proclitics, clean_words, clitics);
      names->Add(name, "KNOWN.WORD");
      for (uint32_t t = e.begin + 1; t < e.end; ++t) {
        name += ' ';
        name += tokens[t].norm;
        names->Add(tokens[t].norm, "KNOWN.WORD");
      }
      if (name.size() < 4) continue;  // one or two letters: too ambiguous to be a name list entry
      const std::string type = e.types.size() == 1 ? e.types[0] : "ANYLOC";
      names->Add(name, "NAME." + type);
      if (type == "PER" && e.end - e.begin >= 2) {
        // Given names and family names: a known given name announces an unseen family name.
        names->Add(name.substr(0, name.find(' ')), "PER.FIRST");
        names->Add(tokens[e.end - 1].norm, "PER.LAST");
      }
      if (!e.subtype.empty()) names->Add(name, "ORG." + e.subtype);
    }
  }
}

namespace {

// The learned names of the sentences in `use`: alone (what a model ships), and per jackknife fold
// on top of the built-in lists (what training features see).
struct TrainingLists {
  Gazetteer names;
  Gazetteer all;       // built-in lists + names
  Gazetteer folds[2];  // built-in lists + the names of the other fold
};

TrainingLists BuildTrainingLists(const std::vector<CorpusSentence>& sentences, const std::vector<Document>& docs,
                                 const std::vector<int>& fold, const std::vector<bool>& use,
                                 const Gazetteer& base, const CliticRules& clitics) {
  TrainingLists lists;
  AddLearnedNames(sentences, docs, use, clitics, &lists.names);
  lists.all = base;
  lists.all.AddSerialized(lists.names.Serialize());
  for (int f = 0; f < 2; ++f) {
    std::vector<bool> other_fold(use);
    for (size_t i = 0; i < other_fold.size(); ++i) other_fold[i] = other_fold[i] && fold[i] != f;
    lists.folds[f] = base;
    AddLearnedNames(sentences, docs, other_fold, clitics, &lists.folds[f]);
  }
  return lists;
}

// CRF sequences of the sentences in `use` that are not twins; sentence i's features see
// `lists[fold[i]]` (pass the same list twice for no jackknife).
std::vector<CrfSequence> Sequences(const std::vector<CorpusSentence>& sentences, const std::vector<Document>& docs,
                                   const std::vector<int>& twin, const std::vector<bool>& use,
                                   const Gazetteer* const lists[2], const std::vector<int>* fold,
                                   const CliticRules& clitics, const WordClasses* classes) {
  const FeatureExtractor extractor(&clitics, classes);
  std::vector<CrfSequence> data;
  for (size_t i = 0; i < sentences.size(); ++i) {
    if (!use[i] || twin[i] >= 0) continue;
    const Gazetteer& gazetteer = *lists[fold ? (*fold)[i] : 0];
    const uint32_t n = static_cast<uint32_t>(docs[i].tokens.size());
    const auto matches = gazetteer.FindAll(docs[i].tokens, clitics);
    data.emplace_back();
    extractor.Extract(docs[i], 0, n, CategoriesOf(matches, 0, n), gazetteer.categories(), &data.back().features);
    data.back().allowed = AllowedLabels(sentences[i]);
  }
  return data;
}

// Word classes from the matching forms of the sentences in `use` that are not twins (a twin
// repeats its sentence).
Status ClassesOf(const std::vector<Document>& docs, const std::vector<int>& twin, const std::vector<bool>& use,
                 WordClusterOptions options, const std::function<void(const std::string&)>& log, WordClasses* out) {
  if (!options.log) options.log = log;
  *out = WordClasses();
  if (options.sizes.empty()) return Status::Ok();
  std::vector<std::vector<std::string>> text;
  for (size_t i = 0; i < docs.size(); ++i) {
    if (!use[i] || twin[i] >= 0) continue;
    text.emplace_back();
    for (const Token& t : docs[i].tokens) text.back().push_back(t.norm);
  }
  return LearnWordClasses(text, options, out);
}

// The tagger section of a trained CRF: its O-label bias and word classes set, serialized.
Status SerializeTagger(float o_bias, WordClasses classes, CrfModel* model, std::string* section) {
  std::vector<float> bias(NerLabels().size(), 0.0f);
  bias[0] = o_bias;
  Status s = model->SetLabelBias(bias);
  if (!s.ok()) return s;
  model->SetWordClasses(std::move(classes));
  *section = model->Serialize();
  return Status::Ok();
}

// The O-label bias of `grid` whose decoding of `heldout` has the best entity F1 (ties: the value
// nearest 0, so that a flat curve keeps the trained decoding).
Status ChooseOBias(const CrfModel& trained, const std::vector<CrfSequence>& heldout, const std::vector<float>& grid,
                   size_t window, const std::function<void(const std::string&)>& log, float* chosen) {
  *chosen = 0;
  CrfModel model = trained;
  std::vector<double> f1;  // [grid]
  for (float b : grid) {
    std::vector<float> bias(model.num_labels(), 0.0f);
    bias[0] = b;
    Status s = model.SetLabelBias(bias);
    if (!s.ok()) return s;
    CrfEvaluation eval;
    s = EvaluateCrf(model, heldout, &eval);
    if (!s.ok()) return s;
    if (log) log("held-out with O bias " + std::to_string(b) + ": " + eval.ToString());
    f1.push_back(eval.chunk_f1());
  }
  double best = -1;
  for (size_t i = 0; i < grid.size(); ++i) {
    const double score = WindowMean(f1, i, window);
    if (score > best + 1e-9 || (std::fabs(score - best) <= 1e-9 && std::fabs(grid[i]) < std::fabs(*chosen))) {
      best = score;
      *chosen = grid[i];
    }
  }
  if (log) log("O bias chosen on held-out stories: " + std::to_string(*chosen));
  return Status::Ok();
}

}  // namespace

Status TrainNer(const NerTrainInput& input, Analyzer* text_analyzer, const Gazetteer& base_gazetteer,
                const CliticRules& clitics, NerTrainOutput* out) {
  LabelMapping mapping;
  Status s = LabelMapping::Parse(input.label_map_tsv, &mapping);
  if (!s.ok()) return s;

  std::vector<CorpusSentence> sentences;
  std::vector<size_t> corpus_of, index_in_corpus;
  for (size_t c = 0; c < input.corpora.size(); ++c) {
    std::vector<CorpusSentence> part;
    s = ReadNerCorpus(input.corpora[c].path, input.corpora[c].format, mapping, clitics, &part);
    if (!s.ok()) return s;
    for (size_t i = 0; i < part.size(); ++i) {
      corpus_of.push_back(c);
      index_in_corpus.push_back(i);
    }
    sentences.insert(sentences.end(), std::make_move_iterator(part.begin()), std::make_move_iterator(part.end()));
  }
  std::vector<Document> docs(sentences.size());
  for (size_t i = 0; i < sentences.size(); ++i) {
    s = text_analyzer->AnalyzeTokens({sentences[i].tokens}, {}, &docs[i]);
    if (!s.ok()) return Status(s.code(), "training sentence " + std::to_string(i) + ": " + s.message());
    out->tokens += docs[i].tokens.size();
  }
  // The corpora annotate the same newswire. Where a sentence is in both, the first corpus's
  // entities (ANERcorp: the benchmark's boundaries and classes) stand, refined by the twin's fine
  // classes, and the twin itself is not trained on: their annotations differ (NewsFANE leaves
  // many of ANERcorp's entities unmarked), and one sentence with two labellings teaches the
  // tagger to doubt both. Every sentence still feeds the name lists.
  out->sentences = sentences.size();
  const std::vector<int> twin = FindTwins(docs, corpus_of);
  size_t twins = 0;
  for (size_t i = 0; i < sentences.size(); ++i) {
    if (twin[i] < 0) continue;
    ++twins;
    RefineWithTwin(docs[twin[i]], &sentences[twin[i]], docs[i], sentences[i]);
  }
  const std::vector<int> fold = JackknifeFolds(index_in_corpus, twin);

  // The held-out part: the last stories of the first corpus, with their twins.
  size_t first_corpus_size = 0;
  for (size_t c : corpus_of) first_corpus_size += c == 0;
  const size_t dev_from = static_cast<size_t>(first_corpus_size * (1.0 - input.dev_fraction));
  std::vector<bool> dev(sentences.size(), false);
  for (size_t i = 0; i < sentences.size(); ++i) dev[i] = corpus_of[i] == 0 && index_in_corpus[i] >= dev_from;
  for (size_t i = 0; i < sentences.size(); ++i) {
    if (twin[i] >= 0) dev[i] = dev[twin[i]];
  }
  if (input.crf.log) input.crf.log(std::to_string(twins) + " sentences found in both corpora");

  // Selection: train without the held-out stories (not even their names) and keep the iteration
  // with the lowest held-out loss.
  CrfTrainOptions options = input.crf;
  if (input.dev_fraction > 0) {
    std::vector<bool> train_part(sentences.size());
    for (size_t i = 0; i < sentences.size(); ++i) train_part[i] = !dev[i];
    const TrainingLists lists = BuildTrainingLists(sentences, docs, fold, train_part, base_gazetteer, clitics);
    std::vector<bool> heldout_part(sentences.size());
    for (size_t i = 0; i < sentences.size(); ++i) heldout_part[i] = dev[i];
    WordClasses classes;
    s = ClassesOf(docs, twin, train_part, input.word_clusters, input.crf.log, &classes);
    if (!s.ok()) return s;
    const Gazetteer* fold_lists[2] = {&lists.folds[0], &lists.folds[1]};
    const std::vector<CrfSequence> train =
        Sequences(sentences, docs, twin, train_part, fold_lists, &fold, clitics, &classes);
    const Gazetteer* runtime_lists[2] = {&lists.all, &lists.all};
    const std::vector<CrfSequence> heldout =
        Sequences(sentences, docs, twin, heldout_part, runtime_lists, nullptr, clitics, &classes);
    CrfTrainOptions select = input.crf;
    select.heldout = &heldout;
    select.eval_every = 10;
    select.keep_best_heldout = true;
    select.selection_window = input.selection_window;
    select.best_iteration = &out->iterations;
    CrfModel selected;
    s = TrainCrf(train, NerLabels(), select, &selected);
    if (!s.ok()) return s;
    if (input.crf.log) {
      input.crf.log("held out " + std::to_string(heldout.size()) + " sentences; best iteration " +
                    std::to_string(out->iterations));
    }
    if (out->iterations > 0) options.max_iterations = out->iterations;
    s = ChooseOBias(selected, heldout, input.o_bias_grid, input.o_bias_window, input.crf.log, &out->o_bias);
    if (!s.ok()) return s;
    s = SerializeTagger(out->o_bias, std::move(classes), &selected, &out->heldout_crf_section);
    if (!s.ok()) return s;
    out->heldout_names_section = lists.names.Serialize();
  }

  // The shipped model: every sentence, for the chosen number of iterations.
  const std::vector<bool> everything(sentences.size(), true);
  const TrainingLists lists = BuildTrainingLists(sentences, docs, fold, everything, base_gazetteer, clitics);
  out->names = lists.names.size();
  out->names_section = lists.names.Serialize();
  WordClasses classes;
  s = ClassesOf(docs, twin, everything, input.word_clusters, input.crf.log, &classes);
  if (!s.ok()) return s;
  const Gazetteer* fold_lists[2] = {&lists.folds[0], &lists.folds[1]};
  const std::vector<CrfSequence> data =
      Sequences(sentences, docs, twin, everything, fold_lists, &fold, clitics, &classes);
  if (input.crf.log) input.crf.log("training on " + std::to_string(data.size()) + " sentences");
  CrfModel model;
  s = TrainCrf(data, NerLabels(), options, &model);
  if (!s.ok()) return s;
  return SerializeTagger(out->o_bias, std::move(classes), &model, &out->crf_section);
}

}  // namespace isnad
