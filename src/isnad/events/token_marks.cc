#include "isnad/events/token_marks.h"

#include <algorithm>

namespace isnad {

bool IsClauseBreak(const Document& doc, uint32_t t) {
  return doc.tokens[t].kind == TokenKind::kPunctuation;
}

void MarkTokens(const Document& doc, const EventLexicon& lexicon, const CliticRules& clitics,
                std::vector<TokenMarks>* marks, std::vector<TriggerHit>* hits) {
  marks->assign(doc.tokens.size(), TokenMarks());
  hits->clear();
  for (size_t e = 0; e < doc.entities.size(); ++e) {
    const Entity& entity = doc.entities[e];
    if (entity.first_token < marks->size() && (*marks)[entity.first_token].entity < 0) {
      (*marks)[entity.first_token].entity = static_cast<int32_t>(e);
    }
    for (uint32_t t = entity.first_token; t < entity.last_token && t < marks->size(); ++t) {
      if ((*marks)[t].in_entity < 0) (*marks)[t].in_entity = static_cast<int32_t>(e);
    }
  }
  constexpr int16_t kCancelled = -2;  // a not-negation row matched here (إلا أن)
  std::vector<WordFormMatch> matches;
  for (uint32_t t = 0; t < doc.tokens.size(); ++t) {
    const Token& token = doc.tokens[t];
    if (token.kind != TokenKind::kWord ||
        std::none_of(token.analyses.begin(), token.analyses.end(),
                     [&](const CliticCandidate& c) { return lexicon.MayStartForm(c.stem); })) {
      continue;
    }
    lexicon.index().Lookup(doc, t, clitics, &matches);
    TokenMarks& mark = (*marks)[t];
    for (const WordFormMatch& m : matches) {
      if (m.entry < EventLexicon::kWordBase) {
        if (m.pronoun && lexicon.EndsWithExcludedPronoun(doc.tokens[t].norm)) continue;
        TriggerHit hit;
        hit.entry = m.entry;
        hit.first_token = m.first_token;
        hit.end_token = m.end_token;
        hit.strip_bytes = m.strip_bytes;
        hit.verbal = !m.paradigm->any_proclitics;
        hit.imperfect = m.paradigm->name == lexicon.future_paradigm();
        if (hit.imperfect && !lexicon.future_prefix().empty()) {
          hit.future = doc.tokens[t].norm.compare(m.strip_bytes, lexicon.future_prefix().size(), lexicon.future_prefix()) == 0;
        }
        hit.pronoun = m.pronoun;
        for (const CliticCandidate& c : doc.tokens[t].analyses) {
          if (c.strip_bytes == m.strip_bytes && clitics.StartsWithArticle(c.stem)) hit.definite = true;
        }
        hit.purpose = m.strip_bytes > 0 && lexicon.IsPurposeClitic(std::string_view(doc.tokens[t].norm).substr(0, m.strip_bytes));
        hits->push_back(hit);
        continue;
      }
      const uint32_t w = m.entry - EventLexicon::kWordBase;
      const EventWord& word = lexicon.words()[w];
      switch (word.kind) {
        case EventWord::kPrep:
          // The longest preposition wins (من قبل over من).
          if (word.words > mark.prep_words) {
            mark.prep_slot = static_cast<int16_t>(word.slot);
            mark.prep_words = static_cast<uint8_t>(word.words);
          }
          break;
        case EventWord::kNegation:
          if (mark.negation != kCancelled) mark.negation = static_cast<int16_t>(w);
          break;
        case EventWord::kNotNegation:
          mark.negation = kCancelled;
          break;
        case EventWord::kModal:
          mark.modal = static_cast<int16_t>(w);
          break;
        case EventWord::kModalAfter:
          mark.modal_after = static_cast<int16_t>(w);
          break;
        case EventWord::kClass:
          mark.classes |= static_cast<uint16_t>(1u << word.word_class);
          break;
      }
    }
    if (mark.negation == kCancelled) mark.negation = -1;
  }
}

}  // namespace isnad
