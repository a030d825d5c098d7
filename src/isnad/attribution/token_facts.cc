#include "isnad/attribution/token_facts.h"

namespace isnad {

TokenFacts::TokenFacts(const Document& doc, const AttributionLexicon& lexicon, const CliticRules& clitics,
                       const Gazetteer& gazetteer)
    : doc_(doc), lexicon_(lexicon), clitics_(clitics), gazetteer_(gazetteer) {
  const uint32_t n = size();
  cues_.resize(n);
  words_.resize(n);
  entity_start_.assign(n, -1);
  entity_cover_.assign(n, -1);
  punct_.assign(n, 0);
  quote_close_.assign(n, 0);
  is_title_.assign(n, 0);
  words_done_.assign(n, 0);
  for (uint32_t t = 0; t < n; ++t) {
    if (doc.tokens[t].kind == TokenKind::kPunctuation) punct_[t] = lexicon.PunctuationClass(doc.tokens[t].norm);
    if (doc.tokens[t].kind == TokenKind::kWord) cues_[t] = lexicon.CueAt(doc, t, clitics);
  }
  for (size_t e = 0; e < doc.entities.size(); ++e) {
    const Entity& entity = doc.entities[e];
    if (entity.first_token >= n) continue;
    if (entity_start_[entity.first_token] < 0) entity_start_[entity.first_token] = static_cast<int>(e);
    for (uint32_t t = entity.first_token; t < entity.last_token && t < n; ++t) entity_cover_[t] = static_cast<int>(e);
  }
  // Quote pairs within a sentence: the segmenter marks each mark as opening or closing.
  std::vector<uint32_t> open;
  for (const Sentence& s : doc.sentences) {
    open.clear();
    for (uint32_t t = s.first_token; t < s.first_token + s.token_count; ++t) {
      if (is_quote_open(t)) {
        open.push_back(t);
      } else if (is_quote_close(t) && !open.empty()) {
        quote_close_[open.back()] = t;
        open.pop_back();
      }
    }
  }
}

// The surrounding words and the title mark of token t are looked up the first time a rule asks:
// most tokens lie far from any cue and are never asked about.
void TokenFacts::LookUpWords(uint32_t t) const {
  words_done_[t] = 1;
  if (doc_.tokens[t].kind != TokenKind::kWord) return;
  lexicon_.WordsAt(doc_, t, clitics_, &words_[t]);
  // A title (الدكتور، السيد) heads a person speaking in an office.
  for (const CliticCandidate& c : doc_.tokens[t].analyses) {
    if (c.proclitics.empty() && gazetteer_.Contains(c.stem, "TITLE")) is_title_[t] = 1;
  }
}

LexiconHit TokenFacts::word(uint32_t t, WordRole role) const {
  if (t >= size()) return {};
  if (!words_done_[t]) LookUpWords(t);
  for (const LexiconHit& hit : words_[t]) {
    if (lexicon_.word(hit.entry).role == role) return hit;
  }
  return {};
}

std::string_view TokenFacts::source_kind(uint32_t t) const {
  if (t >= size()) return {};
  const LexiconHit hit = word(t, WordRole::kSource);
  if (hit.found()) return lexicon_.word(hit.entry).source_kind;
  return is_title_[t] ? std::string_view("OFFICIAL") : std::string_view();
}

bool TokenFacts::is_complementizer(uint32_t t) const {
  return is(t, WordRole::kComplementizer) && !(t > 0 && is(t - 1, WordRole::kSubordinator));
}

bool TokenFacts::is_time(uint32_t t) const {
  const int e = entity_covering(t);
  return e >= 0 && doc_.entities[e].type == "TIME";
}

bool TokenFacts::has_conjunction(uint32_t t) const {
  if (t >= size()) return false;
  const LexiconHit& hit = cues_[t];
  if (!hit.found() || hit.strip_bytes == 0) return false;
  return clitics_.OnlyConjunctions(std::string_view(doc_.tokens[t].norm).substr(0, hit.strip_bytes));
}

bool TokenFacts::is_pronoun_object(uint32_t t) const {
  if (!is_word(t)) return false;
  // ل + a pronoun (له، لهم) is too short for a clitic analysis: read it directly.
  const std::string& norm = doc_.tokens[t].norm;
  for (const std::string& suffix : clitics_.suffixes()) {
    if (norm.size() > suffix.size() && norm.compare(norm.size() - suffix.size(), suffix.size(), suffix) == 0 &&
        lexicon_.IsToPreposition(std::string_view(norm).substr(0, norm.size() - suffix.size()))) {
      return true;
    }
  }
  return false;
}

bool TokenFacts::is_modifier(uint32_t t) const {
  if (!is_word(t)) return false;
  if (is(t, WordRole::kModifier)) return true;
  for (const CliticCandidate& c : doc_.tokens[t].analyses) {
    if (gazetteer_.Contains(c.stem, "NATIONALITY")) return true;
  }
  return false;
}

}  // namespace isnad
