// Training of the entity tagger's linear-chain CRF (native only; never linked into wasm).
//
// Objective: the partial-label CRF likelihood with L2,
//   sum over sequences of [ log Z(x) - log Z_allowed(x) ]  +  l2/2 * ||w||^2
// where Z sums exp(score) over every BIO-valid label path and Z_allowed over the BIO-valid paths
// whose label at each token t is one the annotation permits (CrfSequence::allowed[t]). With one
// permitted label per token this is the usual CRF negative log-likelihood. Both sums come from
// forward-backward over the same lattice, the second with the forbidden labels masked out. With
// partial labels the objective is no longer convex; training finds a local optimum from w = 0.
//
// Optimizer: L-BFGS (see crf_trainer.cc for why), deterministic: the same data and options give
// the same model bytes, whatever the thread count.
//
// Memory: about (5*8 + 2*lbfgs_memory*4 + threads*8) bytes per weight, with F*L + (L+1)*L
// weights for F kept features and L labels (300k features, 13 labels, 2 threads: ~0.4 GB).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "isnad/ner/crf_model.h"
#include "isnad/status.h"

namespace isnad {

struct CrfSequence {
  std::vector<std::vector<uint64_t>> features;  // [T][*] feature hashes (FeatureHash)
  std::vector<uint64_t> allowed;                // [T] bit l set: the annotation permits label l
};

struct CrfTrainOptions {
  int max_iterations = 300;   // L-BFGS iterations (each evaluates the objective once or more)
  double l2 = 1.0;            // the objective adds l2/2 * ||w||^2 (CRFsuite's c2 is l2/2)
  int min_feature_count = 1;  // features seen fewer times in the training data are not kept
  double prune_below = 1e-3;  // features whose trained |weights| are all below this are left out
  int threads = 2;            // for the objective and its gradient; does not change the model
  // The L-BFGS trainer starts from w = 0 and draws no random numbers: the model does not depend on
  // the seed. Kept so that one run seed can be handed to every trainer of the pipeline.
  uint32_t seed = 0;
  int lbfgs_memory = 6;       // correction pairs kept by L-BFGS
  double stop_delta = 1e-5;   // stop when the objective fell by less than this fraction ...
  int stop_period = 10;       // ... over the last stop_period iterations
  // When set, the accuracy on these sequences is logged every eval_every iterations.
  const std::vector<CrfSequence>* heldout = nullptr;
  int eval_every = 25;
  // With `heldout`: return the weights of the evaluated iteration that scores best on it (early
  // stopping) instead of the last ones, and store that iteration here when not null. The score
  // is the held-out entity F1 (CrfEvaluation::chunk_f1), or with select_by_loss its loss.
  bool keep_best_heldout = false;
  bool select_by_loss = false;
  // With keep_best_heldout: a checkpoint's score is the mean over the evaluated checkpoints
  // within this many of it on each side (fewer at the end of training), so that one lucky
  // evaluation of a flat curve does not decide. 0: each checkpoint alone.
  int selection_window = 0;
  int* best_iteration = nullptr;
  std::function<void(const std::string&)> log;  // progress lines; may be empty
};

// The mean of values[c - window .. c + window], the part of it inside `values`: how a selection
// over checkpoints or settings smooths a noisy held-out curve.
double WindowMean(const std::vector<double>& values, size_t c, size_t window);

// Trains and returns float weights: features sorted by hash, those with all |weights| below
// prune_below dropped. InvalidArgument when the labels are not a BIO set (ValidateBioLabels), a
// sequence's features and allowed sizes differ, a token permits no label or an unknown one, or a
// sequence has no BIO-valid path through its permitted labels (the message names the sequence).
Status TrainCrfWeights(const std::vector<CrfSequence>& train, const std::vector<std::string>& labels,
                       const CrfTrainOptions& options, CrfWeights* out);

// TrainCrfWeights, then CrfModel::Build (quantization).
Status TrainCrf(const std::vector<CrfSequence>& train, const std::vector<std::string>& labels,
                const CrfTrainOptions& options, CrfModel* out);

struct CrfEvaluation {
  size_t sequences = 0;
  size_t tokens = 0;
  size_t correct = 0;         // tokens whose decoded label the annotation permits
  size_t entity_tokens = 0;   // tokens whose annotation does not permit O
  size_t entity_correct = 0;
  double loss = 0;            // sum of log Z - log Z_allowed over the sequences (no L2 term)
  // Entities (B-X I-X... chunks), strict: a decoded chunk is correct when the annotation has a
  // chunk with the same tokens whose first token permits B-X.
  size_t chunks_gold = 0;
  size_t chunks_system = 0;
  size_t chunks_correct = 0;

  double accuracy() const { return tokens ? double(correct) / tokens : 0.0; }
  double entity_accuracy() const { return entity_tokens ? double(entity_correct) / entity_tokens : 0.0; }
  double loss_per_token() const { return tokens ? loss / tokens : 0.0; }
  double chunk_f1() const {
    return chunks_gold + chunks_system ? 2.0 * chunks_correct / (chunks_gold + chunks_system) : 0.0;
  }
  std::string ToString() const;  // "acc 0.9712 (entity 0.8123) F1 0.6512 loss/token 0.0931 over N tokens"
};

// Decodes every sequence with `model` and scores it against the annotation. Sequences must be
// well-formed as for training; a sequence whose permitted labels admit no BIO-valid path counts
// an infinite loss.
Status EvaluateCrf(const CrfModel& model, const std::vector<CrfSequence>& data, CrfEvaluation* out);

}  // namespace isnad
