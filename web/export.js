// Exports of an analysis: the engine's JSON as is, and a CSV with one row per attribution and one
// per event. Pure functions (strings in, strings out); app.js turns them into downloads.
import { eventRoles, relayChain, sourceText } from './describe.js';

export const CSV_COLUMNS = [
  'record', 'id', 'type', 'start', 'end', 'text',
  'source', 'source_kind', 'relay_chain', 'cue', 'mode',
  'agent', 'target', 'place', 'time', 'instrument', 'count',
  'polarity', 'modality', 'attributed_to', 'claim_source',
];

// One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. A field that a
// spreadsheet would run as a formula (= + - @ at its start) gets a leading apostrophe.
export function csvField(value) {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function attributionRow(a, byId) {
  const outer = a.attributed_to ? byId.get(a.attributed_to) : null;
  return {
    record: 'attribution', id: a.id, type: a.act, start: a.content.start, end: a.content.end, text: a.content.text,
    source: sourceText(a), source_kind: a.source_kind, relay_chain: relayChain(a).join(' ← '),
    cue: a.cue.text, mode: a.mode, attributed_to: a.attributed_to || '',
    claim_source: outer ? sourceText(outer) : '',
  };
}

function eventRow(e, byId) {
  const claim = e.attributed_to ? byId.get(e.attributed_to) : null;
  return {
    record: 'event', id: e.id, type: e.type, start: e.trigger.start, end: e.trigger.end, text: e.trigger.text,
    ...eventRoles(e), polarity: e.polarity, modality: e.modality, attributed_to: e.attributed_to || '',
    claim_source: claim ? sourceText(claim) : '', source_kind: claim ? claim.source_kind : '',
  };
}

// The CSV text: a UTF-8 BOM (so spreadsheets read Arabic right), a header, then the attributions
// and the events in text order of their anchor, CRLF line ends.
export function toCsv(result) {
  const byId = new Map((result.attributions || []).map((a) => [a.id, a]));
  const rows = [
    ...(result.attributions || []).map((a) => attributionRow(a, byId)),
    ...(result.events || []).map((e) => eventRow(e, byId)),
  ].sort((x, y) => x.start - y.start || (x.record < y.record ? -1 : 1));
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of rows) lines.push(CSV_COLUMNS.map((c) => csvField(row[c])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

// The engine's JSON schema, unchanged (pretty-printed).
export function toJson(result) {
  return `${JSON.stringify(result, null, 2)}\n`;
}

// A file name for the exports, from the article's first words: "isnad-<words>.<ext>".
export function exportFileName(result, ext) {
  const words = (result.text || '').trim().split(/\s+/).slice(0, 4).join('-').replace(/[^\p{L}\p{N}-]/gu, '');
  return `isnad-${words || 'analysis'}.${ext}`;
}
