// The text layer's components: input checks, normalization, segmentation, token matching forms.
#pragma once

#include <memory>

#include "isnad/pipeline.h"
#include "isnad/text/clitics.h"
#include "isnad/text/normalizer.h"
#include "isnad/text/segmenter.h"

namespace isnad {

// Reads: text. Writes: warnings (input that looks like HTML markup: it is analyzed as plain text).
class InputCheckComponent : public Component {
 public:
  const char* name() const override { return "input_check"; }
  Status Run(Document* doc) override;
};

// Reads: text. Writes: normalized (NFKC + Arabic folding, aligned to text).
class NormalizeComponent : public Component {
 public:
  explicit NormalizeComponent(const Normalizer& normalizer) : normalizer_(normalizer) {}
  const char* name() const override { return "normalize"; }
  Status Run(Document* doc) override { return normalizer_.Normalize(doc->text, &doc->normalized); }

 private:
  Normalizer normalizer_;
};

// Reads: text. Writes: tokens (span, kind, sentence), sentences.
class SegmentComponent : public Component {
 public:
  explicit SegmentComponent(std::unique_ptr<Segmenter> segmenter) : segmenter_(std::move(segmenter)) {}
  const char* name() const override { return "segment"; }
  bool segments() const override { return true; }
  Status Run(Document* doc) override { return segmenter_->Segment(doc); }

 private:
  std::unique_ptr<Segmenter> segmenter_;
};

// Reads: tokens, normalized. Writes: tokens[i].norm and norm_span (the token's slice of the normalized text).
class TokenNormComponent : public Component {
 public:
  const char* name() const override { return "token_norm"; }
  Status Run(Document* doc) override;
};

// Reads: tokens[i].norm. Writes: tokens[i].analyses (CliticRules::Candidates), which every later
// layer reads instead of splitting the words again.
class CliticComponent : public Component {
 public:
  // `clitics` (the model's) must outlive the component.
  explicit CliticComponent(const CliticRules& clitics) : clitics_(clitics) {}
  const char* name() const override { return "clitics"; }
  Status Run(Document* doc) override {
    for (Token& token : doc->tokens) {
      token.analyses = clitics_.Candidates(token.norm);
      // Kept for the whole document and read by every layer: no spare room.
      token.analyses.shrink_to_fit();
    }
    return Status::Ok();
  }

 private:
  const CliticRules& clitics_;
};

}  // namespace isnad
