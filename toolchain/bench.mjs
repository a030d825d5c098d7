// Throughput on a fixed corpus: the seed articles plus the ANERcorp test text (from
// $ISNAD_SHARED, never copied into the project). Prints one JSON object:
//   native          the CLI's `isnad bench`: the whole pipeline, single thread, best of N runs,
//                   without and with writing the JSON result
//   icu_word_break  ICU word breaking alone over the same bytes (the floor later issues compare to)
//   wasm_node       the npm package in this Node process (analyze() returns a JS object, so it
//                   includes the JSON and its parse), same texts, best of N runs
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const root = process.env.ISNAD_ROOT ?? new URL('..', import.meta.url).pathname;
const shared = process.env.ISNAD_SHARED ?? join(root, '..', 'shared');
const repeat = Number(process.argv[2] ?? 5);

if (!existsSync(join(shared, 'data'))) {
  console.log(JSON.stringify({ skipped: `no corpus: ${shared}/data is absent (set ISNAD_SHARED)` }));
  process.exit(0);
}

// The corpus as plain text files: each seed article, and the ANERcorp test half with its tokens
// joined by spaces and its sentences by newlines.
const corpusDir = join(root, 'build', 'bench', 'corpus');
mkdirSync(corpusDir, { recursive: true });
const files = [];
const seeds = join(shared, 'data', 'seeds');
for (const name of readdirSync(seeds).filter((n) => n.endsWith('.txt')).sort()) {
  files.push(join(seeds, name));
}
const conll = readFileSync(join(shared, 'data', 'anercorp', 'ANERcorp_test.conll'), 'utf8');
const sentences = conll.split(/\n\s*\n/).map((block) =>
  block.split('\n').map((line) => line.split(/\s+/)[0]).filter(Boolean).join(' '));
const anercorpText = join(corpusDir, 'anercorp-test.txt');
writeFileSync(anercorpText, sentences.filter(Boolean).join('\n') + '\n');
files.push(anercorpText);
const texts = files.map((f) => readFileSync(f, 'utf8'));

const native = JSON.parse(execFileSync(join(root, 'build', 'native', 'isnad'),
  ['bench', '--repeat', String(repeat), ...files], { encoding: 'utf8' }));

const { createAnalyzer } = await import(join(root, 'wasm', 'index.js'));
const analyzer = await createAnalyzer();
let tokens = 0;
for (const text of texts) tokens += analyzer.analyze(text).tokens.length;
let best = Infinity;
for (let i = 0; i < repeat; i++) {
  const start = performance.now();
  for (const text of texts) analyzer.analyze(text);
  best = Math.min(best, (performance.now() - start) / 1000);
}
analyzer.dispose();

const wasmTps = tokens / best;
console.log(JSON.stringify({
  corpus: { files: files.length, bytes: native.bytes, tokens: native.tokens },
  native: {
    tokens_per_second: Math.round(native.engine.tokens_per_second),
    seconds: native.engine.seconds,
    with_json_tokens_per_second: Math.round(native.engine_with_json.tokens_per_second),
  },
  icu_word_break: { tokens_per_second: Math.round(native.icu_word_break.tokens_per_second), seconds: native.icu_word_break.seconds },
  native_to_icu_ratio: Number(native.engine_to_icu_ratio.toFixed(3)),
  wasm_node: {
    tokens_per_second: Math.round(wasmTps),
    seconds: best,
    tokens,
    ratio_to_native_with_json: Number((wasmTps / native.engine_with_json.tokens_per_second).toFixed(3)),
    ratio_to_native: Number((wasmTps / native.engine.tokens_per_second).toFixed(3)),
  },
  repeat,
}, null, 1));
