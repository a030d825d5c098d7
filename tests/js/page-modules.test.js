// The page's pure modules (web/*.js without DOM): CSV and summary exports, claim grouping, the
// chunked analysis of long texts, and the nesting of overlapping marks.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { ENTRY_URL } from './helpers.js';
import { eventsFixture } from '../fixtures/events-result.js';
import { csvField, CSV_COLUMNS, toCsv, toJson } from '../../web/export.js';
import { groupClaimsBySource, sourcesSummaryText, summaryLine } from '../../web/sources.js';
import { mergeResults, splitIntoChunks } from '../../web/chunks.js';
import { collectMarks, nestMarks, splitBlocks } from '../../web/spans.js';
import { relayChain } from '../../web/describe.js';
import { SAMPLES } from '../../web/samples.js';

const { createAnalyzer } = await import(ENTRY_URL);

// A minimal RFC 4180 reader, to check what a spreadsheet would see.
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; } else field += c;
  }
  return rows;
}

test('csvField quotes commas, quotes and line breaks, and defuses formulas', () => {
  assert.equal(csvField('نص عادي'), 'نص عادي');
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('قال “نعم” و"لا"'), '"قال “نعم” و""لا"""');
  assert.equal(csvField('line\nbreak'), '"line\nbreak"');
  assert.equal(csvField('=HYPERLINK("x")'), '"\'=HYPERLINK(""x"")"');
  assert.equal(csvField('@cmd'), "'@cmd");
  assert.equal(csvField(null), '');
  assert.equal(csvField(0), '0');
});

test('the CSV has one row per attribution and per event, in text order, with the event fields', () => {
  const r = eventsFixture();
  const csv = toCsv(r);
  assert.ok(csv.startsWith('\uFEFF'), 'a BOM for spreadsheets');
  const rows = parseCsv(csv.slice(1));
  assert.deepEqual(rows[0], CSV_COLUMNS);
  const records = rows.slice(1).map((cells) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, cells[i]])));
  assert.equal(records.length, r.attributions.length + r.events.length);
  assert.deepEqual(records.map((x) => x.id), ['E1', 'A1', 'E2', 'E3', 'A2', 'E4']);
  const denied = records.find((x) => x.id === 'E2');
  assert.equal(denied.record, 'event');
  assert.equal(denied.modality, 'denied');
  assert.equal(denied.agent, 'كتائب الفجر');
  assert.equal(denied.attributed_to, 'A1');
  assert.equal(denied.claim_source, 'كتائب الفجر');
  const negated = records.find((x) => x.id === 'E4');
  assert.equal(negated.polarity, 'negative');
  assert.equal(negated.target, 'أي متظاهر');
  const a2 = records.find((x) => x.id === 'A2');
  assert.equal(a2.record, 'attribution');
  assert.equal(a2.type, 'STATE');
  assert.equal(a2.source_kind, 'OFFICIAL');
  assert.equal(a2.text, r.text.slice(Number(a2.start), Number(a2.end)));
});

test('toJson is the engine schema unchanged', () => {
  const r = eventsFixture();
  assert.deepEqual(JSON.parse(toJson(r)), r);
});

test('relay chains run from the source to the outlet the article cites', () => {
  const a = { source: { text: 'مصادر' }, via: [{ text: 'وكالة أ' }, { text: 'صحيفة ب' }] };
  assert.deepEqual(relayChain(a), ['مصادر', 'صحيفة ب', 'وكالة أ']);
  assert.deepEqual(relayChain({ source: null, via: [] }), ['(unnamed)']);
});

test('the sources summary counts claims by kind like the CLI, and groups them by source', async () => {
  const analyzer = await createAnalyzer();
  const sample = SAMPLES.find((s) => s.id === 'drone');
  const r = analyzer.analyze(sample.text, { documentDate: sample.date });
  analyzer.dispose();
  assert.ok(r.attributions.length >= 4, `claims: ${r.attributions.length}`);
  const line = summaryLine(r);
  assert.match(line, /^\d+ claims: \d+ anonymous, \d+ officials, \d+ media, \d+ named/);
  const kinds = r.attributions.map((a) => a.source_kind);
  assert.ok(kinds.includes('ANONYMOUS'), `an anonymous source in the sample (${kinds})`);
  assert.ok(r.attributions.some((a) => a.via.length > 0), 'a relayed claim in the sample');
  const groups = groupClaimsBySource(r);
  assert.equal(groups.reduce((n, g) => n + g.claims.length, 0), r.attributions.length);
  const text = sourcesSummaryText(r);
  assert.ok(text.startsWith(`Sources: ${line}\n`));
  for (const a of r.attributions) assert.ok(text.includes(` ${a.id} ${a.act} `), `${a.id} is in the summary`);
  assert.match(text, /\[anonymous\]/);
  assert.equal(summaryLine({ attributions: [] }), '0 claims');
});

test('every sample shows entities, attributions with anonymous and named sources, and a relay', async () => {
  const analyzer = await createAnalyzer();
  for (const s of SAMPLES) {
    const r = analyzer.analyze(s.text, { documentDate: s.date });
    assert.ok(r.entities.length >= 5, `${s.id}: entities ${r.entities.length}`);
    assert.ok(r.attributions.length >= 3, `${s.id}: claims ${r.attributions.length}`);
  }
  analyzer.dispose();
});

test('splitIntoChunks covers the text without gaps and cuts after line breaks', () => {
  const para = 'قال المتحدث إن الاجتماع انتهى. '.repeat(20).trim();
  const text = Array.from({ length: 30 }, () => para).join('\n\n');
  const chunks = splitIntoChunks(text, 2000);
  assert.ok(chunks.length > 3);
  assert.equal(chunks[0].start, 0);
  assert.equal(chunks.at(-1).end, text.length);
  for (let i = 1; i < chunks.length; i++) {
    assert.equal(chunks[i].start, chunks[i - 1].end);
    assert.equal(text[chunks[i].start - 1], '\n', 'a chunk ends after a line break');
    assert.ok(chunks[i - 1].end - chunks[i - 1].start <= 2002);
  }
  // One paragraph longer than the chunk size is cut after a sentence end; surrogates stay whole.
  const long = `${'😀'.repeat(3000)}`;
  const cuts = splitIntoChunks(long, 1001);
  for (const c of cuts) assert.ok(!(long.charCodeAt(c.end - 1) >= 0xd800 && long.charCodeAt(c.end - 1) <= 0xdbff));
  const one = splitIntoChunks(para.repeat(5), 1000);
  for (const c of one.slice(0, -1)) assert.ok(para.repeat(5).slice(c.start, c.end).endsWith('. '));
});

test('mergeResults gives the whole-text analysis back from chunk analyses', async () => {
  const analyzer = await createAnalyzer();
  const text = SAMPLES.map((s) => s.text).join('\n\n');
  const whole = analyzer.analyze(text);
  const parts = splitIntoChunks(text, 400).map((c) => ({ start: c.start, result: analyzer.analyze(text.slice(c.start, c.end)) }));
  assert.ok(parts.length > 3);
  const merged = mergeResults(text, parts);
  analyzer.dispose();
  assert.equal(merged.text, text);
  for (const key of ['sentences', 'tokens']) assert.deepEqual(merged[key], whole[key], key);
  const spanKey = (x) => `${x.start}:${x.end}:${x.text}`;
  // Entities and claims found within a paragraph are the same; ids are consecutive.
  assert.deepEqual(merged.entities.map((e) => `${spanKey(e)}:${e.type}`), whole.entities.map((e) => `${spanKey(e)}:${e.type}`));
  merged.entities.forEach((e, i) => assert.equal(e.id, `T${i + 1}`));
  assert.deepEqual(merged.attributions.map((a) => spanKey(a.content)), whole.attributions.map((a) => spanKey(a.content)));
  merged.attributions.forEach((a, i) => {
    assert.equal(a.id, `A${i + 1}`);
    assert.equal(text.slice(a.cue.start, a.cue.end), a.cue.text);
    if (a.source_entity) assert.ok(merged.clusters.some((c) => c.id === a.source_entity));
  });
  // Every cluster mention exists and points back at its cluster; same-name clusters are joined.
  const names = new Set();
  for (const c of merged.clusters) {
    const key = `${c.type}:${c.name}`;
    assert.ok(!names.has(key), `one cluster for ${key}`);
    names.add(key);
    for (const m of c.mentions) assert.equal(merged.entities.find((e) => e.id === m)?.cluster, c.id);
  }
});

test('mergeResults adds up token counts of chunks analyzed without their tokens', async () => {
  const analyzer = await createAnalyzer();
  const text = SAMPLES.map((s) => s.text).join('\n\n');
  const whole = analyzer.analyze(text);
  const chunks = splitIntoChunks(text, 400);
  const parts = chunks.map((c) => ({ start: c.start, result: analyzer.analyze(text.slice(c.start, c.end), { tokens: false }) }));
  const merged = mergeResults(text, parts);
  analyzer.dispose();
  assert.equal(merged.tokens, undefined);
  assert.equal(merged.token_count, whole.tokens.length);
  assert.deepEqual(merged.sentences, whole.sentences);
  assert.deepEqual(merged.entities.map((e) => `${e.start}:${e.end}:${e.type}`), whole.entities.map((e) => `${e.start}:${e.end}:${e.type}`));
});

test('nestMarks nests crossing layers properly and splits only what crosses', () => {
  // content [0, 20) holds an entity [5, 10); a source [8, 14) crosses the entity's end.
  const marks = [
    { start: 0, end: 20, kind: 'content', ref: 'A1', rank: 0 },
    { start: 8, end: 14, kind: 'source', ref: 'A2', rank: 1 },
    { start: 5, end: 10, kind: 'entity', ref: 'T1', rank: 2 },
  ].sort((a, b) => a.start - b.start);
  const tree = nestMarks(marks, 0, 20);
  const flat = [];
  const walk = (nodes, depth) => {
    for (const n of nodes) {
      if (n.type === 'text') flat.push(`${depth}:text ${n.start}-${n.end}`);
      else { flat.push(`${depth}:${n.mark.ref} ${n.start}-${n.end}${n.first ? ' first' : ''}${n.last ? ' last' : ''}`); walk(n.children, depth + 1); }
    }
  };
  walk(tree, 0);
  assert.deepEqual(flat, [
    '0:A1 0-20 first last',
    '1:text 0-5',
    '1:T1 5-8 first',
    '2:text 5-8',
    '1:A2 8-14 first last',
    '2:T1 8-10 last',
    '3:text 8-10',
    '2:text 10-14',
    '1:text 14-20',
  ]);
});

test('collectMarks follows the layers, and blocks put together are the text', () => {
  const r = eventsFixture();
  const all = collectMarks(r);
  assert.ok(all.some((m) => m.kind === 'trigger') && all.some((m) => m.kind === 'content') && all.some((m) => m.kind === 'entity'));
  assert.ok(collectMarks(r, new Set(['events'])).every((m) => m.kind === 'trigger'));
  const text = 'سطر أول\n\nسطر ثان\nأخير';
  assert.equal(splitBlocks(text).map((b) => text.slice(b.start, b.end)).join(''), text);
  assert.deepEqual(splitBlocks(''), [{ start: 0, end: 0 }]);
});

// The built page asks for one module, one stylesheet and one worker script (build-web.mjs bundles
// web/'s modules and stylesheets into them): every module app.js and worker.js reach is inside,
// and only the engine's package is left to import.
test('the built page bundles its modules and stylesheets, and leaves out what the bundles took in', async () => {
  const { mkdtemp, readdir, readFile, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { buildWeb } = await import('../../toolchain/build-web.mjs');
  const out = join(await mkdtemp(join(tmpdir(), 'isnad-web-')), 'web');
  try {
    await buildWeb({ outDir: out });
    assert.deepEqual((await readdir(out)).sort(),
      ['app.js', 'boot.js', 'favicon.svg', 'fonts', 'index.html', 'isnad', 'page.css', 'sw.js', 'worker.js']);
    const html = await readFile(join(out, 'index.html'), 'utf8');
    assert.deepEqual([...html.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((m) => m[1]), ['page.css']);
    assert.deepEqual([...html.matchAll(/<script[^>]* src="([^"]+)"/g)].map((m) => m[1]), ['boot.js', 'app.js']);
    const specifiers = (source) => [...source.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["']([^"']+)["']/g)].map((m) => m[1]);
    const app = await readFile(join(out, 'app.js'), 'utf8');
    assert.deepEqual(specifiers(app), []);
    assert.match(app, /function renderText/, 'render.js is inside app.js');
    const worker = await readFile(join(out, 'worker.js'), 'utf8');
    assert.deepEqual([...new Set(specifiers(worker))].sort(), ['./isnad/wasm/dist/isnad-core.js', './isnad/wasm/index.js']);
    assert.match(worker, /function splitIntoChunks/, 'chunks.js is inside worker.js');
    const css = await readFile(join(out, 'page.css'), 'utf8');
    assert.doesNotMatch(css, /@import/);
    assert.match(css, /@font-face/);
    assert.match(css, /url\(fonts\/noto-naskh-arabic-arabic-400-normal\.woff2\)/);
  } finally {
    await rm(join(out, '..'), { recursive: true, force: true });
  }
});
