// The highlighted text: entities, event triggers and attributions (cue, source, relays, content
// band) as nested marks over the analyzed text. Only text nodes carry the text, so the output's
// textContent is exactly result.text, and nothing from the text is ever parsed as HTML.
//
//   import { renderText } from './render.js';
//   renderText(container, result, { layers: new Set(['entities', 'events', 'attributions']) });
//
// Every mark element has data-kind (entity | trigger | content | source | via | cue) and data-ref
// (the record id: T…, E…, A…). A mark split by nesting has several fragments: the first has the
// class m-first (and is the focus stop, tabindex 0, except content bands), the last has m-last and
// carries the badge (data-badge, drawn by CSS so it never enters the text).
import { entityLabel, eventBadge, indexResult, SOURCE_KIND_BADGES } from './describe.js';
import { collectMarks, LAYERS, nestMarks, splitBlocks } from './spans.js';

const TAGS = { content: 'span' };

function badgeFor(mark, record) {
  switch (mark.kind) {
    case 'entity': return entityLabel(record);
    case 'trigger': return eventBadge(record);
    case 'source': return SOURCE_KIND_BADGES[record.source_kind] || record.source_kind.toLowerCase();
    case 'via': return 'via';
    case 'cue': return record.act;
    default: return null;
  }
}

function recordFor(index, mark) {
  if (mark.kind === 'entity') return index.entities.get(mark.ref);
  if (mark.kind === 'trigger') return index.events.get(mark.ref);
  return index.attributions.get(mark.ref);
}

function markElement(node, index) {
  const { mark } = node;
  const record = recordFor(index, mark) || {};
  const el = document.createElement(TAGS[mark.kind] || 'mark');
  const classes = ['m', `m-${mark.kind}`];
  if (node.first) classes.push('m-first');
  if (node.last) classes.push('m-last');
  el.className = classes.join(' ');
  el.dataset.kind = mark.kind;
  el.dataset.ref = mark.ref;
  if (mark.kind === 'entity') {
    el.dataset.type = record.type;
    if (record.subtype) el.dataset.subtype = record.subtype;
  } else if (mark.kind === 'trigger') {
    el.dataset.type = record.type;
    el.dataset.modality = record.modality;
    el.dataset.polarity = record.polarity;
  } else if (mark.kind === 'source') {
    el.dataset.sourceKind = record.source_kind;
  } else if (mark.kind === 'content') {
    el.dataset.depth = String(Math.min(mark.depth || 0, 3));
    if (node.first) el.dataset.claim = mark.ref;
  }
  if (node.first && mark.kind !== 'content') el.tabIndex = 0;
  if (node.last) {
    const badge = badgeFor(mark, record);
    if (badge) el.dataset.badge = badge;
  }
  return el;
}

function build(parent, nodes, text, index) {
  for (const node of nodes) {
    if (node.type === 'text') {
      parent.append(document.createTextNode(text.slice(node.start, node.end)));
    } else {
      const el = markElement(node, index);
      build(el, node.children, text, index);
      parent.append(el);
    }
  }
}

// Yields one block element (a div per line of the text) at a time, so a caller can spread long
// texts over several frames. Marks are swept once: each block gets only those overlapping it.
export function* renderBlocks(result, { layers = new Set(LAYERS) } = {}) {
  const text = result.text || '';
  const index = indexResult(result);
  const marks = collectMarks(result, layers);
  const opened = new Set();
  let next = 0;
  let active = [];
  for (const block of splitBlocks(text)) {
    active = active.filter((m) => m.end > block.start);
    while (next < marks.length && marks[next].start < block.end) active.push(marks[next++]);
    const inBlock = active.filter((m) => m.start < block.end).sort((a, b) => a.start - b.start);
    const div = document.createElement('div');
    div.className = 'block';
    build(div, nestMarks(inBlock, block.start, block.end, opened), text, index);
    yield div;
  }
}

// Renders the whole result into `container` at once (replacing its children).
export function renderText(container, result, options = {}) {
  container.replaceChildren(...renderBlocks(result, options));
}

// Renders in slices of about `budgetMs`, yielding to the event loop between slices, so a long text
// never blocks the page. Resolves true when done, false when isStale() became true first (a newer
// result is on its way; the partial output is left for it to replace).
export async function renderTextSliced(container, result, { layers, budgetMs = 12, isStale = () => false, onProgress } = {}) {
  const blocks = renderBlocks(result, { layers });
  const fragment = document.createDocumentFragment();
  let first = true;
  let done = 0;
  const total = splitBlocks(result.text || '').length;
  for (;;) {
    const t0 = performance.now();
    let item = blocks.next();
    while (!item.done) {
      fragment.append(item.value);
      done++;
      if (performance.now() - t0 > budgetMs) break;
      item = blocks.next();
    }
    if (isStale()) return false;
    if (first) container.replaceChildren(fragment);
    else container.append(fragment);
    first = false;
    if (item.done) return true;
    onProgress?.(done, total);
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (isStale()) return false;
  }
}
