// Long texts are analyzed in paragraph chunks so that the worker can report progress and drop a
// stale request between chunks. Pure functions, used by worker.js and tested in Node.
//
// The worker sends each chunk's result as soon as it is ready and the page merges them, so no single
// message is big enough to stall the page while it is read.
//
// Chunks never cut a paragraph unless a paragraph alone is longer than the chunk size; then it is
// cut after a sentence end, else at a space. Sentences do not cross paragraphs in the engine, so
// below the size limit nothing but cross-chunk clusters can differ from a whole-text analysis, and
// mergeResults() joins clusters of the same type and name.

// Texts up to this length (about 7,000 words) are analyzed in one call, exactly as the npm API
// does; longer ones in chunks of about CHUNK_CHARS.
export const WHOLE_TEXT_CHARS = 40000;
export const CHUNK_CHARS = 20000;

function isHighSurrogate(code) {
  return code >= 0xd800 && code <= 0xdbff;
}

// A cut at or before `limit` (and after `from`) inside one long paragraph.
function cutInside(text, from, limit) {
  const window = text.slice(from, limit);
  const sentenceEnd = Math.max(window.lastIndexOf('. '), window.lastIndexOf('؟ '), window.lastIndexOf('! '));
  if (sentenceEnd > window.length / 2) return from + sentenceEnd + 2;
  const space = window.lastIndexOf(' ');
  if (space > window.length / 2) return from + space + 1;
  let cut = limit;
  if (isHighSurrogate(text.charCodeAt(cut - 1))) cut--; // never split a surrogate pair
  return cut;
}

// [{ start, end }] covering the text without gaps, each ending after a line break where possible.
export function splitIntoChunks(text, maxChars = CHUNK_CHARS) {
  const chunks = [];
  let start = 0;
  while (start < text.length) {
    if (text.length - start <= maxChars) {
      chunks.push({ start, end: text.length });
      break;
    }
    const limit = start + maxChars;
    let end = text.lastIndexOf('\n', limit - 1) + 1; // just after the last line break before the limit
    if (end <= start) end = cutInside(text, start, limit);
    while (end < text.length && text[end] === '\n') end++; // blank lines stay with the chunk before
    chunks.push({ start, end });
    start = end;
  }
  return chunks;
}

// Moves a span (an object with start and end) by `by`, in place.
function shiftInPlace(span, by) {
  if (span) {
    span.start += by;
    span.end += by;
  }
  return span;
}

// One result for the whole text from the results of its chunks ([{ start, result }], in order):
// offsets shifted back into the whole text, ids renumbered (T, C, E, A), references remapped, and
// clusters of the same type and name joined across chunks. The chunk results are consumed: their
// records are moved into the merged result and changed in place (a 50,000-word text has some
// 70,000 tokens, and copying them would cost the page a long pause).
export function mergeResults(text, parts) {
  const first = parts[0]?.result || {};
  const merged = {
    schema_version: first.schema_version, engine: first.engine, offsets: first.offsets, text,
    ...(first.document_date ? { document_date: first.document_date } : {}),
    sentences: [], entities: [], clusters: [], events: [], attributions: [], warnings: [],
  };
  const clusterByKey = new Map();
  for (const { start: by, result } of parts) {
    const sentenceBase = merged.sentences.length;
    const entityIds = new Map();
    const clusterIds = new Map();
    const attributionIds = new Map();
    for (const s of result.sentences) merged.sentences.push(shiftInPlace(s, by));
    if (Array.isArray(result.tokens)) {
      merged.tokens ??= [];
      for (const t of result.tokens) {
        shiftInPlace(t, by);
        t.sentence += sentenceBase;
        merged.tokens.push(t);
      }
    } else {
      merged.token_count = (merged.token_count ?? 0) + result.token_count; // analyzed with { tokens: false }
    }
    for (const w of result.warnings) merged.warnings.push(w.start === undefined ? w : shiftInPlace(w, by));
    for (const e of result.entities) {
      const id = `T${merged.entities.length + 1}`;
      entityIds.set(e.id, id);
      e.id = id;
      merged.entities.push(shiftInPlace(e, by));
    }
    for (const c of result.clusters) {
      const key = `${c.type}\u0000${c.name}`;
      let target = clusterByKey.get(key);
      if (!target) {
        target = { ...c, id: `C${merged.clusters.length + 1}`, mentions: [] };
        merged.clusters.push(target);
        clusterByKey.set(key, target);
      }
      clusterIds.set(c.id, target.id);
      for (const m of c.mentions) target.mentions.push(entityIds.get(m));
    }
    for (const e of result.entities) if (e.cluster) e.cluster = clusterIds.get(e.cluster);
    result.attributions.forEach((a, i) => attributionIds.set(a.id, `A${merged.attributions.length + i + 1}`));
    for (const a of result.attributions) {
      a.id = attributionIds.get(a.id);
      shiftInPlace(a.cue, by);
      shiftInPlace(a.source, by);
      for (const v of a.via) shiftInPlace(v, by);
      shiftInPlace(a.content, by);
      a.source_entity = a.source_entity ? clusterIds.get(a.source_entity) : null;
      a.attributed_to = a.attributed_to ? attributionIds.get(a.attributed_to) : null;
      merged.attributions.push(a);
    }
    for (const e of result.events) {
      e.id = `E${merged.events.length + 1}`;
      shiftInPlace(e.trigger, by);
      for (const arg of e.arguments) {
        shiftInPlace(arg, by);
        arg.entity = arg.entity ? entityIds.get(arg.entity) : null;
      }
      e.attributed_to = e.attributed_to ? attributionIds.get(e.attributed_to) : null;
      merged.events.push(e);
    }
  }
  return merged;
}
