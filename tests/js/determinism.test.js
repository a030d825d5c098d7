// Output is deterministic: the same input gives byte-identical JSON natively (the CLI) and in wasm
// (the engine's own JSON string, before the npm wrapper parses it), run after run. Checked on an
// article written for the tests and, when ../shared is present, on the seed articles and on the
// ANERcorp test text (its tokens joined by spaces, its sentences by newlines).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { ARTICLE, REPO_ROOT } from './helpers.js';

const CLI = join(REPO_ROOT, 'build', 'native', 'isnad');
const SHARED = process.env.ISNAD_SHARED ?? join(REPO_ROOT, '..', 'shared');
const { default: createIsnadCore } = await import(join(REPO_ROOT, 'wasm', 'dist', 'isnad-core.js'));

async function rawWasmEngine() {
  const core = await createIsnadCore({
    wasmBinary: readFileSync(join(REPO_ROOT, 'wasm', 'dist', 'isnad-core.wasm')),
    print: () => {},
    printErr: () => {},
  });
  const engine = new core.Engine();
  const loaded = JSON.parse(engine.load(readFileSync(join(REPO_ROOT, 'models', 'isnad.model'))));
  assert.ok(!loaded.error, JSON.stringify(loaded));
  return engine;
}

function nativeJson(text) {
  const out = execFileSync(CLI, ['analyze'], { input: text, encoding: 'utf8', maxBuffer: 1 << 30 });
  assert.ok(out.endsWith('\n'));
  return out.slice(0, -1);
}

function anercorpTestText() {
  const lines = readFileSync(join(SHARED, 'data', 'anercorp', 'ANERcorp_test.conll'), 'utf8').split('\n');
  const sentences = [];
  let words = [];
  for (const line of lines) {
    if (line.trim() === '') {
      if (words.length) sentences.push(words.join(' '));
      words = [];
    } else {
      words.push(line.split(/\s+/)[0]);
    }
  }
  if (words.length) sentences.push(words.join(' '));
  return sentences.join('\n');
}

function texts(t) {
  const out = [['article', `${ARTICLE}\nقال: «نعم 😀» و"لا".`]];
  const seeds = join(SHARED, 'data', 'seeds');
  if (!existsSync(seeds)) {
    t.diagnostic(`${SHARED}/data is absent: only the project's own article is checked`);
    return out;
  }
  for (const name of readdirSync(seeds).filter((n) => n.endsWith('.txt')).sort()) {
    out.push([name, readFileSync(join(seeds, name), 'utf8')]);
  }
  out.push(['ANERcorp test', anercorpTestText()]);
  return out;
}

test('native and wasm JSON are byte-identical, run after run', async (t) => {
  const engine = await rawWasmEngine();
  for (const [name, text] of texts(t)) {
    const native = nativeJson(text);
    const wasm = engine.analyze(text, '{}');
    assert.ok(native === wasm, `${name}: native and wasm JSON differ (${native.length} vs ${wasm.length} bytes)`);
    assert.ok(engine.analyze(text, '{}') === wasm, `${name}: a second wasm run differs`);
    assert.ok(nativeJson(text) === native, `${name}: a second native run differs`);
    assert.ok(JSON.parse(native).tokens.length > 0, `${name}: analyzed`);
  }
  engine.delete();
});
