// The figures in headless Chromium (Debian's, through playwright-core), on the built page
// (build/web) served by toolchain/serve.mjs on a free port:
//   cold_start  navigation → the page's `isnad-ready` performance mark (web/app.js: set when the
//               worker reports the engine loaded: fetch + compile of the wasm, model load), each
//               load in a new browser context with the cache disabled and service workers blocked;
//               with the medians of DOMContentLoaded, the worker's start, the moment the worker
//               had downloaded the wasm and the model, and the page's isnad-compiled and
//               isnad-modelLoaded marks (web/app.js: the wasm compiled and instantiated, the model
//               loaded into the engine, as the worker timed them);
//   cold_start_floor  the same measure on a page that holds nothing but a module Worker whose
//               first line reports ready (no engine, no styles, no modules): what a new context,
//               the navigation and a worker's start cost on this machine before any of our work;
//   article     one 1,000-word article through the page's worker path (a Worker on ./worker.js,
//               exactly the page's: postMessage → 'result'), after warm-up runs;
//   throughput  the npm API (isnad/wasm/index.js) on the page's main thread over the corpus texts,
//               best of `repeat` passes, like wasm_node.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium } from 'playwright-core';

import { startServer } from '../serve.mjs';

export const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) => Number(x.toFixed(1));

async function coldLoad(browser, url) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.goto(url);
    const handle = await page.waitForFunction(() => {
      const ready = performance.getEntriesByName('isnad-ready')[0];
      const nav = performance.getEntriesByType('navigation')[0];
      const mark = (name) => performance.getEntriesByName(name)[0]?.startTime;
      return ready && {
        ready: ready.startTime,
        domContentLoaded: nav.domContentLoadedEventEnd,
        compiled: mark('isnad-compiled'),
        modelLoaded: mark('isnad-modelLoaded'),
      };
    }, null, { timeout: 60000, polling: 10 });
    const times = await handle.jsonValue();
    // The breakdown: when the page started its worker, and when the wasm and the model had arrived
    // (resource timing of the page, web/boot.js, and of the worker, whichever fetched them), both
    // from navigation start.
    const pageFiles = await page.evaluate(() => ({
      origin: performance.timeOrigin,
      downloaded: Math.max(...performance.getEntriesByType('resource')
        .filter((e) => /\.(wasm|model)$/.test(e.name)).map((e) => e.responseEnd)),
    }));
    times.engineDownloaded = pageFiles.downloaded;
    const worker = page.workers()[0];
    if (worker) {
      const w = await worker.evaluate(() => ({
        origin: performance.timeOrigin,
        downloaded: Math.max(...performance.getEntriesByType('resource')
          .filter((e) => /\.(wasm|model)$/.test(e.name)).map((e) => e.responseEnd)),
      }));
      times.workerStarted = w.origin - pageFiles.origin;
      times.engineDownloaded = Math.max(times.engineDownloaded, times.workerStarted + w.downloaded);
    }
    return times;
  } finally {
    await context.close();
  }
}

async function coldStart(browser, url, loads) {
  const runs = [];
  for (let i = 0; i < loads; i++) runs.push(await coldLoad(browser, url));
  return {
    loads,
    ready_ms: ms(median(runs.map((r) => r.ready))),
    dom_content_loaded_ms: ms(median(runs.map((r) => r.domContentLoaded))),
    worker_started_ms: ms(median(runs.map((r) => r.workerStarted ?? NaN))),
    engine_downloaded_ms: ms(median(runs.map((r) => r.engineDownloaded ?? NaN))),
    compiled_ms: ms(median(runs.map((r) => r.compiled ?? NaN))),
    model_loaded_ms: ms(median(runs.map((r) => r.modelLoaded ?? NaN))),
    ready_ms_each: runs.map((r) => ms(r.ready)),
  };
}

// The floor page: the page's isnad-ready mark, set when a worker that does nothing has started.
const FLOOR_PAGE = {
  'index.html': '<!doctype html><html><head><meta charset="utf-8"><script src="boot.js"></script></head><body></body></html>\n',
  'boot.js': "new Worker(new URL('worker.js', document.currentScript.src), { type: 'module' })" +
    ".onmessage = () => performance.mark('isnad-ready');\n",
  'worker.js': 'postMessage({ type: \'ready\' });\n',
};

async function coldStartFloor(browser, loads) {
  const root = mkdtempSync(join(tmpdir(), 'isnad-floor-'));
  const server = await startServer({ root, port: 0 });
  try {
    for (const [name, text] of Object.entries(FLOOR_PAGE)) writeFileSync(join(root, name), text);
    const { ready_ms, ready_ms_each } = await coldStart(browser, server.url, loads);
    return { loads, ready_ms, ready_ms_each };
  } finally {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  }
}

// Runs in the page: a second Worker on the page's own worker.js, the article sent `warmup + runs`
// times; `ms` is the worker's own figure (analyze() in the worker), round trip adds the messages.
async function articleInPage({ text, runs, warmup }) {
  const worker = new Worker(new URL('./worker.js', location.href), { type: 'module' });
  const next = (accept) => new Promise((resolve) => {
    worker.addEventListener('message', function on(event) {
      if (!accept(event.data)) return;
      worker.removeEventListener('message', on);
      resolve(event.data);
    });
  });
  const loaded = await next((m) => m.type === 'ready' || m.type === 'load-error');
  if (loaded.type !== 'ready') throw new Error(`worker: ${loaded.message}`);
  const workerMs = [];
  const roundTripMs = [];
  let tokens = 0;
  for (let i = 0; i < warmup + runs; i++) {
    const id = i + 1;
    const answer = next((m) => m.id === id && (m.type === 'result' || m.type === 'analyze-error'));
    const start = performance.now();
    worker.postMessage({ type: 'analyze', id, text });
    const msg = await answer;
    const roundTrip = performance.now() - start;
    if (msg.type !== 'result') throw new Error(`worker: ${msg.message}`);
    tokens = msg.result.token_count ?? msg.result.tokens.length;  // the worker asks for no token list
    if (i >= warmup) {
      workerMs.push(msg.ms);
      roundTripMs.push(roundTrip);
    }
  }
  worker.terminate();
  return { workerMs, roundTripMs, tokens };
}

// Runs in the page: the npm API on the main thread, best of `repeat` passes over the texts.
async function throughputInPage({ texts, repeat }) {
  const { createAnalyzer } = await import(new URL('./isnad/wasm/index.js', location.href).href);
  const analyzer = await createAnalyzer();
  let tokens = 0;
  for (const text of texts) tokens += analyzer.analyze(text).tokens.length;
  let best = Infinity;
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    for (const text of texts) analyzer.analyze(text);
    best = Math.min(best, performance.now() - start);
  }
  analyzer.dispose();
  return { tokens, seconds: best / 1000 };
}

export async function runChromium({ webRoot, executablePath, article, texts, repeat, coldLoads = 7, articleRuns = 21 }) {
  const server = await startServer({ root: webRoot, port: 0 });
  let browser;
  try {
    browser = await chromium.launch({ executablePath, args: LAUNCH_ARGS, timeout: 60000 });
    const out = { browser: `Chromium ${browser.version()}` };
    out.cold_start = await coldStart(browser, server.url, coldLoads);
    out.cold_start_floor = await coldStartFloor(browser, coldLoads);

    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => performance.getEntriesByName('isnad-ready').length > 0, null, { timeout: 60000 });

    const a = await page.evaluate(articleInPage, { text: article.text, runs: articleRuns, warmup: 3 });
    out.article = {
      words: article.words,
      chars: article.chars,
      tokens: a.tokens,
      runs: articleRuns,
      worker_ms: ms(median(a.workerMs)),
      round_trip_ms: ms(median(a.roundTripMs)),
    };
    if (texts) {
      const t = await page.evaluate(throughputInPage, { texts, repeat });
      out.throughput = { tokens_per_second: Math.round(t.tokens / t.seconds), seconds: t.seconds, tokens: t.tokens };
    }
    await context.close();
    return out;
  } finally {
    await browser?.close();
    await server.close();
  }
}
