// Claims grouped by their source, and the one-line summary of an article's sourcing. Pure functions
// over an analysis result; no DOM (the Sources panel, the copied summary and the tests use them).
import { relayChain, sourceText } from './describe.js';

// Counts by source kind, as the CLI's `isnad sources` prints them:
// "14 claims: 6 anonymous, 3 officials, 3 media, 2 named" (+ ", N documents" when there are any).
export function sourceCounts(result) {
  const counts = { claims: 0, anonymous: 0, officials: 0, media: 0, named: 0, documents: 0 };
  for (const a of result.attributions || []) {
    counts.claims++;
    if (a.source_kind === 'ANONYMOUS') counts.anonymous++;
    else if (a.source_kind === 'OFFICIAL') counts.officials++;
    else if (a.source_kind === 'MEDIA') counts.media++;
    else if (a.source_kind === 'DOCUMENT') counts.documents++;
    else counts.named++;
  }
  return counts;
}

export function summaryLine(result) {
  const c = sourceCounts(result);
  let line = `${c.claims} ${c.claims === 1 ? 'claim' : 'claims'}`;
  if (c.claims > 0) {
    line += `: ${c.anonymous} anonymous, ${c.officials} officials, ${c.media} media, ${c.named} named`;
    if (c.documents > 0) line += `, ${c.documents} documents`;
  }
  return line;
}

// True for the sources a reader should weigh with care: anonymous and unnamed officials.
export function isUnnamed(kind) {
  return kind === 'ANONYMOUS' || kind === 'OFFICIAL';
}

// Groups: [{ key, label, kind, cluster, claims: [attribution] }], one per source: the entity
// cluster when the engine resolved one (so الوزارة and وزارة الدفاع are one source), else the source
// text with whitespace collapsed. Groups are ordered by their first claim in the text.
export function groupClaimsBySource(result) {
  const clusters = new Map((result.clusters || []).map((c) => [c.id, c]));
  const groups = new Map();
  for (const a of result.attributions || []) {
    const cluster = a.source_entity ? clusters.get(a.source_entity) : null;
    const text = sourceText(a).replace(/\s+/g, ' ').trim();
    const key = cluster ? `cluster:${cluster.id}` : `text:${a.source_kind}:${text}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, label: cluster ? cluster.name : text, kind: a.source_kind, cluster: cluster || null, claims: [] };
      groups.set(key, group);
    }
    group.claims.push(a);
  }
  return [...groups.values()];
}

// The plain-text summary that "Copy sources" puts on the clipboard.
export function sourcesSummaryText(result, { title = 'Sources' } = {}) {
  const lines = [`${title}: ${summaryLine(result)}`];
  for (const group of groupClaimsBySource(result)) {
    const flag = isUnnamed(group.kind) ? ` [${group.kind === 'ANONYMOUS' ? 'anonymous' : 'unnamed official'}]` : '';
    lines.push('', `${group.label} (${group.kind.toLowerCase()})${flag}: ${group.claims.length} ${group.claims.length === 1 ? 'claim' : 'claims'}`);
    for (const a of group.claims) {
      const chain = relayChain(a).join(' ← ');
      lines.push(`  ${a.id} ${a.act} ${chain}: ${a.content.text.replace(/\s+/g, ' ').trim()}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
