#include "train/crf_trainer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <random>
#include <sstream>

namespace isnad {
namespace {

const std::vector<std::string> kLabels = {"O",     "B-PER", "I-PER", "B-GPE", "I-GPE",
                                          "B-LOC", "I-LOC", "B-FAC", "I-FAC"};

int LabelIndex(const std::string& name) {
  return static_cast<int>(std::find(kLabels.begin(), kLabels.end(), name) - kLabels.begin());
}

// "word/LABEL word/LABEL|LABEL ..." (no label: O) -> a sequence with a tiny feature set: the word,
// its capitalization, and the neighbouring words.
CrfSequence Sequence(const std::string& annotated) {
  std::vector<std::string> words;
  std::vector<uint64_t> allowed;
  std::istringstream in(annotated);
  std::string item;
  while (in >> item) {
    const size_t slash = item.find('/');
    words.push_back(item.substr(0, slash));
    uint64_t mask = 0;
    std::string labels = slash == std::string::npos ? "O" : item.substr(slash + 1);
    std::istringstream alternatives(labels);
    std::string label;
    while (std::getline(alternatives, label, '|')) mask |= uint64_t{1} << LabelIndex(label);
    allowed.push_back(mask);
  }
  CrfSequence seq;
  seq.allowed = allowed;
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string prev = i > 0 ? words[i - 1] : "<s>";
    const std::string next = i + 1 < words.size() ? words[i + 1] : "</s>";
    const bool cap = std::isupper(static_cast<unsigned char>(words[i][0]));
    seq.features.push_back({FeatureHash("bias"), FeatureHash("w=" + words[i]), FeatureHash(cap ? "cap" : "lower"),
                            FeatureHash("p1=" + prev), FeatureHash("n1=" + next),
                            FeatureHash("p1cap=" + prev + (cap ? "+C" : "+c"))});
  }
  return seq;
}

// Sentences from fixed rules: a capitalized name after "Mr" is PER (a second capitalized word
// continues it), a capitalized word after "in" is GPE, after "across" LOC, after "at the" FAC.
std::vector<CrfSequence> RuleCorpus(int n, uint32_t seed) {
  const std::vector<std::string> names = {"Adam", "Basil", "Karim", "Omar", "Rami", "Sami", "Tariq", "Walid"};
  const std::vector<std::string> places = {"Baghdad", "Cairo", "Tunis", "Amman", "Rabat", "Doha", "Sanaa"};
  const std::vector<std::string> regions = {"Sinai", "Sahara", "Levant", "Nile", "Tigris"};
  const std::vector<std::string> sites = {"Airport", "Stadium", "Museum", "Bridge"};
  const std::vector<std::string> fillers = {"said", "that", "the", "talks", "were", "held", "today",
                                            "and", "officials", "met", "with", "reporters"};
  std::mt19937 rng(seed);
  auto pick = [&](const std::vector<std::string>& v) { return v[rng() % v.size()]; };
  std::vector<CrfSequence> out;
  for (int i = 0; i < n; ++i) {
    std::string s = pick(fillers) + " Mr " + pick(names) + "/B-PER";
    if (i % 2) s += " " + pick(names) + "/I-PER";
    s += " " + pick(fillers) + " in " + pick(places) + "/B-GPE " + pick(fillers);
    if (i % 3 == 0) s += " across " + pick(regions) + "/B-LOC";
    if (i % 3 == 1) s += " at the " + pick(sites) + "/B-FAC";
    s += " " + pick(fillers);
    out.push_back(Sequence(s));
  }
  return out;
}

std::vector<int> Labels(const std::string& annotated) {
  std::vector<int> labels;
  for (uint64_t mask : Sequence(annotated).allowed) labels.push_back(__builtin_ctzll(mask));
  return labels;
}

CrfTrainOptions SmallOptions() {
  CrfTrainOptions options;
  options.l2 = 0.1;
  options.max_iterations = 200;
  return options;
}

CrfModel MustTrain(const std::vector<CrfSequence>& data, const CrfTrainOptions& options) {
  CrfModel model;
  const Status s = TrainCrf(data, kLabels, options, &model);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return model;
}

TEST(CrfTrainer, TrainThenTagHeldOutSentences) {
  const CrfModel model = MustTrain(RuleCorpus(30, 1), SmallOptions());
  ASSERT_EQ(model.labels(), kLabels);
  // Unseen names, places and fillers: only the context and capitalization can tell.
  for (const std::string& s : {
           std::string("yesterday Mr Zubair/B-PER Quill/I-PER spoke in Zarqa/B-GPE again"),
           std::string("Mr Hadi/B-PER arrived in Jenin/B-GPE across Negev/B-LOC"),
           std::string("they waited at the Harbour/B-FAC with Mr Nabil/B-PER"),
       }) {
    std::vector<int> labels;
    model.Decode(Sequence(s).features, &labels);
    EXPECT_EQ(labels, Labels(s)) << s;
  }
  CrfEvaluation eval;
  ASSERT_TRUE(EvaluateCrf(model, RuleCorpus(20, 99), &eval).ok());
  EXPECT_EQ(eval.accuracy(), 1.0) << eval.ToString();
  EXPECT_GT(eval.entity_tokens, 20u);
  EXPECT_GT(eval.loss, 0.0);
  EXPECT_LT(eval.loss_per_token(), 0.1);
}

TEST(CrfTrainer, LearnsFromPartialLabels) {
  // Fully labelled data as above, plus a corpus that only says "LOC" for the coarse class:
  // its tokens permit B-GPE or B-LOC (or B-FAC). The model keeps what the fine data teaches and
  // resolves the coarse tokens with it: after "in" it is a GPE.
  std::vector<CrfSequence> data = RuleCorpus(30, 2);
  for (const char* s : {"officials in Mosul/B-GPE|B-LOC|B-FAC met", "talks in Irbid/B-GPE|B-LOC|B-FAC ended",
                               "across Jordan/B-GPE|B-LOC|B-FAC valley", "held in Hama/B-GPE|B-LOC|B-FAC today"}) {
    data.push_back(Sequence(s));
  }
  // A coarse-only context: "towards X" is never fully labelled.
  for (const char* s : {"towards Homs/B-GPE|B-LOC", "moved towards Gaza/B-GPE|B-LOC today",
                               "towards Aden/B-GPE|B-LOC they said"}) {
    data.push_back(Sequence(s));
  }
  const CrfModel model = MustTrain(data, SmallOptions());
  std::vector<int> labels;
  const std::string fine = "talks in Mosul/B-GPE with Mr Ali/B-PER";
  model.Decode(Sequence(fine).features, &labels);
  EXPECT_EQ(labels, Labels(fine));
  // "towards Zarqa": an entity of one of the permitted types, never O.
  model.Decode(Sequence("troops moved towards Zarqa").features, &labels);
  ASSERT_EQ(labels.size(), 4u);
  EXPECT_TRUE(labels[3] == LabelIndex("B-GPE") || labels[3] == LabelIndex("B-LOC")) << kLabels[labels[3]];
  CrfEvaluation eval;
  ASSERT_TRUE(EvaluateCrf(model, data, &eval).ok());
  EXPECT_EQ(eval.accuracy(), 1.0) << eval.ToString();
}

TEST(CrfTrainer, IsDeterministicAcrossRunsAndThreadCounts) {
  const std::vector<CrfSequence> data = RuleCorpus(40, 3);
  CrfTrainOptions options = SmallOptions();
  options.threads = 2;
  const std::string first = MustTrain(data, options).Serialize();
  EXPECT_EQ(MustTrain(data, options).Serialize(), first);
  options.threads = 1;
  EXPECT_EQ(MustTrain(data, options).Serialize(), first);
  options.threads = 3;
  EXPECT_EQ(MustTrain(data, options).Serialize(), first);
}

// Early stopping keeps the checkpoint whose held-out F1, averaged over `selection_window`
// checkpoints on each side (fewer at the ends), is best; its weights are those of training for
// exactly that many iterations.
TEST(CrfTrainer, KeepsTheCheckpointWithTheBestSmoothedHeldOutF1) {
  const std::vector<CrfSequence> train = RuleCorpus(12, 5);
  std::vector<CrfSequence> heldout = RuleCorpus(30, 6);
  for (size_t i = 0; i < heldout.size(); i += 3) heldout[i] = Sequence("Mr Basil/O said that in Cairo/B-PER");
  CrfTrainOptions plain = SmallOptions();
  plain.max_iterations = 14;
  plain.stop_delta = 0;  // every run goes to max_iterations
  // The held-out F1 of each checkpoint, from runs that stop there.
  std::vector<double> f1;
  std::vector<std::string> models;
  for (int k = 1; k <= plain.max_iterations; ++k) {
    CrfTrainOptions o = plain;
    o.max_iterations = k;
    const CrfModel m = MustTrain(train, o);
    CrfEvaluation eval;
    ASSERT_TRUE(EvaluateCrf(m, heldout, &eval).ok());
    f1.push_back(eval.chunk_f1());
    models.push_back(m.Serialize());
  }
  ASSERT_NE(*std::min_element(f1.begin(), f1.end()), *std::max_element(f1.begin(), f1.end()));
  for (int window : {0, 2}) {
    size_t expected = 0;
    double best = -1;
    for (size_t c = 0; c < f1.size(); ++c) {
      double sum = 0;
      int n = 0;
      for (size_t k = c >= static_cast<size_t>(window) ? c - window : 0; k <= c + window && k < f1.size(); ++k, ++n) {
        sum += f1[k];
      }
      if (sum / n > best + 1e-12) {
        best = sum / n;
        expected = c;
      }
    }
    CrfTrainOptions select = plain;
    select.heldout = &heldout;
    select.eval_every = 1;
    select.keep_best_heldout = true;
    select.selection_window = window;
    int chosen = -1;
    select.best_iteration = &chosen;
    const CrfModel m = MustTrain(train, select);
    EXPECT_EQ(chosen, static_cast<int>(expected) + 1) << "window " << window;
    EXPECT_EQ(m.Serialize(), models[expected]) << "window " << window;
  }
}

TEST(CrfTrainer, WindowMeanAveragesTheNeighboursInsideTheRange) {
  const std::vector<double> v = {1, 2, 3, 4};
  EXPECT_DOUBLE_EQ(WindowMean(v, 0, 1), 1.5);
  EXPECT_DOUBLE_EQ(WindowMean(v, 2, 1), 3.0);
  EXPECT_DOUBLE_EQ(WindowMean(v, 3, 1), 3.5);
  EXPECT_DOUBLE_EQ(WindowMean(v, 1, 0), 2.0);
  EXPECT_DOUBLE_EQ(WindowMean(v, 1, 10), 2.5);
}

TEST(CrfTrainer, KeepsOnlyFeaturesSeenOftenEnough) {
  std::vector<CrfSequence> data = RuleCorpus(30, 4);
  data.push_back(Sequence("a Unique word"));
  CrfTrainOptions options = SmallOptions();
  options.min_feature_count = 2;
  options.prune_below = 0;
  CrfModel model = MustTrain(data, options);
  float w[9];
  EXPECT_FALSE(model.FeatureWeights(FeatureHash("w=Unique"), w));
  EXPECT_TRUE(model.FeatureWeights(FeatureHash("p1=Mr"), w));
  options.min_feature_count = 1;
  model = MustTrain(data, options);
  EXPECT_TRUE(model.FeatureWeights(FeatureHash("w=Unique"), w));
}

TEST(CrfTrainer, RejectsMalformedData) {
  CrfModel model;
  std::vector<CrfSequence> data = RuleCorpus(3, 5);
  EXPECT_EQ(TrainCrf(data, {"B-PER", "O"}, SmallOptions(), &model).code(), StatusCode::kInvalidArgument);

  data.push_back(Sequence("Quill/I-PER alone"));  // I- may not start a sentence
  Status s = TrainCrf(data, kLabels, SmallOptions(), &model);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("sequence 3"), std::string::npos) << s.message();

  data.back() = Sequence("one two");
  data.back().allowed[1] = 0;
  EXPECT_FALSE(TrainCrf(data, kLabels, SmallOptions(), &model).ok());
  data.back().allowed[1] = uint64_t{1} << 20;
  EXPECT_FALSE(TrainCrf(data, kLabels, SmallOptions(), &model).ok());
  data.back().allowed.pop_back();
  EXPECT_FALSE(TrainCrf(data, kLabels, SmallOptions(), &model).ok());
}

TEST(CrfTrainer, EmptyDataAndEmptySequences) {
  std::vector<CrfSequence> data(2);
  CrfModel model;
  ASSERT_TRUE(TrainCrf(data, kLabels, SmallOptions(), &model).ok());
  EXPECT_EQ(model.num_features(), 0u);
  std::vector<int> labels;
  model.Decode({{FeatureHash("x")}, {}}, &labels);
  EXPECT_EQ(labels, (std::vector<int>{0, 0}));
}

}  // namespace
}  // namespace isnad

namespace isnad {
namespace {

// A model whose weights force one path: feature 1 -> B-PER, 2 -> I-PER, 3 -> B-GPE, 0 -> O.
CrfModel ForcingModel() {
  CrfWeights w;
  w.labels = {"O", "B-PER", "I-PER", "B-GPE", "I-GPE"};
  const int L = 5;
  w.features = {0, 1, 2, 3};
  w.emission.assign(4 * L, 0.0f);
  w.emission[0 * L + 0] = 5;
  w.emission[1 * L + 1] = 5;
  w.emission[2 * L + 2] = 5;
  w.emission[3 * L + 3] = 5;
  w.transition.assign((L + 1) * L, 0.0f);
  CrfModel model;
  EXPECT_TRUE(CrfModel::Build(w, &model).ok());
  return model;
}

TEST(EvaluateCrf, CountsStrictChunksWithPartialLabels) {
  const CrfModel model = ForcingModel();
  const uint64_t O = 1, BP = 2, IP = 4, BG = 8;
  CrfSequence seq;
  // Decoded: B-PER I-PER O B-GPE B-PER.
  seq.features = {{1}, {2}, {0}, {3}, {1}};
  // Gold: a PER over 0-1 (right), O, a place of unknown type (GPE or PER allowed: right), and
  // an O token tagged B-PER (spurious).
  seq.allowed = {BP, IP, O, BG | BP, O};
  CrfEvaluation eval;
  ASSERT_TRUE(EvaluateCrf(model, {seq}, &eval).ok());
  EXPECT_EQ(eval.chunks_gold, 2u);
  EXPECT_EQ(eval.chunks_system, 3u);
  EXPECT_EQ(eval.chunks_correct, 2u);
  EXPECT_NEAR(eval.chunk_f1(), 0.8, 1e-9);
}

TEST(EvaluateCrf, ABoundaryErrorIsNotACorrectChunk) {
  const CrfModel model = ForcingModel();
  CrfSequence seq;
  seq.features = {{1}, {0}};  // decoded B-PER O
  seq.allowed = {2, 4};       // gold B-PER I-PER: a two-token name
  CrfEvaluation eval;
  ASSERT_TRUE(EvaluateCrf(model, {seq}, &eval).ok());
  EXPECT_EQ(eval.chunks_gold, 1u);
  EXPECT_EQ(eval.chunks_system, 1u);
  EXPECT_EQ(eval.chunks_correct, 0u);
}

}  // namespace
}  // namespace isnad
