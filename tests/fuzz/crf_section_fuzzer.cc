// libFuzzer target over the tagger's model section parser: CrfModel::Parse on arbitrary bytes,
// without the section checksum (a model file's own checksum covers its sections, and anyone can
// write a file whose checksum holds). Any input must give a Status; a section that parses must
// write itself back to bytes that parse to the same model, and decode any features.
//   toolchain/fuzz.sh SECONDS crf-section   (npm run fuzz -- SECONDS crf-section)
// With --write-seeds DIR instead of fuzzing options, writes seed sections to DIR (fuzz.sh does).
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "isnad/ner/crf_model.h"

namespace {

// A small section: `features` pseudo-random features over BIO labels of `types` entity types.
std::string SeedSection(int features, int types, uint32_t seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<float> normal(0.0f, 1.5f);
  isnad::CrfWeights w;
  w.labels = {"O"};
  for (int t = 0; t < types; ++t) {
    w.labels.push_back("B-T" + std::to_string(t));
    w.labels.push_back("I-T" + std::to_string(t));
  }
  const size_t L = w.labels.size();
  for (int f = 0; f < features; ++f) w.features.push_back(isnad::FeatureHash("f" + std::to_string(f)));
  std::sort(w.features.begin(), w.features.end());
  for (size_t i = 0; i < w.features.size() * L; ++i) w.emission.push_back(normal(rng));
  for (size_t i = 0; i < (L + 1) * L; ++i) w.transition.push_back(normal(rng));
  isnad::CrfModel m;
  if (!isnad::CrfModel::Build(w, &m).ok()) std::abort();
  return m.Serialize();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  for (int i = 1; i + 1 < *argc; ++i) {
    if (std::strcmp((*argv)[i], "--write-seeds") != 0) continue;
    const std::string dir = (*argv)[i + 1];
    const int shapes[][2] = {{0, 1}, {1, 1}, {12, 2}, {40, 3}, {300, 6}};
    for (const auto& [features, types] : shapes) {
      std::ofstream(dir + "/crf-" + std::to_string(features) + "x" + std::to_string(types), std::ios::binary)
          << SeedSection(features, types, static_cast<uint32_t>(features + types));
    }
    std::exit(0);
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  isnad::CrfModel model;
  if (!isnad::CrfModel::Parse(bytes, &model, /*verify_checksum=*/false).ok()) {
    if (model.num_labels() != 0) std::abort();  // a failed parse leaves the model empty
    return 0;
  }
  const std::string written = model.Serialize();
  isnad::CrfModel again;
  if (!isnad::CrfModel::Parse(written, &again).ok() || again.Serialize() != written) std::abort();
  // Decode a few tokens whose features are drawn from the input's own bytes.
  std::vector<std::vector<uint64_t>> features(1 + size % 7);
  for (size_t i = 0; i < size; ++i) features[i % features.size()].push_back(isnad::FeatureHash(bytes.substr(i, 4)));
  std::vector<int> labels;
  model.Decode(features, &labels);
  if (labels.size() != features.size()) std::abort();
  for (int l : labels) {
    if (l < 0 || l >= model.num_labels()) std::abort();
  }
  return 0;
}
