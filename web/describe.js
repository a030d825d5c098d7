// Words and lookups shared by the cards, the panels and the exports. Pure functions over an
// analysis result (wasm/index.d.ts AnalysisResult); no DOM.

export const ENTITY_TYPE_NAMES = {
  PER: 'person', ORG: 'organization', GPE: 'country / city', LOC: 'place', FAC: 'facility',
  TIME: 'time', MISC: 'other name',
};
export const ORG_SUBTYPE_NAMES = { GOV: 'government', MEDIA: 'media', ARMED: 'armed group', OTHER: 'other' };
export const SOURCE_KIND_NAMES = {
  PERSON: 'named person', ORG: 'organization', MEDIA: 'media', OFFICIAL: 'unnamed official',
  ANONYMOUS: 'anonymous', DOCUMENT: 'document',
};
// Short badge texts for the highlighted text.
export const SOURCE_KIND_BADGES = {
  PERSON: 'person', ORG: 'org', MEDIA: 'media', OFFICIAL: 'official', ANONYMOUS: 'anonymous', DOCUMENT: 'document',
};
export const MODALITY_MARKS = { asserted: '', possible: '?', denied: '✗' };

// Maps from ids (T1, C1, E1, A1) to records, built once per result.
export function indexResult(result) {
  const byId = (list) => new Map((list || []).map((x) => [x.id, x]));
  return {
    entities: byId(result.entities),
    clusters: byId(result.clusters),
    events: byId(result.events),
    attributions: byId(result.attributions),
  };
}

// "ORG·MEDIA", "PER", "TIME".
export function entityLabel(entity) {
  return entity.subtype ? `${entity.type}·${entity.subtype}` : entity.type;
}

export function entityTypeName(entity) {
  const base = ENTITY_TYPE_NAMES[entity.type] || entity.type;
  return entity.subtype ? `${base} (${ORG_SUBTYPE_NAMES[entity.subtype] || entity.subtype})` : base;
}

// The flags a journalist reads first: ['asserted'], ['possible', 'negated'], ['denied'] ...
export function eventFlags(event) {
  const flags = [event.modality || 'asserted'];
  if (event.polarity === 'negative') flags.push('negated');
  return flags;
}

// "ATTACK", "ATTACK?", "ATTACK✗", "¬ATTACK": the badge of an event trigger.
export function eventBadge(event) {
  return `${event.polarity === 'negative' ? '¬' : ''}${event.type}${MODALITY_MARKS[event.modality] || ''}`;
}

// The texts of the arguments with one role, in order.
export function argumentTexts(event, role) {
  return (event.arguments || []).filter((a) => a.role === role).map((a) => a.text);
}

// { agent, target, place, time, instrument, count }: each the joined texts ('' when absent).
export function eventRoles(event) {
  const out = {};
  for (const role of ['agent', 'target', 'place', 'time', 'instrument', 'count']) {
    out[role] = argumentTexts(event, role).join('، ');
  }
  return out;
}

// The relay chain of a claim in the order the information travelled: the source first, then the
// relays from the innermost to the outermost (the outlet the article cites). `via` in the result is
// outermost first, so it is read backwards.
export function relayChain(attribution) {
  const chain = [];
  chain.push(attribution.source ? attribution.source.text : '(unnamed)');
  for (let i = (attribution.via || []).length - 1; i >= 0; i--) chain.push(attribution.via[i].text);
  return chain;
}

export function sourceText(attribution) {
  return attribution.source ? attribution.source.text : '(unnamed)';
}

// The attribution whose content holds an event or another attribution, with its source.
export function claimSourceOf(index, item) {
  const id = item.attributed_to;
  return id ? index.attributions.get(id) || null : null;
}

// The other mentions of an entity's cluster (entities, in text order), without the entity itself.
export function otherMentions(index, entity) {
  const cluster = entity.cluster ? index.clusters.get(entity.cluster) : null;
  if (!cluster) return [];
  return cluster.mentions.filter((id) => id !== entity.id).map((id) => index.entities.get(id)).filter(Boolean);
}

// First words of a long text, for lists: "…" marks the cut.
export function shorten(text, maxChars = 90) {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxChars) return flat;
  const cut = flat.lastIndexOf(' ', maxChars);
  return `${flat.slice(0, cut > maxChars / 2 ? cut : maxChars)} …`;
}
