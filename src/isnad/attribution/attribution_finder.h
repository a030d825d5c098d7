// AttributionFinder: the rules that turn cues into attributions (shared/spec/annotation.md
// section 3, shared/spec/conventions.md "Attributions"). Reads a Document's tokens, entities and
// clusters and fills Document::attributions, in text order of their cues.
//
// Per cue kind (cues.tsv):
//   verb        source after the verb (قال مسؤول إن), or before it (المصادر أكدت أن), or, when no
//               subject is written (وأضاف أن), the last attribution's source; relays go to via
//               (نقل موقع X عن مصادر، قال ... لرويترز); content after a complementizer, a colon or
//               a quotation mark, or the verb's object for object verbs (نفت الوزارة الخبر)
//   participle  the last attribution's source and relays speak again (مضيفاً أن)
//   prep        the source follows the preposition (بحسب المصادر); the content is the rest of
//               its clause, before it or after it
//   noun        the source is the noun phrase the cue governs (تصريحات الوزير)
// and a headline colon (رويترز: ...) at the start of a line. A cue without a source, a content or
// an antecedent is not an attribution; writer entries (يشار إلى أن) never are.
#pragma once

#include "isnad/attribution/attribution_lexicon.h"
#include "isnad/document.h"
#include "isnad/ner/gazetteer.h"
#include "isnad/text/clitics.h"

namespace isnad {

class AttributionFinder {
 public:
  // The lexicon, clitic rules and gazetteer must outlive the finder.
  AttributionFinder(const AttributionLexicon& lexicon, const CliticRules& clitics, const Gazetteer& gazetteer)
      : lexicon_(lexicon), clitics_(clitics), gazetteer_(gazetteer) {}

  void Find(Document* doc) const;

 private:
  const AttributionLexicon& lexicon_;
  const CliticRules& clitics_;
  const Gazetteer& gazetteer_;
};

}  // namespace isnad
