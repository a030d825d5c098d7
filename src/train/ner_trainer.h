// Trains the entity tagger from the corpora (native only).
//
// Both corpora are read into the engine's tokenization (ner_corpus.h) and analyzed as
// pre-tokenized text by an analyzer without an entity layer, so training sees exactly the
// matching forms and clitic analyses that analysis will see. One joint CRF is trained over our
// types; ANERcorp's coarse LOC is a partial label (GPE|LOC|FAC) that the model resolves with what
// NewsFANE's fine classes teach.
//
// Names learned from the training data become gazetteer categories ("NAME.<TYPE>", "ORG.<SUB>",
// "KNOWN.WORD"). The features of a training sentence only see the names of the other half of the
// data (two-fold jackknife), so the model learns how far to trust a name list on names it has
// not memorized; the shipped gazetteer holds all of them.
#pragma once

#include <string>
#include <vector>

#include "isnad/analyzer.h"
#include "isnad/ner/gazetteer.h"
#include "train/crf_trainer.h"
#include "train/ner_corpus.h"
#include "train/word_clusters.h"

namespace isnad {

// The labels of the tagger, in the order of the model: O, then B-/I- for each type.
const std::vector<std::string>& NerLabels();

struct NerCorpusFile {
  std::string path;
  CorpusFormat format;
};

struct NerTrainInput {
  std::vector<NerCorpusFile> corpora;
  std::string label_map_tsv;   // lexicons/ner-labels.tsv
  CrfTrainOptions crf;
  // The share of the first corpus (its last stories, with their twins) held out to choose the
  // number of iterations by held-out entity F1; the shipped model then trains on everything for that
  // many iterations. 0: train for crf.max_iterations.
  double dev_fraction = 0.1;
  // The iteration is chosen by the held-out entity F1 averaged over this many checkpoints on each
  // side (CrfTrainOptions::selection_window; checkpoints every 10 iterations): a single
  // checkpoint of the held-out part's 950 entities moves by about 1 F1 from one to the next.
  int selection_window = 2;
  // With a held-out part: the bias on the O label (crf_model.h) is swept over these values and the
  // one with the best held-out entity F1 is stored in the model (ties: the one nearest 0).
  std::vector<float> o_bias_grid = {0.0f, -0.25f, -0.5f, -0.75f, -1.0f, -1.25f, -1.5f, -2.0f};
  // The bias is chosen by the held-out F1 averaged over this many grid neighbours on each side.
  size_t o_bias_window = 1;
  // Word classes (train/word_clusters.h) learned from the raw text of the training sentences (the
  // selection run: of its training part only) and used as features. Empty sizes: none.
  WordClusterOptions word_clusters;
};

struct NerTrainOutput {
  std::string crf_section;    // CrfModel::Serialize
  std::string names_section;  // Gazetteer::Serialize of the learned names
  size_t sentences = 0;
  size_t tokens = 0;
  size_t names = 0;
  int iterations = 0;  // chosen on the held-out part (0 when none was held out)
  float o_bias = 0;    // chosen on the held-out part (0 when none was held out)
  // The selection run's tagger and learned names (trained without the held-out stories, at the
  // chosen iteration and bias), for error analysis on those stories; empty when none was held out.
  std::string heldout_crf_section;
  std::string heldout_names_section;
};

// `text_analyzer` runs on a model without the entity layer (normalization and clitics only);
// `base_gazetteer` is the model's built-in gazetteer (CLDR, designators, curated names).
Status TrainNer(const NerTrainInput& input, Analyzer* text_analyzer, const Gazetteer& base_gazetteer,
                const CliticRules& clitics, NerTrainOutput* out);

// Adds the names of the sentences with use[i] (sentence i analyzed as docs[i]) to `names`.
void AddLearnedNames(const std::vector<CorpusSentence>& sentences, const std::vector<Document>& docs,
                     const std::vector<bool>& use, const CliticRules& clitics, Gazetteer* names);

}  // namespace isnad
