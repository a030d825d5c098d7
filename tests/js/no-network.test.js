// The npm package under Node loads its wasm and its model from its own files: with fetch() gone,
// a fresh copy of the module (its own default core and model) still loads and analyzes.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { ARTICLE, ENTRY_URL } from './helpers.js';

test('createAnalyzer never calls fetch() under Node', async () => {
  const realFetch = globalThis.fetch;
  const calls = [];
  globalThis.fetch = (url) => {
    calls.push(String(url));
    return Promise.reject(new Error('no network in this test'));
  };
  try {
    const { createAnalyzer } = await import(`${ENTRY_URL.href}?no-network`);
    const analyzer = await createAnalyzer();
    assert.ok(analyzer.analyze(ARTICLE).tokens.length > 0);
    analyzer.dispose();
  } finally {
    globalThis.fetch = realFetch;
  }
  assert.deepEqual(calls, []);
});
