#include "isnad/attribution/attribution_lexicon.h"

#include <algorithm>

#include "isnad/text/lexicon_tsv.h"

namespace isnad {
namespace {

Status IndexStems(const Inflections& inflections, const std::string& stems, const std::string& then, uint32_t entry,
                  WordFormIndex* index) {
  std::vector<StemSpec> specs;
  Status s = ParseStemSpecs(stems, &specs);
  for (size_t i = 0; s.ok() && i < specs.size(); ++i) s = index->Add(inflections, specs[i], SplitOn(then, ' '), entry);
  return s;
}

Status ParseCueKind(const std::string& field, CueKind* out) {
  static const std::pair<const char*, CueKind> kKinds[] = {
      {"verb", CueKind::kVerb}, {"participle", CueKind::kParticiple}, {"prep", CueKind::kPrep},
      {"noun", CueKind::kNoun}, {"writer", CueKind::kWriter}};
  for (const auto& [name, kind] : kKinds) {
    if (field == name) {
      *out = kind;
      return Status::Ok();
    }
  }
  return InvalidArgument("unknown kind '" + field + "'");
}

bool KnownAct(const std::string& act) {
  static const char* kActs[] = {"STATE", "AFFIRM", "DENY", "ANNOUNCE", "REVEAL", "REPORT", "CLAIM", "WARN", "ACCUSE", "BELIEVE"};
  for (const char* a : kActs) {
    if (act == a) return true;
  }
  return false;
}

Status ParseRole(const std::string& field, AttributionWord* word) {
  static const std::pair<const char*, WordRole> kRoles[] = {
      {"complementizer", WordRole::kComplementizer}, {"vehicle", WordRole::kVehicle},
      {"vehicle-prep", WordRole::kVehiclePrep}, {"from", WordRole::kFrom},
      {"to", WordRole::kTo}, {"skip", WordRole::kSkip}, {"auxiliary", WordRole::kAuxiliary},
      {"quantifier", WordRole::kQuantifier}, {"modifier", WordRole::kModifier}, {"boundary", WordRole::kBoundary},
      {"relative", WordRole::kRelative}, {"preposition", WordRole::kPreposition},
      {"subordinator", WordRole::kSubordinator}, {"adverb", WordRole::kAdverb}};
  for (const auto& [name, role] : kRoles) {
    if (field == name) {
      word->role = role;
      return Status::Ok();
    }
  }
  constexpr std::string_view kSource = "source:";
  if (field.compare(0, kSource.size(), kSource) == 0) {
    word->role = WordRole::kSource;
    word->source_kind = field.substr(kSource.size());
    for (const char* kind : {"ANONYMOUS", "OFFICIAL", "DOCUMENT", "MEDIA", "ORG", "ANTECEDENT"}) {
      if (word->source_kind == kind) return Status::Ok();
    }
  }
  return InvalidArgument("unknown role '" + field + "'");
}

}  // namespace

Status AttributionLexicon::Parse(std::string_view cues_tsv, std::string_view words_tsv, const Inflections& inflections,
                                 AttributionLexicon* out) {
  AttributionLexicon lexicon;
  Status s = ForEachLexiconRow("cues", cues_tsv, &lexicon.cues_version_, [&](const LexiconRow& row) {
    if (row.columns.size() < 4) return InvalidArgument("expected lemma, act, kind, stems, then, flags");
    Cue cue;
    cue.lemma = row.columns[0];
    Status st = ParseCueKind(row.columns[2], &cue.kind);
    if (!st.ok()) return st;
    if (cue.kind == CueKind::kWriter) {
      if (row.columns[1] != "-") return InvalidArgument("a writer entry has act -");
    } else if (!KnownAct(row.columns[1])) {
      return InvalidArgument("unknown act '" + row.columns[1] + "'");
    } else {
      cue.act = row.columns[1];
    }
    const std::string then = row.columns.size() > 4 ? row.columns[4] : "";
    for (const std::string& flag : SplitOn(row.columns.size() > 5 ? row.columns[5] : "", ',')) {
      if (flag == "relay") cue.relay = true;
      else if (flag == "object") cue.object = true;
      else if (flag == "bare") cue.bare = true;
      else if (flag.compare(0, 6, "about:") == 0 && flag.size() > 6) cue.about = flag.substr(6);
      else return InvalidArgument("unknown flag '" + flag + "'");
    }
    st = IndexStems(inflections, row.columns[3], then, static_cast<uint32_t>(lexicon.cues_.size()), &lexicon.cue_index_);
    if (!st.ok()) return st;
    lexicon.cues_.push_back(std::move(cue));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  s = ForEachLexiconRow("attribution-words", words_tsv, &lexicon.words_version_, [&](const LexiconRow& row) {
    if (row.columns.size() < 3) return InvalidArgument("expected word, role, stems, then");
    if (row.columns[1] == "punctuation") {
      static const std::pair<const char*, char> kClasses[] = {{"comma", ','}, {"colon", ':'}, {"end", '.'}};
      for (const auto& [name, mark_class] : kClasses) {
        if (row.columns[2] == name) {
          lexicon.punctuation_.emplace_back(row.columns[0], mark_class);
          return Status::Ok();
        }
      }
      return InvalidArgument("unknown punctuation class '" + row.columns[2] + "' (comma, colon or end)");
    }
    AttributionWord word;
    word.word = row.columns[0];
    Status st = ParseRole(row.columns[1], &word);
    if (!st.ok()) return st;
    if (word.role == WordRole::kTo) {
      // A preposition that attaches as a proclitic: matched through the clitic analyses.
      lexicon.to_prepositions_.push_back(word.word);
    } else {
      const std::string then = row.columns.size() > 3 ? row.columns[3] : "";
      st = IndexStems(inflections, row.columns[2], then, static_cast<uint32_t>(lexicon.words_.size()), &lexicon.word_index_);
      if (!st.ok()) return st;
    }
    lexicon.words_.push_back(std::move(word));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  *out = std::move(lexicon);
  return Status::Ok();
}

char AttributionLexicon::PunctuationClass(std::string_view mark) const {
  for (const auto& [listed, mark_class] : punctuation_) {
    if (listed == mark) return mark_class;
  }
  return 0;
}

LexiconHit AttributionLexicon::Longest(const WordFormIndex& index, const Document& doc, uint32_t t,
                                       const CliticRules& clitics, const std::function<bool(int, bool)>& accept,
                                       const std::function<bool(int, int)>& prefer) const {
  thread_local std::vector<WordFormMatch> matches;
  index.Lookup(doc, t, clitics, &matches);
  LexiconHit best;
  for (const WordFormMatch& m : matches) {
    const int entry = static_cast<int>(m.entry);
    if (!accept(entry, m.pronoun)) continue;
    const bool longer = m.end_token > best.end_token;
    const bool tie_won = m.end_token == best.end_token && prefer(entry, best.entry);
    if (!best.found() || longer || tie_won) best = {entry, m.first_token, m.end_token, m.strip_bytes};
  }
  return best;
}

LexiconHit AttributionLexicon::CueAt(const Document& doc, uint32_t t, const CliticRules& clitics) const {
  return Longest(cue_index_, doc, t, clitics, [&](int entry, bool pronoun) { return !(pronoun && cues_[entry].bare); },
                 [&](int a, int b) {
    return cues_[a].kind == CueKind::kWriter && cues_[b].kind != CueKind::kWriter;
  });
}

void AttributionLexicon::WordsAt(const Document& doc, uint32_t t, const CliticRules& clitics,
                                 std::vector<LexiconHit>* out) const {
  thread_local std::vector<WordFormMatch> matches;
  word_index_.Lookup(doc, t, clitics, &matches);
  out->clear();
  for (const WordFormMatch& m : matches) {
    const int entry = static_cast<int>(m.entry);
    auto same_role = std::find_if(out->begin(), out->end(), [&](const LexiconHit& h) {
      return words_[h.entry].role == words_[entry].role;
    });
    const LexiconHit hit{entry, m.first_token, m.end_token, m.strip_bytes};
    if (same_role == out->end()) out->push_back(hit);
    else if (m.end_token > same_role->end_token) *same_role = hit;
  }
}

bool AttributionLexicon::IsToPreposition(std::string_view word) const {
  return std::find(to_prepositions_.begin(), to_prepositions_.end(), word) != to_prepositions_.end();
}

uint32_t AttributionLexicon::ToPrepositionBytes(const Document& doc, uint32_t t) const {
  for (const CliticCandidate& c : doc.tokens[t].analyses) {
    for (const std::string& p : to_prepositions_) {
      if (c.proclitics == p) return c.strip_bytes;
    }
  }
  return 0;
}

}  // namespace isnad
