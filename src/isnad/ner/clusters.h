// Mention clusters: the mentions of one entity under different forms (annotation.md §1), found by
// general rules over the entities' own words, without name lists.
//
// A mention's words are the matching forms (Token::norm) of the word and number tokens its span
// covers, cut to the span; quotation marks and punctuation are left out, and a لل-elided article is
// restored (لحكومة → الحكومه). Entities are visited in text order; each non-TIME entity joins the
// first cluster that a rule below gives, else starts its own:
//   1. same type, same words                         → the cluster holding that form
//   2. PER: the words are a contiguous initial or final part of an earlier mention of ≥ 2 words
//      (قاسم سليماني … سليماني), or every earlier mention of a cluster is such a part of these words
//      (سليماني … قاسم سليماني)                        → that cluster, if exactly one qualifies
//   3. ORG FAC GPE LOC: the same words but for the article on the first word (البنتاغون … بنتاغون);
//      FAC GPE LOC also: an earlier mention of ≥ 2 words without its first word, or the reverse
//      (قاعدة عين الأسد … عين الأسد)                   → that cluster, if exactly one qualifies
// Clusters never mix types. ORG is left out of the first-word rule on purpose: the conventions
// already keep media and group designators out of ORG spans, so an ORG tail is usually another
// organization (كتائب حزب الله … حزب الله).
// TIME entities get no cluster (cluster = -1). Cluster::name is the source text of the longest
// mention (the earliest on a tie); Cluster::mentions are in text order. Deterministic.
#pragma once

#include "isnad/document.h"
#include "isnad/text/clitics.h"

namespace isnad {

// Reads doc->entities (sorted, non-overlapping), tokens, normalized and text; replaces
// doc->clusters and sets every entity's `cluster`. `clitics` gives the article and the stems of
// spans that start after a token's proclitics.
void BuildClusters(const CliticRules& clitics, Document* doc);

}  // namespace isnad
