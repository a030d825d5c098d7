// Shared checks for the npm API tests: the invariants every analysis result must hold.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const ENTRY_URL = new URL('../../wasm/index.js', import.meta.url);

export const TOKEN_KINDS = ['word', 'number', 'punctuation', 'quote_open', 'quote_close', 'symbol'];

// A news-style article written for these tests (not taken from the shared data).
export const ARTICLE =
  'أعلنت وزارة الصحة في عمّان، صباح الأحد، افتتاح مستشفى جديد في مدينة الزرقاء. ' +
  'وقال مدير المستشفى إن المبنى يضم 120 سريراً ووحدة للعناية المركزة. ' +
  'وأضاف في مؤتمر صحفي: «سنستقبل أول المرضى مطلع الشهر المقبل». ' +
  'وبحسب بيان الوزارة، بلغت كلفة المشروع نحو 35 مليون دينار؟ ' +
  'ولم تعلّق البلدية على الخبر حتى الآن.';

function checkSpan(text, span, what) {
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: integer offsets`);
  assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length,
    `${what}: [${span.start}, ${span.end}) inside the text (length ${text.length})`);
  assert.equal(span.text, text.slice(span.start, span.end), `${what}: text equals text.slice(start, end)`);
}

// Checks the schema and the offset invariants against the caller's own string.
export function checkResult(result, text, { coverage = true } = {}) {
  assert.equal(typeof result, 'object');
  assert.equal(result.schema_version, 1);
  assert.equal(result.offsets, 'utf16');
  assert.equal(typeof result.engine, 'string');
  assert.equal(result.text, text, 'result.text is the caller\'s string');
  for (const key of ['sentences', 'tokens', 'entities', 'clusters', 'events', 'attributions', 'warnings']) {
    assert.ok(Array.isArray(result[key]), `${key} is an array`);
  }
  let prevEnd = 0;
  result.sentences.forEach((s, i) => {
    checkSpan(text, s, `sentence ${i}`);
    assert.ok(s.start >= prevEnd, `sentence ${i} starts after the previous one ends`);
    assert.ok(s.end > s.start, `sentence ${i} is not empty`);
    prevEnd = s.end;
  });
  prevEnd = 0;
  result.tokens.forEach((t, i) => {
    checkSpan(text, t, `token ${i}`);
    assert.ok(t.end > t.start, `token ${i} is not empty`);
    assert.ok(t.start >= prevEnd, `token ${i} starts after the previous one ends`);
    assert.ok(TOKEN_KINDS.includes(t.kind), `token ${i} kind ${t.kind}`);
    assert.equal(typeof t.norm, 'string', `token ${i} norm`);
    assert.ok(Number.isInteger(t.sentence) && t.sentence >= 0 && t.sentence < result.sentences.length,
      `token ${i} sentence index ${t.sentence}`);
    const s = result.sentences[t.sentence];
    assert.ok(t.start >= s.start && t.end <= s.end, `token ${i} lies inside its sentence`);
    prevEnd = t.end;
  });
  result.warnings.forEach((w, i) => {
    assert.equal(typeof w.code, 'string');
    assert.equal(typeof w.message, 'string');
    if (w.start !== undefined) checkSpan(text, w, `warning ${i} (${w.code})`);
  });
  const ATTRIBUTION_ACTS = ['STATE', 'AFFIRM', 'DENY', 'ANNOUNCE', 'REVEAL', 'REPORT', 'CLAIM', 'WARN', 'ACCUSE', 'BELIEVE'];
  const SOURCE_KINDS = ['PERSON', 'ORG', 'MEDIA', 'OFFICIAL', 'ANONYMOUS', 'DOCUMENT'];
  const clusterIds = new Set(result.clusters.map((c) => c.id));
  result.attributions.forEach((a, i) => {
    assert.equal(a.id, `A${i + 1}`);
    assert.ok(ATTRIBUTION_ACTS.includes(a.act), `attribution ${a.id} act ${a.act}`);
    assert.ok(['direct', 'indirect', 'mixed'].includes(a.mode), `attribution ${a.id} mode ${a.mode}`);
    assert.ok(SOURCE_KINDS.includes(a.source_kind), `attribution ${a.id} source_kind ${a.source_kind}`);
    checkSpan(text, a.cue, `attribution ${a.id} cue`);
    checkSpan(text, a.content, `attribution ${a.id} content`);
    if (a.source !== null) checkSpan(text, a.source, `attribution ${a.id} source`);
    a.via.forEach((v, k) => checkSpan(text, v, `attribution ${a.id} via ${k}`));
    assert.ok(a.source_entity === null || clusterIds.has(a.source_entity), `attribution ${a.id} source_entity`);
    assert.ok(a.attributed_to === null || (a.attributed_to !== a.id &&
      result.attributions.some((b) => b.id === a.attributed_to)), `attribution ${a.id} attributed_to`);
  });
  if (coverage) {
    // Every character that is not whitespace belongs to a token: nothing is dropped.
    const covered = new Uint8Array(text.length);
    for (const t of result.tokens) covered.fill(1, t.start, t.end);
    for (let i = 0; i < text.length; i++) {
      if (!covered[i] && !/\s/.test(text[i])) {
        assert.fail(`character ${i} (U+${text.charCodeAt(i).toString(16).toUpperCase()}) is in no token`);
      }
    }
  }
  // The result is plain data: it survives JSON and structured cloning (postMessage) unchanged.
  assert.deepEqual(JSON.parse(JSON.stringify(result)), result);
  assert.deepEqual(structuredClone(result), result);
}
