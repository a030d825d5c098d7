// The analysis worker (a module Worker): loads the engine from the isnad package that build-web.mjs
// places beside the page (isnad/wasm/index.js, isnad/wasm/dist/, isnad/models/) and analyzes the
// texts the page sends, off the main thread.
//
// Messages in:  { type: 'analyze', id, text, documentDate? }
// Messages out: { type: 'ready', version, timings } | { type: 'load-error', message }
//               { type: 'progress', id, done: 0, total }            (long texts: before the first chunk)
//               { type: 'part', id, done, total, start, result }   (long texts: one per chunk)
//               { type: 'result', id, result?, ms, chunks }         | { type: 'analyze-error', id, message }
// A short text's result comes whole in 'result'. A long text (over WHOLE_TEXT_CHARS) is analyzed
// in paragraph chunks (chunks.js): each chunk's result comes in a 'part' (which is also the progress
// report, `done` of `total`), and the final 'result' has no `result`: the page merges the parts
// (mergeResults), so no one message is big enough to stall it. Between chunks the worker yields to
// its event loop, so a newer request arriving meanwhile cancels the older one (only the latest id
// is ever answered). `timings`: when the worker started and each loading step ended
// (Analyzer.loadTimings), as performance.timeOrigin + now().
//
// No static imports (they delay the first line): everything is requested at once, most needed
// first: index.js and its glue, then the engine's files (URLs as build-web.mjs lays them out). The
// wasm compiles as it arrives; the model's request goes to createAnalyzer through its fetch option.
const api = import('./isnad/wasm/index.js');
import('./isnad/wasm/dist/isnad-core.js').catch(() => {}); // index.js imports it: reported there
const early = (path) => {
  const url = new URL(path, import.meta.url);
  const response = fetch(url, { credentials: 'same-origin', priority: 'high' });
  response.catch(() => {}); // reported by whoever awaits it
  return { url, response };
};
const wasm = early('./isnad/wasm/dist/isnad-core.wasm');
const model = early('./isnad/models/isnad.model');
// As index.js would compile it, with its words for a failure.
const wasmModule = wasm.response.then(async (r) => {
  if (!r.ok) throw new Error(`isnad: cannot fetch the engine (wasm) from ${wasm.url}: HTTP ${r.status}`);
  return (r.headers.get('Content-Type') || '').startsWith('application/wasm')
    ? WebAssembly.compileStreaming(r)
    : WebAssembly.compile(await r.arrayBuffer());
}, (e) => {
  throw new Error(`isnad: cannot fetch the engine (wasm) from ${wasm.url}: ${e.message}`, { cause: e });
});
wasmModule.catch(() => {}); // reported by createAnalyzer, which awaits it
const fetchEarly = (url, init) => (String(url) === model.url.href ? model.response : fetch(url, init));

const analyzerPromise = api.then(({ createAnalyzer }) => createAnalyzer({ wasmModule, fetch: fetchEarly }));
const chunking = import('./chunks.js');
let latestId = 0;

// Analyzed once right after 'ready', while the reader is still choosing a text: the engine's code
// is compiled on first use (V8 compiles wasm functions lazily) and the Latin spellings' ICU
// transform is built on first need, so this takes the first real analysis's extra time (tens of
// ms) off the reader's path. A request arriving meanwhile waits for it.
const WARM_UP_TEXT = 'قال وزير الخارجية المصري في القاهرة أمس إن الوفد وصل إلى بغداد.';

Promise.all([analyzerPromise, chunking]).then(
  ([analyzer]) => {
    const absolute = {};
    for (const [step, t] of Object.entries(analyzer.loadTimings)) absolute[step] = performance.timeOrigin + t;
    absolute.workerStarted = performance.timeOrigin;
    self.postMessage({ type: 'ready', version: analyzer.version, timings: absolute });
    setTimeout(() => {
      try {
        if (latestId === 0) analyzer.analyze(WARM_UP_TEXT, { tokens: false });
      } catch { /* only a warm-up: a real request reports its own error */ }
    }, 0);
  },
  (error) => self.postMessage({ type: 'load-error', message: String((error && error.message) || error) }),
);

const yieldToEvents = () => new Promise((resolve) => setTimeout(resolve, 0));

async function analyzeInChunks(analyzer, msg, options) {
  const { CHUNK_CHARS, splitIntoChunks } = await chunking;
  const text = String(msg.text);
  const chunks = splitIntoChunks(text, CHUNK_CHARS);
  self.postMessage({ type: 'progress', id: msg.id, done: 0, total: chunks.length });
  for (const [i, chunk] of chunks.entries()) {
    await yieldToEvents();
    if (latestId !== msg.id) return null; // superseded
    const result = analyzer.analyze(text.slice(chunk.start, chunk.end), options);
    self.postMessage({ type: 'part', id: msg.id, done: i + 1, total: chunks.length, start: chunk.start, result });
  }
  return { chunks: chunks.length };
}

self.addEventListener('message', async (event) => {
  const msg = event.data;
  if (!msg || msg.type !== 'analyze') return;
  latestId = msg.id;
  let analyzer;
  let WHOLE_TEXT_CHARS;
  try {
    [analyzer, { WHOLE_TEXT_CHARS }] = await Promise.all([analyzerPromise, chunking]);
  } catch {
    return; // the page has been told (load-error)
  }
  if (latestId !== msg.id) return;
  try {
    // The page shows entities, events and attributions, never the token list: leaving it out
    // makes the result about a third of the size, and the analysis that much faster.
    const options = msg.documentDate ? { documentDate: msg.documentDate, tokens: false } : { tokens: false };
    const text = String(msg.text);
    const t0 = performance.now();
    const done = text.length <= WHOLE_TEXT_CHARS
      ? { result: analyzer.analyze(text, options), chunks: 1 }
      : await analyzeInChunks(analyzer, msg, options);
    if (!done) return;
    self.postMessage({ type: 'result', id: msg.id, ...done, ms: performance.now() - t0 });
  } catch (error) {
    self.postMessage({ type: 'analyze-error', id: msg.id, message: String((error && error.message) || error) });
  }
});
