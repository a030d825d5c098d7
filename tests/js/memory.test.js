// wasm memory: a long run of analyses leaves the heap flat, and dispose() gives back everything
// an analyzer took. Measured with the engine's own malloc statistics (analyzer.memory()).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { ARTICLE, ENTRY_URL } from './helpers.js';

const { createAnalyzer } = await import(ENTRY_URL);

const RUNS = 10000;
const ALLOWED_GROWTH = 64 * 1024;  // bytes: a few cached entries at most, never per-call growth

test(`${RUNS} analyses in a loop leave the heap flat`, async () => {
  const analyzer = await createAnalyzer();
  const texts = [ARTICLE, 'قال مسؤول إن الوفد وصل. 😀', '', 'نص \uD800 مكسور'];
  for (let i = 0; i < 100; i++) analyzer.analyze(texts[i % texts.length]);  // warm-up: caches filled
  const before = analyzer.memory();
  for (let i = 0; i < RUNS; i++) analyzer.analyze(texts[i % texts.length]);
  const after = analyzer.memory();
  assert.ok(after.inUseBytes - before.inUseBytes <= ALLOWED_GROWTH,
    `allocated bytes grew from ${before.inUseBytes} to ${after.inUseBytes}`);
  assert.equal(after.heapBytes, before.heapBytes, 'the wasm heap did not grow');
  analyzer.dispose();
});

test('dispose() frees everything the analyzer allocated', async () => {
  const probe = await createAnalyzer();
  probe.analyze(ARTICLE);
  const baseline = probe.memory().inUseBytes;
  for (let round = 0; round < 5; round++) {
    const analyzer = await createAnalyzer();
    for (let i = 0; i < 20; i++) analyzer.analyze(ARTICLE);
    assert.ok(analyzer.memory().inUseBytes > baseline, 'a loaded analyzer holds memory');
    analyzer.dispose();
  }
  const after = probe.memory().inUseBytes;
  assert.ok(Math.abs(after - baseline) <= 4096, `allocated bytes went from ${baseline} to ${after}`);
  probe.dispose();
});
