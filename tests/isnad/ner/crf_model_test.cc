#include "isnad/ner/crf_model.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

namespace isnad {
namespace {

const std::vector<std::string> kLabels = {"O", "B-PER", "I-PER", "B-GPE", "I-GPE"};

// A model over features "f0".."f{n-1}" (plus hash 0) with pseudo-random weights.
CrfWeights RandomWeights(int n, uint32_t seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<float> normal(0.0f, 1.5f);
  CrfWeights w;
  w.labels = kLabels;
  const size_t L = kLabels.size();
  for (int i = 0; i < n; ++i) w.features.push_back(FeatureHash("f" + std::to_string(i)));
  w.features.push_back(0);
  std::sort(w.features.begin(), w.features.end());
  for (size_t i = 0; i < w.features.size() * L; ++i) w.emission.push_back(normal(rng));
  for (size_t i = 0; i < (L + 1) * L; ++i) w.transition.push_back(normal(rng));
  return w;
}

CrfModel MustBuild(const CrfWeights& w) {
  CrfModel m;
  const Status s = CrfModel::Build(w, &m);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return m;
}

TEST(FeatureHash, IsFnv1a64) {
  EXPECT_EQ(FeatureHash(""), 0xcbf29ce484222325ull);
  EXPECT_EQ(FeatureHash("a"), 0xaf63dc4c8601ec8cull);
  EXPECT_NE(FeatureHash("w=بغداد"), FeatureHash("w=دمشق"));
}

TEST(BioLabels, ValidationAndTransitionMask) {
  EXPECT_TRUE(ValidateBioLabels(kLabels).ok());
  EXPECT_FALSE(ValidateBioLabels({}).ok());
  EXPECT_FALSE(ValidateBioLabels({"B-PER", "O"}).ok());
  EXPECT_FALSE(ValidateBioLabels({"O", "I-PER"}).ok());        // no B-PER
  EXPECT_FALSE(ValidateBioLabels({"O", "B-PER", "B-PER"}).ok());
  EXPECT_FALSE(ValidateBioLabels({"O", "PER"}).ok());
  EXPECT_FALSE(ValidateBioLabels({"O", "B-"}).ok());
  const std::vector<uint8_t> m = BioTransitionMask(kLabels);  // [6][5]
  const int L = 5;
  EXPECT_EQ(m[5 * L + 2], 0);  // start -> I-PER
  EXPECT_EQ(m[5 * L + 1], 1);  // start -> B-PER
  EXPECT_EQ(m[0 * L + 2], 0);  // O -> I-PER
  EXPECT_EQ(m[1 * L + 2], 1);  // B-PER -> I-PER
  EXPECT_EQ(m[2 * L + 2], 1);  // I-PER -> I-PER
  EXPECT_EQ(m[3 * L + 2], 0);  // B-GPE -> I-PER
  EXPECT_EQ(m[4 * L + 0], 1);  // I-GPE -> O
}

TEST(CrfModel, SerializeParseSerializeIsByteEqual) {
  const CrfModel built = MustBuild(RandomWeights(500, 1));
  EXPECT_EQ(built.num_labels(), 5);
  EXPECT_EQ(built.labels(), kLabels);
  EXPECT_EQ(built.num_features(), 501u);
  const std::string bytes = built.Serialize();
  EXPECT_EQ(bytes, MustBuild(RandomWeights(500, 1)).Serialize());  // deterministic
  CrfModel parsed;
  const Status s = CrfModel::Parse(bytes, &parsed);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(parsed.Serialize(), bytes);
  EXPECT_EQ(parsed.labels(), kLabels);
  EXPECT_EQ(parsed.transitions(), built.transitions());

  // Parsed and built models score alike, including the feature whose hash is 0.
  std::vector<std::vector<uint64_t>> features = {{0, FeatureHash("f1")}, {FeatureHash("f2"), 12345}};
  std::vector<float> a, b;
  built.Emissions(features, &a);
  parsed.Emissions(features, &b);
  EXPECT_EQ(a, b);
  float w0[5];
  EXPECT_TRUE(parsed.FeatureWeights(0, w0));
  EXPECT_FALSE(parsed.FeatureWeights(12345, w0));
  EXPECT_EQ(w0[3], 0.0f);
}

TEST(CrfModel, QuantizationStaysWithinHalfAStep) {
  const CrfWeights w = RandomWeights(300, 2);
  const CrfModel m = MustBuild(w);
  const size_t L = w.labels.size();
  float q[5];
  for (size_t f = 0; f < w.features.size(); ++f) {
    ASSERT_TRUE(m.FeatureWeights(w.features[f], q));
    float max_abs = 0;
    for (size_t l = 0; l < L; ++l) max_abs = std::max(max_abs, std::fabs(w.emission[f * L + l]));
    for (size_t l = 0; l < L; ++l) {
      // step = scale <= max_abs / 116, so the error is at most max_abs / 232 (plus float rounding).
      EXPECT_LE(std::fabs(q[l] - w.emission[f * L + l]), max_abs / 232 + 1e-6f) << f << " " << l;
    }
  }
  // Emissions add the dequantized weights of each known feature.
  std::vector<float> scores;
  m.Emissions({{w.features[3], w.features[3], 999}}, &scores);
  ASSERT_TRUE(m.FeatureWeights(w.features[3], q));
  for (size_t l = 0; l < L; ++l) EXPECT_FLOAT_EQ(scores[l], 2 * q[l]);
}

TEST(CrfModel, ScaleCodesAreExactPowersOfTwoEighths) {
  EXPECT_EQ(CrfWeightScale(200), 1.0f);
  EXPECT_EQ(CrfWeightScale(208), 2.0f);
  EXPECT_EQ(CrfWeightScale(192), 0.5f);
  EXPECT_NEAR(CrfWeightScale(204), std::sqrt(2.0f), 1e-6f);
  for (int c = 1; c < 256; ++c) EXPECT_GT(CrfWeightScale(c), CrfWeightScale(c - 1));
}

TEST(CrfModel, LeavesOutAllZeroFeaturesAndZeroesForbiddenTransitions) {
  CrfWeights w = RandomWeights(10, 3);
  for (size_t l = 0; l < 5; ++l) w.emission[4 * 5 + l] = 0;
  const CrfModel m = MustBuild(w);
  EXPECT_EQ(m.num_features(), 10u);
  float q[5];
  EXPECT_FALSE(m.FeatureWeights(w.features[4], q));
  EXPECT_EQ(m.transitions()[0 * 5 + 2], 0.0f);  // O -> I-PER
  EXPECT_EQ(m.transitions()[5 * 5 + 4], 0.0f);  // start -> I-GPE
}

TEST(CrfModel, BuildRejectsBadWeights) {
  CrfModel m;
  CrfWeights w = RandomWeights(10, 4);
  w.labels = {"O", "I-PER", "B-GPE", "I-GPE", "B-LOC"};
  EXPECT_EQ(CrfModel::Build(w, &m).code(), StatusCode::kInvalidArgument);
  w = RandomWeights(10, 4);
  w.emission.pop_back();
  EXPECT_FALSE(CrfModel::Build(w, &m).ok());
  w = RandomWeights(10, 4);
  std::swap(w.features[1], w.features[2]);
  EXPECT_FALSE(CrfModel::Build(w, &m).ok());
  w = RandomWeights(10, 4);
  w.transition[3] = NAN;
  EXPECT_FALSE(CrfModel::Build(w, &m).ok());
}

TEST(CrfModel, RejectsCorruptTruncatedAndNewerBytes) {
  const std::string bytes = MustBuild(RandomWeights(40, 5)).Serialize();
  CrfModel m;
  for (size_t n = 0; n < bytes.size(); ++n) {
    EXPECT_EQ(CrfModel::Parse(bytes.substr(0, n), &m).code(), StatusCode::kDataLoss) << n;
    EXPECT_EQ(m.num_labels(), 0);
  }
  for (size_t i = 0; i < bytes.size(); i += 7) {
    std::string flipped = bytes;
    flipped[i] ^= 0x10;
    EXPECT_FALSE(CrfModel::Parse(flipped, &m).ok()) << i;
  }
  EXPECT_FALSE(CrfModel::Parse(bytes + "x", &m).ok());
  EXPECT_EQ(CrfModel::Parse("ISNADMDL0000000000000000", &m).code(), StatusCode::kDataLoss);

  // A newer version with a valid checksum is unsupported, not corrupt.
  std::string newer = bytes.substr(0, bytes.size() - 8);
  newer[8] = static_cast<char>(kCrfFormatVersion + 1);
  const uint64_t sum = FeatureHash(newer);  // the checksum is FNV-1a 64 too
  for (int i = 0; i < 8; ++i) newer.push_back(static_cast<char>((sum >> (8 * i)) & 0xff));
  EXPECT_EQ(CrfModel::Parse(newer, &m).code(), StatusCode::kUnimplemented);
}

TEST(CrfModel, DecodeNeverOutputsAnInsideLabelAfterOutsideOrFirst) {
  // Weights that push hard towards I- labels everywhere.
  CrfWeights w = RandomWeights(50, 6);
  for (size_t f = 0; f < w.features.size(); ++f) {
    w.emission[f * 5 + 2] += 4.0f;  // I-PER
    w.emission[f * 5 + 4] += 3.0f;  // I-GPE
  }
  const CrfModel m = MustBuild(w);
  const std::vector<uint8_t>& allowed = m.allowed_transitions();
  std::mt19937 rng(7);
  int inside = 0;
  for (int trial = 0; trial < 300; ++trial) {
    const int T = 1 + static_cast<int>(rng() % 12);
    std::vector<std::vector<uint64_t>> features(T);
    for (auto& token : features) {
      for (int k = 0; k < 4; ++k) token.push_back(FeatureHash("f" + std::to_string(rng() % 60)));
    }
    std::vector<int> labels;
    m.Decode(features, &labels);
    ASSERT_EQ(labels.size(), static_cast<size_t>(T));
    EXPECT_TRUE(allowed[5 * 5 + labels[0]]) << "starts with " << kLabels[labels[0]];
    for (int t = 1; t < T; ++t) {
      EXPECT_TRUE(allowed[labels[t - 1] * 5 + labels[t]]) << kLabels[labels[t - 1]] << " -> " << kLabels[labels[t]];
      if (labels[t - 1] == 0) {
        EXPECT_NE(kLabels[labels[t]].substr(0, 2), "I-");
      }
    }
    for (int l : labels) inside += kLabels[l].substr(0, 2) == "I-";
  }
  EXPECT_GT(inside, 100);  // the weights do pull towards I- labels
  std::vector<int> labels = {1};
  m.Decode({}, &labels);
  EXPECT_TRUE(labels.empty());
}

}  // namespace
}  // namespace isnad

namespace isnad {
namespace {

// The checksum (FNV-1a 64, as FeatureHash) appended to a section body.
std::string WithChecksum(std::string body) {
  const uint64_t sum = FeatureHash(body);
  for (int i = 0; i < 8; ++i) body.push_back(static_cast<char>((sum >> (8 * i)) & 0xff));
  return body;
}

TEST(CrfModel, LabelBiasShiftsEmissionsAndRoundTrips) {
  CrfModel m = MustBuild(RandomWeights(30, 8));
  EXPECT_EQ(m.label_bias(), std::vector<float>(5, 0.0f));
  const std::vector<std::vector<uint64_t>> features = {{FeatureHash("f1"), FeatureHash("f2")}, {FeatureHash("f3")}};
  std::vector<float> before, after;
  m.Emissions(features, &before);
  ASSERT_TRUE(m.SetLabelBias({-1.5f, 0, 0.25f, 0, 0}).ok());
  m.Emissions(features, &after);
  ASSERT_EQ(after.size(), 10u);
  for (int t = 0; t < 2; ++t) {
    EXPECT_FLOAT_EQ(after[t * 5 + 0], before[t * 5 + 0] - 1.5f);
    EXPECT_FLOAT_EQ(after[t * 5 + 1], before[t * 5 + 1]);
    EXPECT_FLOAT_EQ(after[t * 5 + 2], before[t * 5 + 2] + 0.25f);
  }
  CrfModel parsed;
  ASSERT_TRUE(CrfModel::Parse(m.Serialize(), &parsed).ok());
  EXPECT_EQ(parsed.label_bias(), m.label_bias());
  EXPECT_EQ(parsed.Serialize(), m.Serialize());
  EXPECT_FALSE(m.SetLabelBias({1, 2}).ok());
  EXPECT_FALSE(m.SetLabelBias({NAN, 0, 0, 0, 0}).ok());
  EXPECT_EQ(m.label_bias()[0], -1.5f);  // unchanged by the rejected calls
}

TEST(CrfModel, ANegativeOBiasDecodesMoreEntityTokens) {
  const CrfModel plain = MustBuild(RandomWeights(60, 9));
  CrfModel biased = plain;
  ASSERT_TRUE(biased.SetLabelBias({-3.0f, 0, 0, 0, 0}).ok());
  std::mt19937 rng(10);
  int outside_plain = 0, outside_biased = 0;
  for (int trial = 0; trial < 200; ++trial) {
    std::vector<std::vector<uint64_t>> features(6);
    for (auto& token : features) token.push_back(FeatureHash("f" + std::to_string(rng() % 60)));
    std::vector<int> a, b;
    plain.Decode(features, &a);
    biased.Decode(features, &b);
    for (int l : a) outside_plain += l == 0;
    for (int l : b) outside_biased += l == 0;
  }
  EXPECT_GT(outside_plain, 0);
  EXPECT_LT(outside_biased, outside_plain);
}

TEST(CrfModel, WordClassesTravelInTheSection) {
  CrfModel m = MustBuild(RandomWeights(20, 11));
  WordClasses classes;
  ASSERT_TRUE(WordClasses::Build({4, 32}, {"بغداد", "قال"}, {{1, 20}, {3, 7}}, &classes).ok());
  m.SetWordClasses(classes);
  CrfModel parsed;
  ASSERT_TRUE(CrfModel::Parse(m.Serialize(), &parsed).ok());
  ASSERT_EQ(parsed.word_classes().num_clusterings(), 2);
  ASSERT_NE(parsed.word_classes().Find("بغداد"), nullptr);
  EXPECT_EQ(parsed.word_classes().Find("بغداد")[1], 20);
  EXPECT_EQ(parsed.Serialize(), m.Serialize());
}

// The model of `w` as a version 2 section: its rows in hash order, each under its whole 64-bit
// hash (the model keeps only fingerprints, so the hashes come from `w`).
std::string SerializeVersion2(const CrfWeights& w, const CrfModel& m) {
  const size_t L = m.num_labels();
  std::vector<std::pair<uint64_t, std::vector<float>>> rows;  // hash, dequantized weights
  for (uint64_t h : w.features) {
    std::vector<float> row(L);
    if (m.FeatureWeights(h, row.data())) rows.push_back({h, row});
  }
  const std::string v3 = m.Serialize();
  size_t at = 8 + 4 + 4;
  for (const std::string& label : m.labels()) at += 2 + label.size();
  const size_t F_at = at;
  at += 4 + (L + 1) * L * 4 + L * 4;  // F, transitions, bias: the features start here
  std::string v2 = v3.substr(0, at);
  v2[8] = 2;
  const uint32_t F = static_cast<uint32_t>(rows.size());
  for (int i = 0; i < 4; ++i) v2[F_at + i] = static_cast<char>((F >> (8 * i)) & 0xff);
  std::string codes, weights;
  for (const auto& [hash, row] : rows) {
    for (int i = 0; i < 8; ++i) v2.push_back(static_cast<char>((hash >> (8 * i)) & 0xff));
    float max_abs = 0;
    for (float x : row) max_abs = std::max(max_abs, std::fabs(x));
    int code = 0;
    while (127.0f * CrfWeightScale(static_cast<uint8_t>(code)) < max_abs) ++code;
    codes.push_back(static_cast<char>(code));
    for (float x : row) weights.push_back(static_cast<char>(std::lround(x / CrfWeightScale(static_cast<uint8_t>(code)))));
  }
  const std::string classes = m.word_classes().Serialize();
  std::string tail;
  for (int i = 0; i < 4; ++i) tail.push_back(static_cast<char>((classes.size() >> (8 * i)) & 0xff));
  return WithChecksum(v2 + codes + weights + tail + classes);
}

TEST(CrfModel, ReadsVersion2SectionsAndWritesThemAsTheCurrentVersion) {
  const CrfWeights w = RandomWeights(40, 13);
  const CrfModel m = MustBuild(w);
  CrfModel parsed;
  const Status s = CrfModel::Parse(SerializeVersion2(w, m), &parsed);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(parsed.num_features(), m.num_features());
  EXPECT_EQ(parsed.Serialize(), m.Serialize());
  std::vector<std::vector<uint64_t>> features = {{w.features[0], w.features[7]}, {w.features[39], 4242}};
  std::vector<float> a, b;
  m.Emissions(features, &a);
  parsed.Emissions(features, &b);
  EXPECT_EQ(a, b);
}

TEST(CrfModel, ReadsVersion1SectionsWithoutBiasOrClasses) {
  // A version 1 section is a version 2 one without the label bias and the word classes.
  const CrfWeights w = RandomWeights(25, 12);
  const CrfModel m = MustBuild(w);
  const std::string v2 = SerializeVersion2(w, m);
  size_t at = 8 + 4 + 4;
  for (const std::string& label : kLabels) at += 2 + label.size();
  at += 4 + 6 * 5 * 4;  // F, then the transitions: the label bias starts here
  const std::string empty_classes = WordClasses().Serialize();
  std::string v1 = v2.substr(0, at) + v2.substr(at + 5 * 4, v2.size() - 8 - 4 - empty_classes.size() - (at + 5 * 4));
  v1[8] = 1;
  CrfModel parsed;
  const Status s = CrfModel::Parse(WithChecksum(v1), &parsed);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(parsed.label_bias(), std::vector<float>(5, 0.0f));
  EXPECT_TRUE(parsed.word_classes().empty());
  EXPECT_EQ(parsed.Serialize(), m.Serialize());  // rewritten as the current version
}

TEST(CrfModel, KeepsTheHeavierOfTwoFeaturesSharingAFingerprint) {
  CrfWeights w = RandomWeights(10, 14);
  const uint64_t light = w.features[5];
  const uint64_t heavy = light ^ 0x0000000100000001ull;  // the same two halves xor-ed
  ASSERT_EQ(FeatureFingerprint(light), FeatureFingerprint(heavy));
  ASSERT_EQ(std::count(w.features.begin(), w.features.end(), heavy), 0);
  std::vector<std::pair<uint64_t, std::vector<float>>> rows;
  for (size_t f = 0; f < w.features.size(); ++f) {
    rows.push_back({w.features[f], std::vector<float>(w.emission.begin() + f * 5, w.emission.begin() + (f + 1) * 5)});
  }
  rows.push_back({heavy, {9, -8, 7, -6, 5}});
  std::sort(rows.begin(), rows.end());
  w.features.clear();
  w.emission.clear();
  for (const auto& [hash, row] : rows) {
    w.features.push_back(hash);
    w.emission.insert(w.emission.end(), row.begin(), row.end());
  }
  const CrfModel m = MustBuild(w);
  EXPECT_EQ(m.num_features(), 11u);  // 12 hashes, one fingerprint shared
  float a[5], b[5];
  ASSERT_TRUE(m.FeatureWeights(light, a));
  ASSERT_TRUE(m.FeatureWeights(heavy, b));
  EXPECT_EQ(std::vector<float>(a, a + 5), std::vector<float>(b, b + 5));
  EXPECT_NEAR(a[0], 9.0f, 0.05f);
  EXPECT_NEAR(a[1], -8.0f, 0.05f);
}

TEST(CrfModel, FeaturesTakeAboutTwoBytesEachBesidesTheirWeights) {
  const CrfModel m = MustBuild(RandomWeights(20000, 15));
  const size_t F = m.num_features(), L = 5;
  // A fingerprint is about 19 bits for 20k features; a u64 hash would be 64.
  EXPECT_LT(m.Serialize().size(), F * (1 + L) + F * 20 / 8 + 1000);
}

}  // namespace
}  // namespace isnad
