// The npm package in this Node process: analyze() returns a JS object, so the figure includes the
// JSON the engine writes and its parse. Best of `repeat` passes over the texts.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

export async function openWasmAnalyzer(root) {
  const { createAnalyzer } = await import(pathToFileURL(join(root, 'wasm', 'index.js')).href);
  return createAnalyzer();
}

export function countTokens(analyzer, texts) {
  let tokens = 0;
  for (const text of texts) tokens += analyzer.analyze(text).tokens.length;
  return tokens;
}

export function runWasmNode(analyzer, texts, repeat) {
  const tokens = countTokens(analyzer, texts); // also the warm-up pass
  let best = Infinity;
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    for (const text of texts) analyzer.analyze(text);
    best = Math.min(best, (performance.now() - start) / 1000);
  }
  return { tokens_per_second: Math.round(tokens / best), seconds: best, tokens };
}
