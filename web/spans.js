// The marks of the highlighted text and their nesting. Pure functions (no DOM), used by render.js.
//
// Layers overlap: a claim's content band holds its entities and events, a source holds a person's
// name. HTML needs properly nested elements, so marks are ranked from outer to inner (content band,
// then source / relay / cue, then entity, then event trigger) and a mark that crosses the end of an
// outer one is split into fragments. Every fragment carries its mark; `first` and `last` tell
// which fragment gets the focus stop and which one the badge.

export const LAYERS = ['entities', 'events', 'attributions'];

const RANK = { content: 0, source: 1, via: 1, cue: 1, entity: 2, trigger: 3 };

// [{ start, end, kind, ref, rank, depth? }] for the enabled layers, sorted by start, then outer
// first. kind: entity | trigger | content | source | via | cue; ref: the record's id.
export function collectMarks(result, layers = new Set(LAYERS)) {
  const marks = [];
  const add = (span, kind, ref, extra = {}) => {
    if (span && span.end > span.start) marks.push({ start: span.start, end: span.end, kind, ref, rank: RANK[kind], ...extra });
  };
  if (layers.has('attributions')) {
    const byId = new Map((result.attributions || []).map((a) => [a.id, a]));
    // A source or relay that speaks again (وأضاف، مضيفاً) has the same span as before: it is
    // marked once, for its first claim.
    const seenSpans = new Set();
    const addOnce = (span, kind, ref, extra) => {
      const key = span && `${kind}:${span.start}:${span.end}`;
      if (!key || seenSpans.has(key)) return;
      seenSpans.add(key);
      add(span, kind, ref, extra);
    };
    for (const a of result.attributions || []) {
      let depth = 0;
      for (let p = a.attributed_to; p && depth < 8; p = byId.get(p)?.attributed_to) depth++;
      add(a.content, 'content', a.id, { depth });
      add(a.cue, 'cue', a.id);
      addOnce(a.source, 'source', a.id);
      a.via.forEach((v, i) => addOnce(v, 'via', a.id, { viaIndex: i }));
    }
  }
  if (layers.has('entities')) for (const e of result.entities || []) add(e, 'entity', e.id);
  if (layers.has('events')) for (const e of result.events || []) add(e.trigger, 'trigger', e.id);
  return marks.sort(compareOuterFirst);
}

function compareOuterFirst(a, b) {
  return a.start - b.start || a.rank - b.rank || b.end - a.end;
}

// The order in which marks opening at the same point are nested: outer rank first, longer first.
function compareNesting(a, b) {
  return a.rank - b.rank || b.end - a.end || a.start - b.start;
}

// Splits [from, to) of the text into a tree of properly nested nodes:
//   { type: 'text', start, end } | { type: 'mark', mark, start, end, first, last, children }
// `marks` must be sorted by start (collectMarks does). Marks are clipped to [from, to); `opened`
// (a Set shared across calls) remembers the marks already started, so a mark continued from a
// previous block is not `first` again.
export function nestMarks(marks, from, to, opened = new Set()) {
  const root = { type: 'root', children: [] };
  const points = new Set([from, to]);
  const inRange = marks.filter((m) => m.end > from && m.start < to);
  for (const m of inRange) {
    points.add(Math.max(m.start, from));
    points.add(Math.min(m.end, to));
  }
  const sorted = [...points].sort((a, b) => a - b);
  const stack = []; // [{ mark, node }]
  let next = 0; // index into inRange of the next mark to open
  const top = () => (stack.length ? stack[stack.length - 1].node : root);
  const open = (mark, at) => {
    const node = {
      type: 'mark', mark, start: at, end: Math.min(mark.end, to),
      first: !opened.has(mark), last: false, children: [],
    };
    opened.add(mark);
    top().children.push(node);
    stack.push({ mark, node });
  };

  for (let i = 0; i < sorted.length - 1; i++) {
    const p = sorted[i];
    // Close every mark that ends here; inner marks that go on are reopened as new fragments.
    const reopen = [];
    let k = stack.findIndex((s) => s.mark.end <= p);
    if (k >= 0) {
      for (const s of stack.splice(k)) {
        s.node.end = p;
        if (s.mark.end <= p) s.node.last = true;
        else reopen.push(s.mark);
      }
    }
    const starting = [];
    while (next < inRange.length && Math.max(inRange[next].start, from) <= p) starting.push(inRange[next++]);
    // A mark of an outer rank opening inside inner ones (a source starting inside a name): the
    // inner ones are closed here and reopened inside it.
    if (starting.length) {
      const outerRank = Math.min(...starting.map((m) => m.rank));
      const j = stack.findIndex((s) => s.mark.rank > outerRank);
      if (j >= 0) for (const s of stack.splice(j)) { s.node.end = p; reopen.push(s.mark); }
    }
    for (const m of [...reopen, ...starting].sort(compareNesting)) open(m, p);
    top().children.push({ type: 'text', start: p, end: sorted[i + 1] });
  }
  for (const s of stack) {
    s.node.end = to;
    s.node.last = s.mark.end <= to;
  }
  return root.children;
}

// Blocks of the highlighted text: one per line, each [start, end) including its line break(s), so
// that the blocks put together are exactly the text.
export function splitBlocks(text) {
  const blocks = [];
  const re = /\n+/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    blocks.push({ start, end: m.index + m[0].length });
    start = m.index + m[0].length;
  }
  if (start < text.length || blocks.length === 0) blocks.push({ start, end: text.length });
  return blocks;
}
