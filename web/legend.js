// The legend: one sample of every mark style, drawn with the same classes as the highlighted text
// (marks.css), so colour and line style always match what the reader sees.
import { h } from './dom.js';

const ENTRIES = [
  { kind: 'entity', data: { type: 'PER' }, label: 'PER person' },
  { kind: 'entity', data: { type: 'ORG' }, label: 'ORG organization' },
  { kind: 'entity', data: { type: 'ORG', subtype: 'MEDIA' }, label: 'ORG·MEDIA media' },
  { kind: 'entity', data: { type: 'GPE' }, label: 'GPE country, city' },
  { kind: 'entity', data: { type: 'LOC' }, label: 'LOC place' },
  { kind: 'entity', data: { type: 'FAC' }, label: 'FAC facility' },
  { kind: 'entity', data: { type: 'TIME' }, label: 'TIME' },
  { kind: 'entity', data: { type: 'MISC' }, label: 'MISC other' },
  { kind: 'trigger', data: { modality: 'asserted' }, label: 'event' },
  { kind: 'trigger', data: { modality: 'possible' }, label: 'possible event ?' },
  { kind: 'trigger', data: { modality: 'denied' }, label: 'denied event ✗' },
  { kind: 'cue', data: {}, label: 'cue (قال، نفى…)' },
  { kind: 'source', data: { sourceKind: 'PERSON' }, label: 'named source' },
  { kind: 'source', data: { sourceKind: 'ANONYMOUS' }, label: 'anonymous / unnamed source' },
  { kind: 'via', data: {}, label: 'relay (via)' },
  { kind: 'content', data: { depth: '0' }, label: 'claim content' },
];

export function renderLegend(list) {
  list.replaceChildren(...ENTRIES.map((e) => h('li', { dataset: { layer: e.kind === 'entity' ? 'entities' : e.kind === 'trigger' ? 'events' : 'attributions' } },
    h('span', { class: `m m-${e.kind} m-first m-last swatch`, dataset: { kind: e.kind, ...e.data }, 'aria-hidden': 'true' }, 'أبج'),
    ' ', e.label)));
}
