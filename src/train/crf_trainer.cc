// Why L-BFGS (and not CRFsuite's l2sgd):
//  - The objective is a sum over sequences, so one evaluation parallelizes over sequences, and the
//    gradient reduces exactly (fixed-point sums, below): threads speed training without changing
//    a bit of the model. SGD updates after every sequence and does not split across threads
//    without changing its result.
//  - No learning-rate schedule to tune, and a well-defined stopping test (relative decrease of
//    the objective, as CRFsuite's lbfgs). For fully labelled data the optimum is unique, so the
//    model does not depend on data order.
//  - The cost: ~(5 + 2m) vectors of the weight count, and ~100-300 passes over the data. Measured
//    on a synthetic 270k tokens x 40 features x 13 labels: ~0.27 s per iteration on 2 threads
//    (0.49 s on one), converged (stop_delta 1e-5) in ~290 iterations, about 1.5-2 minutes.
//
// Determinism: every per-sequence quantity is computed by one thread in a fixed order. Losses go
// into a per-sequence array summed in sequence order; gradients are added as 64-bit fixed-point
// integers (2^-40 resolution), whose sums do not depend on the order. Everything else is serial.
#include "train/crf_trainer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>
#include <thread>

#include "isnad/ner/viterbi.h"

namespace isnad {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Training data with features turned into indices of the kept feature table (CSR layout).
struct CompactData {
  std::vector<size_t> seq_begin;  // [S+1] first token of each sequence
  std::vector<size_t> tok_begin;  // [N+1] first entry of each token in feats
  std::vector<uint32_t> feats;    // kept feature indices
  std::vector<uint64_t> allowed;  // [N] permitted labels of each token
  size_t num_sequences() const { return seq_begin.size() - 1; }
};

// Forward-backward over one lattice in probability space, normalized at each step (Rabiner):
// alpha[t] sums to 1, c[t] is the normalizer, so log Z = sum_t log c[t] (+ the emission shifts).
// Marginals: p(y_t = j) = alpha[t][j] * beta[t][j];
// p(y_{t-1} = i, y_t = j) = alpha[t-1][i] * trans[i][j] * psi[t][j] * beta[t][j] / c[t].
struct Lattice {
  std::vector<double> alpha, beta, c;  // [T][L], [T][L], [T]

  // psi: [T][L] exp(emission - shift) (0 = label masked); trans: [L+1][L] exp(transition), 0 where
  // forbidden. False when some step has no mass (no allowed path) or overflows.
  bool Run(const double* psi, const double* trans, int T, int L) {
    alpha.assign(static_cast<size_t>(T) * L, 0.0);
    beta.assign(static_cast<size_t>(T) * L, 0.0);
    c.assign(T, 0.0);
    const double* start = trans + static_cast<size_t>(L) * L;
    for (int t = 0; t < T; ++t) {
      double* a = &alpha[static_cast<size_t>(t) * L];
      const double* p = psi + static_cast<size_t>(t) * L;
      if (t == 0) {
        for (int j = 0; j < L; ++j) a[j] = start[j] * p[j];
      } else {
        const double* prev = a - L;
        for (int i = 0; i < L; ++i) {
          if (prev[i] == 0.0) continue;
          const double* tr = trans + static_cast<size_t>(i) * L;
          for (int j = 0; j < L; ++j) a[j] += prev[i] * tr[j];
        }
        for (int j = 0; j < L; ++j) a[j] *= p[j];
      }
      double sum = 0;
      for (int j = 0; j < L; ++j) sum += a[j];
      if (!(sum > 0.0) || !std::isfinite(sum)) return false;
      c[t] = sum;
      const double inv = 1.0 / sum;
      for (int j = 0; j < L; ++j) a[j] *= inv;
    }
    std::vector<double>& next = scratch;  // [L] psi * beta / c of the following token
    next.resize(L);
    for (int j = 0; j < L; ++j) beta[static_cast<size_t>(T - 1) * L + j] = 1.0;
    for (int t = T - 2; t >= 0; --t) {
      const double* p = psi + static_cast<size_t>(t + 1) * L;
      const double* b1 = &beta[static_cast<size_t>(t + 1) * L];
      for (int j = 0; j < L; ++j) next[j] = p[j] * b1[j] / c[t + 1];
      double* b = &beta[static_cast<size_t>(t) * L];
      for (int i = 0; i < L; ++i) {
        const double* tr = trans + static_cast<size_t>(i) * L;
        double s = 0;
        for (int j = 0; j < L; ++j) s += tr[j] * next[j];
        b[i] = s;
      }
    }
    return true;
  }
  double LogMass() const {
    double s = 0;
    for (double x : c) s += std::log(x);
    return s;
  }
  std::vector<double> scratch;
};

// Per-thread buffers for one sequence.
struct Scratch {
  std::vector<double> emit, psi_free, psi_gold;  // [T][L]
  std::vector<double> trans_grad;                // [L+1][L]
  std::vector<int64_t> delta;                    // [L]
  Lattice free, gold;
};

// The loss log Z - log Z_allowed of one sequence from its emission scores emit [T][L], and the
// marginals in s->free / s->gold. +inf when a lattice has no mass.
double SequenceLoss(const uint64_t* allowed, const double* trans, int T, int L, Scratch* s) {
  const size_t n = static_cast<size_t>(T) * L;
  s->psi_free.resize(n);
  s->psi_gold.resize(n);
  double shift_free = 0, shift_gold = 0;
  for (int t = 0; t < T; ++t) {
    const double* e = &s->emit[static_cast<size_t>(t) * L];
    double m = -kInf, mg = -kInf;
    for (int l = 0; l < L; ++l) {
      m = std::max(m, e[l]);
      if ((allowed[t] >> l) & 1) mg = std::max(mg, e[l]);
    }
    shift_free += m;
    shift_gold += mg;
    for (int l = 0; l < L; ++l) {
      const size_t k = static_cast<size_t>(t) * L + l;
      s->psi_free[k] = std::exp(e[l] - m);
      s->psi_gold[k] = ((allowed[t] >> l) & 1) ? std::exp(e[l] - mg) : 0.0;
    }
  }
  if (!s->free.Run(s->psi_free.data(), trans, T, L)) return kInf;
  if (!s->gold.Run(s->psi_gold.data(), trans, T, L)) return kInf;
  return (s->free.LogMass() + shift_free) - (s->gold.LogMass() + shift_gold);
}

// The objective over a data set: losses and fixed-point gradients, split over threads.
class Objective {
 public:
  Objective(const CompactData& data, int L, size_t F, double l2, int threads, const std::vector<uint8_t>& mask,
            int fixed_bits)
      : data_(data), L_(L), F_(F), l2_(l2), mask_(mask), fixed_scale_(std::ldexp(1.0, fixed_bits)) {
    dim_ = F * L + static_cast<size_t>(L + 1) * L;
    threads = std::max(1, threads);
    // Contiguous blocks of sequences with about the same number of tokens each.
    const size_t S = data.num_sequences(), N = data.seq_begin[S];
    block_begin_.push_back(0);
    for (int k = 1; k < threads; ++k) {
      const size_t target = N * k / threads;
      size_t s = block_begin_.back();
      while (s < S && data.seq_begin[s] < target) ++s;
      block_begin_.push_back(s);
    }
    block_begin_.push_back(S);
    grad_.resize(threads);
    losses_.resize(S);
  }
  size_t dim() const { return dim_; }

  // Returns f(w) and its gradient in *g; +inf when some sequence has no mass under w.
  double Evaluate(const std::vector<double>& w, std::vector<double>* g) {
    const size_t T0 = F_ * L_;
    exp_trans_.resize(static_cast<size_t>(L_ + 1) * L_);
    for (size_t i = 0; i < exp_trans_.size(); ++i) exp_trans_[i] = mask_[i] ? std::exp(w[T0 + i]) : 0.0;
    std::vector<std::thread> workers;
    for (size_t k = 1; k < grad_.size(); ++k) workers.emplace_back([this, &w, k] { Run(w, k); });
    Run(w, 0);
    for (std::thread& t : workers) t.join();

    double f = 0;
    for (double loss : losses_) f += loss;
    g->assign(dim_, 0.0);
    const double inv = 1.0 / fixed_scale_;
    for (size_t i = 0; i < dim_; ++i) {
      int64_t sum = 0;
      for (const std::vector<int64_t>& part : grad_) sum += part[i];
      (*g)[i] = static_cast<double>(sum) * inv + l2_ * w[i];
      f += 0.5 * l2_ * w[i] * w[i];
    }
    return std::isfinite(f) ? f : kInf;
  }

 private:
  void Run(const std::vector<double>& w, size_t k) {
    std::vector<int64_t>& grad = grad_[k];
    grad.assign(dim_, 0);
    Scratch s;
    const int L = L_;
    const size_t T0 = F_ * L;
    for (size_t q = block_begin_[k]; q < block_begin_[k + 1]; ++q) {
      const size_t first = data_.seq_begin[q];
      const int T = static_cast<int>(data_.seq_begin[q + 1] - first);
      losses_[q] = 0;
      if (T == 0) continue;
      // The weight and gradient rows are scattered over arrays larger than the caches: fetch the
      // sequence's rows ahead (they fit in L2) so that the loops below do not wait on each one.
      for (size_t p = data_.tok_begin[first]; p < data_.tok_begin[first + T]; ++p) {
        const size_t row = static_cast<size_t>(data_.feats[p]) * L;
        __builtin_prefetch(&w[row]);
        __builtin_prefetch(&w[row + L - 1]);
        __builtin_prefetch(&grad[row], 1);
        __builtin_prefetch(&grad[row + L - 1], 1);
      }
      s.emit.assign(static_cast<size_t>(T) * L, 0.0);
      for (int t = 0; t < T; ++t) {
        double* e = &s.emit[static_cast<size_t>(t) * L];
        for (size_t p = data_.tok_begin[first + t]; p < data_.tok_begin[first + t + 1]; ++p) {
          const double* wf = &w[static_cast<size_t>(data_.feats[p]) * L];
          for (int l = 0; l < L; ++l) e[l] += wf[l];
        }
      }
      losses_[q] = SequenceLoss(&data_.allowed[first], exp_trans_.data(), T, L, &s);
      if (!std::isfinite(losses_[q])) continue;

      // d loss / d emission[t][l] = p_free(y_t = l) - p_gold(y_t = l), added to every feature of t.
      s.delta.resize(L);
      s.trans_grad.assign(static_cast<size_t>(L + 1) * L, 0.0);
      for (int t = 0; t < T; ++t) {
        const size_t o = static_cast<size_t>(t) * L;
        for (int l = 0; l < L; ++l) {
          const double d = s.free.alpha[o + l] * s.free.beta[o + l] - s.gold.alpha[o + l] * s.gold.beta[o + l];
          s.delta[l] = std::llround(d * fixed_scale_);
        }
        for (size_t p = data_.tok_begin[first + t]; p < data_.tok_begin[first + t + 1]; ++p) {
          int64_t* gf = &grad[static_cast<size_t>(data_.feats[p]) * L];
          for (int l = 0; l < L; ++l) gf[l] += s.delta[l];
        }
        AddPairMarginals(s.free, s.psi_free.data(), t, 1.0, &s.trans_grad);
        AddPairMarginals(s.gold, s.psi_gold.data(), t, -1.0, &s.trans_grad);
      }
      for (size_t i = 0; i < s.trans_grad.size(); ++i) grad[T0 + i] += std::llround(s.trans_grad[i] * fixed_scale_);
    }
  }

  // out[i][j] += sign * p(y_{t-1} = i, y_t = j) (row L: the start, for t = 0).
  void AddPairMarginals(const Lattice& lat, const double* psi, int t, double sign, std::vector<double>* out) const {
    const int L = L_;
    const size_t o = static_cast<size_t>(t) * L;
    if (t == 0) {
      for (int j = 0; j < L; ++j) (*out)[static_cast<size_t>(L) * L + j] += sign * lat.alpha[j] * lat.beta[j];
      return;
    }
    double right[kCrfMaxLabels];
    for (int j = 0; j < L; ++j) right[j] = sign * psi[o + j] * lat.beta[o + j] / lat.c[t];
    for (int i = 0; i < L; ++i) {
      const double a = lat.alpha[o - L + i];
      if (a == 0.0) continue;
      const double* tr = &exp_trans_[static_cast<size_t>(i) * L];
      double* row = &(*out)[static_cast<size_t>(i) * L];
      for (int j = 0; j < L; ++j) row[j] += a * tr[j] * right[j];
    }
  }

  const CompactData& data_;
  const int L_;
  const size_t F_;
  const double l2_;
  const std::vector<uint8_t>& mask_;
  const double fixed_scale_;
  size_t dim_ = 0;
  std::vector<size_t> block_begin_;           // [threads+1] sequence blocks
  std::vector<std::vector<int64_t>> grad_;    // [threads][dim] fixed-point gradient parts
  std::vector<double> losses_;                // [S]
  std::vector<double> exp_trans_;             // [L+1][L]
};

double Dot(const std::vector<double>& a, const std::vector<double>& b) {
  double s = 0;
  for (size_t i = 0; i < a.size(); ++i) s += a[i] * b[i];
  return s;
}

double Dot(const std::vector<float>& a, const std::vector<double>& b) {
  double s = 0;
  for (size_t i = 0; i < a.size(); ++i) s += static_cast<double>(a[i]) * b[i];
  return s;
}

std::string Format(const char* fmt, double a, double b, double c, double d, double e) {
  char buf[256];
  std::snprintf(buf, sizeof(buf), fmt, a, b, c, d, e);
  return buf;
}

// Minimizes the objective from *w by L-BFGS (Nocedal & Wright, algorithm 7.4) with a
// backtracking (Armijo) line search; calls after_iteration(iter, w) after each iteration.
void Minimize(Objective* objective, const CrfTrainOptions& options, const std::function<void(const std::string&)>& log,
              const std::function<double()>& elapsed,
              const std::function<void(int, const std::vector<double>&)>& after_iteration, std::vector<double>* w_io) {
  std::vector<double>& w = *w_io;
  const size_t D = w.size();
  const int m = std::max(1, options.lbfgs_memory);
  std::vector<double> g, w_new(D), g_new, dir(D);
  std::vector<std::vector<float>> hist_s, hist_y;  // [k][D] newest last
  std::vector<double> hist_rho;                    // [k] 1 / (y . s)
  std::vector<double> objective_history;           // [iter + 1]
  double f = objective->Evaluate(w, &g);
  objective_history.push_back(f);
  for (int iter = 1; iter <= options.max_iterations; ++iter) {
    // dir = -H g by the two-loop recursion.
    for (size_t i = 0; i < D; ++i) dir[i] = -g[i];
    const int k = static_cast<int>(hist_s.size());
    std::vector<double> a(k);
    for (int j = k - 1; j >= 0; --j) {
      a[j] = hist_rho[j] * Dot(hist_s[j], dir);
      for (size_t i = 0; i < D; ++i) dir[i] -= a[j] * hist_y[j][i];
    }
    if (k > 0) {
      double yy = 0;
      for (float y : hist_y[k - 1]) yy += static_cast<double>(y) * y;
      const double gamma = 1.0 / (hist_rho[k - 1] * yy);
      for (double& d : dir) d *= gamma;
    }
    for (int j = 0; j < k; ++j) {
      const double b = hist_rho[j] * Dot(hist_y[j], dir);
      for (size_t i = 0; i < D; ++i) dir[i] += (a[j] - b) * hist_s[j][i];
    }
    double slope = Dot(g, dir);
    if (!(slope < 0)) {  // not a descent direction: restart from steepest descent
      hist_s.clear();
      hist_y.clear();
      hist_rho.clear();
      for (size_t i = 0; i < D; ++i) dir[i] = -g[i];
      slope = Dot(g, dir);
    }
    if (slope == 0) break;  // gradient exactly 0

    double step = hist_s.empty() ? 1.0 / std::sqrt(-slope) : 1.0;  // first step: unit length
    double f_new = kInf;
    int tries = 0;
    for (; tries < 30; ++tries, step *= 0.5) {
      for (size_t i = 0; i < D; ++i) w_new[i] = w[i] + step * dir[i];
      f_new = objective->Evaluate(w_new, &g_new);
      if (f_new <= f + 1e-4 * step * slope) break;
    }
    if (tries == 30) {
      log("crf: line search failed; stopping");
      break;
    }
    std::vector<float> s(D), y(D);
    double ys = 0;
    for (size_t i = 0; i < D; ++i) {
      s[i] = static_cast<float>(w_new[i] - w[i]);
      y[i] = static_cast<float>(g_new[i] - g[i]);
      ys += static_cast<double>(y[i]) * s[i];
    }
    if (ys > 1e-12) {  // keep positive-curvature pairs only
      if (static_cast<int>(hist_s.size()) == m) {
        hist_s.erase(hist_s.begin());
        hist_y.erase(hist_y.begin());
        hist_rho.erase(hist_rho.begin());
      }
      hist_s.push_back(std::move(s));
      hist_y.push_back(std::move(y));
      hist_rho.push_back(1.0 / ys);
    }
    w.swap(w_new);
    g.swap(g_new);
    f = f_new;
    objective_history.push_back(f);

    const double g_norm = std::sqrt(Dot(g, g)), w_norm = std::sqrt(Dot(w, w));
    log(Format("crf: iter %.0f  objective %.4f  |g| %.4g  step %.3g  %.1fs", iter, f, g_norm, step, elapsed()));
    after_iteration(iter, w);
    if (g_norm <= 1e-5 * std::max(1.0, w_norm)) break;
    const int period = std::max(1, options.stop_period);
    if (iter >= period) {
      const double before = objective_history[iter - period];
      if ((before - f) / std::max(1.0, std::fabs(f)) < options.stop_delta) break;
    }
  }
}

// Validates the data and builds the kept feature table and the compact data.
Status Prepare(const std::vector<CrfSequence>& train, int L, const CrfTrainOptions& options,
               std::vector<uint64_t>* kept, CompactData* data, uint64_t* max_count) {
  for (size_t q = 0; q < train.size(); ++q) {
    const CrfSequence& seq = train[q];
    if (seq.features.size() != seq.allowed.size()) {
      return InvalidArgument("CRF sequence " + std::to_string(q) + ": features and allowed sizes differ");
    }
    const uint64_t all = L == 64 ? ~uint64_t{0} : (uint64_t{1} << L) - 1;
    for (uint64_t a : seq.allowed) {
      if (a == 0 || (a & ~all) != 0) {
        return InvalidArgument("CRF sequence " + std::to_string(q) + ": a token permits no label or an unknown one");
      }
    }
  }
  std::vector<uint64_t> all;
  for (const CrfSequence& seq : train) {
    for (const auto& token : seq.features) all.insert(all.end(), token.begin(), token.end());
  }
  std::sort(all.begin(), all.end());
  kept->clear();
  *max_count = 0;
  for (size_t i = 0; i < all.size();) {
    size_t j = i;
    while (j < all.size() && all[j] == all[i]) ++j;
    if (j - i >= static_cast<size_t>(std::max(1, options.min_feature_count))) {
      kept->push_back(all[i]);
      *max_count = std::max<uint64_t>(*max_count, j - i);
    }
    i = j;
  }
  all = std::vector<uint64_t>();

  *data = CompactData();
  data->seq_begin.push_back(0);
  data->tok_begin.push_back(0);
  for (const CrfSequence& seq : train) {
    for (size_t t = 0; t < seq.features.size(); ++t) {
      for (uint64_t h : seq.features[t]) {
        auto it = std::lower_bound(kept->begin(), kept->end(), h);
        if (it != kept->end() && *it == h) data->feats.push_back(static_cast<uint32_t>(it - kept->begin()));
      }
      data->tok_begin.push_back(data->feats.size());
      data->allowed.push_back(seq.allowed[t]);
    }
    data->seq_begin.push_back(data->allowed.size());
  }
  return Status::Ok();
}

// Copies trained weights into *out, leaving out features whose |weights| are all below prune_below.
void ExportWeights(const std::vector<double>& w, const std::vector<uint64_t>& kept,
                   const std::vector<std::string>& labels, double prune_below, CrfWeights* out) {
  const size_t L = labels.size(), F = kept.size();
  *out = CrfWeights();
  out->labels = labels;
  for (size_t f = 0; f < F; ++f) {
    double max_abs = 0;
    for (size_t l = 0; l < L; ++l) max_abs = std::max(max_abs, std::fabs(w[f * L + l]));
    if (max_abs == 0.0 || max_abs < prune_below) continue;
    out->features.push_back(kept[f]);
    for (size_t l = 0; l < L; ++l) out->emission.push_back(static_cast<float>(w[f * L + l]));
  }
  for (size_t i = F * L; i < w.size(); ++i) out->transition.push_back(static_cast<float>(w[i]));
}

}  // namespace

double WindowMean(const std::vector<double>& values, size_t c, size_t window) {
  double sum = 0;
  size_t n = 0;
  for (size_t k = c >= window ? c - window : 0; k <= c + window && k < values.size(); ++k, ++n) sum += values[k];
  return n == 0 ? 0.0 : sum / static_cast<double>(n);
}

Status TrainCrfWeights(const std::vector<CrfSequence>& train, const std::vector<std::string>& labels,
                       const CrfTrainOptions& options, CrfWeights* out) {
  *out = CrfWeights();
  Status st = ValidateBioLabels(labels);
  if (!st.ok()) return st;
  const int L = static_cast<int>(labels.size());
  const auto clock_start = std::chrono::steady_clock::now();
  auto elapsed = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - clock_start).count();
  };
  auto log = [&](const std::string& line) {
    if (options.log) options.log(line);
  };

  std::vector<uint64_t> kept;
  CompactData data;
  uint64_t max_count = 0;
  st = Prepare(train, L, options, &kept, &data, &max_count);
  if (!st.ok()) return st;
  const size_t F = kept.size(), N = data.allowed.size();
  const std::vector<uint8_t> mask = BioTransitionMask(labels);

  // Every sequence needs a BIO-valid path through its permitted labels.
  {
    std::vector<double> trans(mask.begin(), mask.end());
    Scratch s;
    for (size_t q = 0; q < data.num_sequences(); ++q) {
      const size_t first = data.seq_begin[q];
      const int T = static_cast<int>(data.seq_begin[q + 1] - first);
      if (T == 0) continue;
      s.emit.assign(static_cast<size_t>(T) * L, 0.0);
      if (!std::isfinite(SequenceLoss(&data.allowed[first], trans.data(), T, L, &s))) {
        return InvalidArgument("CRF sequence " + std::to_string(q) +
                               ": no BIO-valid label path goes through its permitted labels");
      }
    }
  }

  // Fixed-point gradient sums stay below 2^62: |a sum| <= occurrences of a feature (or tokens).
  int count_bits = 0;
  while ((uint64_t{1} << count_bits) <= std::max<uint64_t>(max_count, N)) ++count_bits;
  const int fixed_bits = std::min(40, 62 - count_bits);
  Objective objective(data, L, F, options.l2, options.threads, mask, fixed_bits);
  log("crf: " + std::to_string(data.num_sequences()) + " sequences, " + std::to_string(N) + " tokens, " +
      std::to_string(F) + " features kept, " + std::to_string(objective.dim()) + " weights");

  std::vector<double> w(objective.dim(), 0.0);
  std::vector<double> best;  // the weights of the best checkpoint so far
  double best_score = std::numeric_limits<double>::infinity();  // its selection score, lower is better
  // The evaluated checkpoints' iterations and scores, and the weights of the last window + 1 of
  // them (a checkpoint's smoothed score is known once `window` more have been evaluated).
  const size_t window = static_cast<size_t>(std::max(options.selection_window, 0));
  std::vector<int> iterations;
  std::vector<double> scores;
  std::vector<std::vector<double>> recent;  // recent[i]: checkpoint scores.size() - recent.size() + i
  auto consider = [&](size_t c) {  // checkpoint c, once its window is complete (or training ended)
    const double score = WindowMean(scores, c, window);
    if (score < best_score) {
      best_score = score;
      best = recent[c - (scores.size() - recent.size())];
      if (options.best_iteration) *options.best_iteration = iterations[c];
    }
  };
  Minimize(&objective, options, log, elapsed, [&](int iter, const std::vector<double>& current) {
    if (!options.heldout || options.eval_every <= 0 || iter % options.eval_every != 0) return;
    CrfWeights snapshot;
    ExportWeights(current, kept, labels, options.prune_below, &snapshot);
    CrfModel model;
    CrfEvaluation eval;
    if (CrfModel::Build(snapshot, &model).ok() && EvaluateCrf(model, *options.heldout, &eval).ok()) {
      log("crf: heldout at iteration " + std::to_string(iter) + ": " + eval.ToString());
      if (!options.keep_best_heldout) return;
      iterations.push_back(iter);
      scores.push_back(options.select_by_loss ? eval.loss : -eval.chunk_f1());
      recent.push_back(current);
      if (recent.size() > window + 1) recent.erase(recent.begin());
      if (scores.size() > window) consider(scores.size() - 1 - window);
    }
  }, &w);
  // The last checkpoints, whose windows training cut short.
  for (size_t c = scores.size() > window ? scores.size() - window : 0; c < scores.size(); ++c) consider(c);
  if (options.keep_best_heldout && !best.empty()) w = std::move(best);
  ExportWeights(w, kept, labels, options.prune_below, out);
  log("crf: done, " + std::to_string(out->features.size()) + " features after pruning, " +
      Format("%.1fs", elapsed(), 0, 0, 0, 0));
  return Status::Ok();
}

Status TrainCrf(const std::vector<CrfSequence>& train, const std::vector<std::string>& labels,
                const CrfTrainOptions& options, CrfModel* out) {
  *out = CrfModel();
  CrfWeights weights;
  Status s = TrainCrfWeights(train, labels, options, &weights);
  if (!s.ok()) return s;
  return CrfModel::Build(weights, out);
}

std::string CrfEvaluation::ToString() const {
  char buf[160];
  std::snprintf(buf, sizeof(buf), "acc %.4f (entity %.4f) F1 %.4f loss/token %.4f over %zu tokens", accuracy(),
                entity_accuracy(), chunk_f1(), loss_per_token(), tokens);
  return buf;
}

namespace {

// Adds the strict chunk counts of one decoded sequence. Gold chunks come from the permitted
// labels: a chunk starts where a B- label is permitted and goes on while only I- labels are.
void CountChunks(const std::vector<std::string>& labels, const std::vector<uint64_t>& allowed,
                 const std::vector<int>& path, CrfEvaluation* out) {
  const int T = static_cast<int>(allowed.size()), L = static_cast<int>(labels.size());
  uint64_t begin_bits = 0, inside_bits = 0;
  for (int l = 0; l < L; ++l) {
    if (labels[l][0] == 'B') begin_bits |= uint64_t{1} << l;
    if (labels[l][0] == 'I') inside_bits |= uint64_t{1} << l;
  }
  std::vector<int> gold_end(T, -1);  // gold chunk starting at t ends here (exclusive), else -1
  for (int t = 0; t < T; ++t) {
    if (!(allowed[t] & begin_bits)) continue;
    int e = t + 1;
    while (e < T && (allowed[e] & ~inside_bits) == 0) ++e;
    gold_end[t] = e;
    ++out->chunks_gold;
  }
  for (int t = 0; t < T;) {
    const std::string& label = labels[path[t]];
    if (label[0] != 'B') {
      ++t;
      continue;
    }
    int e = t + 1;
    while (e < T && labels[path[e]] == "I-" + label.substr(2)) ++e;
    ++out->chunks_system;
    if (gold_end[t] == e && ((allowed[t] >> path[t]) & 1)) ++out->chunks_correct;
    t = e;
  }
}

}  // namespace

Status EvaluateCrf(const CrfModel& model, const std::vector<CrfSequence>& data, CrfEvaluation* out) {
  *out = CrfEvaluation();
  const int L = model.num_labels();
  if (L == 0) return InvalidArgument("the CRF model has no labels");
  const uint64_t all = L == 64 ? ~uint64_t{0} : (uint64_t{1} << L) - 1;
  std::vector<double> trans(model.transitions().size());
  for (size_t i = 0; i < trans.size(); ++i) {
    trans[i] = model.allowed_transitions()[i] ? std::exp(static_cast<double>(model.transitions()[i])) : 0.0;
  }
  Scratch s;
  std::vector<float> scores;  // [T][L]
  std::vector<int> path;
  for (size_t q = 0; q < data.size(); ++q) {
    const CrfSequence& seq = data[q];
    if (seq.features.size() != seq.allowed.size()) {
      return InvalidArgument("CRF sequence " + std::to_string(q) + ": features and allowed sizes differ");
    }
    for (uint64_t a : seq.allowed) {
      if (a == 0 || (a & ~all) != 0) {
        return InvalidArgument("CRF sequence " + std::to_string(q) + ": a token permits no label or an unknown one");
      }
    }
    ++out->sequences;
    const int T = static_cast<int>(seq.features.size());
    if (T == 0) continue;
    model.Emissions(seq.features, &scores);
    Viterbi(scores.data(), model.transitions().data(), model.allowed_transitions().data(), T, L, &path);
    s.emit.assign(scores.begin(), scores.end());
    out->loss += SequenceLoss(seq.allowed.data(), trans.data(), T, L, &s);
    for (int t = 0; t < T; ++t) {
      const bool ok = (seq.allowed[t] >> path[t]) & 1;
      ++out->tokens;
      out->correct += ok;
      if (!(seq.allowed[t] & 1)) {
        ++out->entity_tokens;
        out->entity_correct += ok;
      }
    }
    CountChunks(model.labels(), seq.allowed, path, out);
  }
  return Status::Ok();
}

}  // namespace isnad
