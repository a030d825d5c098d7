// isnad: the npm entry. Loads the WebAssembly engine and the model that ship with the package and
// wraps them in a small API:
//
//   import { createAnalyzer } from 'isnad';
//   const analyzer = await createAnalyzer({ documentDate: '2021-02-26' });  // the default date
//   const result = analyzer.analyze('قال المتحدث إن ...');      // or per call: { documentDate }
//   result.tokens[0].text === result.text.slice(result.tokens[0].start, result.tokens[0].end);
//   analyzer.dispose();
//
// Every offset in a result counts UTF-16 code units, i.e. JavaScript string indices into the very
// string that was passed to analyze().
//
// Files are read relative to this module (import.meta.url): from disk under Node, with fetch()
// from the same place this script came from in browsers. Nothing is ever loaded from elsewhere.
//
// Cold start: both fetches start at once; the wasm compiles as it downloads (compileStreaming, for
// the application/wasm type) while the Emscripten glue is imported, and a downloading model is fed
// to the engine section by section as it arrives (model/model_loader.h).

const IS_NODE =
  typeof process === 'object' && process !== null &&
  typeof process.versions === 'object' && process.versions !== null &&
  typeof process.versions.node === 'string';

const now = () => performance.now();

// The literal `new URL('...', import.meta.url)` form lets bundlers (Vite, webpack 5, Rollup
// plugins) find these files and emit them as assets.
function defaultWasmUrl() {
  return new URL('./dist/isnad-core.wasm', import.meta.url);
}
function defaultModelUrl() {
  return new URL('../models/isnad.model', import.meta.url);
}

async function readLocalFile(url, what) {
  // Variable specifiers keep bundlers from pulling Node built-ins into browser builds.
  const fsName = 'node:fs/promises';
  const urlName = 'node:url';
  const [{ readFile }, { fileURLToPath }] = await Promise.all([
    import(/* webpackIgnore: true */ /* @vite-ignore */ fsName),
    import(/* webpackIgnore: true */ /* @vite-ignore */ urlName),
  ]);
  const path = fileURLToPath(url);
  try {
    const buf = await readFile(path);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  } catch (e) {
    throw new Error(`isnad: cannot read the ${what} at ${path}: ${e.message}`, { cause: e });
  }
}

async function fetchOk(url, what, fetchFn = fetch) {
  let response;
  try {
    response = await fetchFn(url, { credentials: 'same-origin' });
  } catch (e) {
    throw new Error(`isnad: cannot fetch the ${what} from ${url}: ${e.message}`, { cause: e });
  }
  if (!response.ok) {
    throw new Error(`isnad: cannot fetch the ${what} from ${url}: HTTP ${response.status}`);
  }
  return response;
}

// A compiled WebAssembly.Module from a URL: streamed while it downloads where the browser can
// (which needs the application/wasm type), else from the bytes.
async function compileUrl(url, fetchFn) {
  const what = 'engine (wasm)';
  if (IS_NODE && url.protocol === 'file:') return WebAssembly.compile(await readLocalFile(url, what));
  const response = await fetchOk(url, what, fetchFn);
  const type = response.headers.get('Content-Type') || '';
  if (typeof WebAssembly.compileStreaming === 'function' && type.split(';')[0].trim() === 'application/wasm') {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

function toBytes(value, name) {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  throw new TypeError(`isnad: options.${name} must be a Uint8Array or an ArrayBuffer`);
}

function toUrl(value, name) {
  if (value instanceof URL) return value;
  if (typeof value === 'string') {
    const base = typeof location === 'object' && location !== null ? location.href : import.meta.url;
    return new URL(value, base);
  }
  throw new TypeError(`isnad: options.${name} must be a URL or a string`);
}

// The default core (the shipped wasm) is instantiated once per realm and shared by all analyzers:
// each analyzer owns its own Engine object inside it. A failed load is not cached.
let defaultCore = null;
let defaultModel = null;

// The Emscripten glue's factory; imported on first use, in parallel with the fetches.
let glue = null;
function importGlue() {
  if (!glue) {
    glue = import('./dist/isnad-core.js').then((m) => m.default);
    glue.catch(() => { glue = null; });
  }
  return glue;
}

// Instantiates the glue around an already compiled module (Emscripten's instantiateWasm hook). The
// glue's own promise never settles when instantiation fails, so that failure rejects here.
async function instantiateCore(modulePromise) {
  const [createIsnadCore, module] = await Promise.all([importGlue(), modulePromise]);
  return new Promise((resolve, reject) => {
    createIsnadCore({
      instantiateWasm(imports, receiveInstance) {
        WebAssembly.instantiate(module, imports).then((instance) => receiveInstance(instance, module), reject);
        return {};
      },
      print: () => {},
      printErr: (line) => console.warn(`isnad: ${line}`),
    }).then(resolve, reject);
  });
}

function getCore(options) {
  if (options.wasmModule !== undefined) {
    return instantiateCore(Promise.resolve(options.wasmModule).then((module) => {
      if (!(module instanceof WebAssembly.Module)) {
        throw new TypeError('isnad: options.wasmModule must be a WebAssembly.Module (or a promise of one)');
      }
      return module;
    }));
  }
  if (options.wasmBinary !== undefined) {
    const bytes = toBytes(options.wasmBinary, 'wasmBinary');
    return instantiateCore(WebAssembly.compile(bytes));
  }
  if (options.wasmUrl !== undefined) {
    return instantiateCore(compileUrl(toUrl(options.wasmUrl, 'wasmUrl'), options.fetch));
  }
  if (!defaultCore) {
    defaultCore = instantiateCore(compileUrl(defaultWasmUrl(), options.fetch));
    defaultCore.catch(() => { defaultCore = null; });
  }
  return defaultCore;
}

// Reads a response's body as it arrives, so the download never waits for the engine: `kept` grows
// chunk by chunk, `wake` (when set) is called at each chunk and at the end, and `all` resolves to
// the whole body once it is in.
function readChunks(response, url) {
  const arriving = { kept: [], done: false, doneAt: 0, error: null, wake: null };
  const reader = response.body.getReader();
  arriving.all = (async () => {
    let size = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        arriving.kept.push(value);
        size += value.length;
        if (arriving.wake) arriving.wake();
      }
    } catch (e) {
      arriving.error = new Error(`isnad: cannot fetch the model from ${url}: ${e.message}`, { cause: e });
    }
    arriving.done = true;
    arriving.doneAt = now();
    if (arriving.wake) arriving.wake();
    if (arriving.error) throw arriving.error;
    const all = new Uint8Array(size);
    let at = 0;
    for (const chunk of arriving.kept) {
      all.set(chunk, at);
      at += chunk.length;
    }
    return all;
  })();
  arriving.all.catch(() => {}); // reported by whoever awaits the model
  return arriving;
}

// The model: { bytes } when they are all in hand (given, read from disk, or the default model
// downloaded earlier), else { arriving, expected } for a download in progress (readChunks), which
// createAnalyzer feeds to the engine while the rest downloads.
function getModel(options) {
  if (options.modelBytes !== undefined) {
    return Promise.resolve({ bytes: toBytes(options.modelBytes, 'modelBytes') });
  }
  const custom = options.modelUrl !== undefined;
  const url = custom ? toUrl(options.modelUrl, 'modelUrl') : defaultModelUrl();
  if (!custom && defaultModel) return defaultModel.then((bytes) => ({ bytes }));
  let source;
  if (IS_NODE && url.protocol === 'file:') {
    source = readLocalFile(url, 'model').then((bytes) => ({ bytes }));
  } else {
    source = fetchOk(url, 'model', options.fetch).then((response) => ({
      arriving: readChunks(response, url),
      expected: Number(response.headers.get('Content-Length')) || 0,
    }));
  }
  if (!custom) {
    defaultModel = source.then((m) => m.bytes || m.arriving.all);
    defaultModel.catch(() => { defaultModel = null; });
  }
  return source;
}

// Loads the model into the engine through its model loader: bytes at hand as one piece, a
// download piece by piece as it arrives (each section is parsed as soon as it is in, while the
// rest downloads). Returns finishLoad()'s JSON.
async function loadModel(core, engine, model, timings) {
  if (model.bytes) {
    engine.beginLoad(model.bytes.length);
    withHeapCopy(core, model.bytes, (address) => engine.appendAt(address, model.bytes.length));
    return engine.finishLoad();
  }
  const { arriving } = model;
  engine.beginLoad(model.expected);
  let next = 0;
  for (;;) {
    while (next < arriving.kept.length) {
      const chunk = arriving.kept[next++];
      withHeapCopy(core, chunk, (address) => engine.appendAt(address, chunk.length));
    }
    if (arriving.done) break;
    await new Promise((resolve) => { arriving.wake = resolve; });
  }
  if (arriving.error) throw arriving.error;
  timings.modelFetched = arriving.doneAt;
  return engine.finishLoad();
}

// Copies `bytes` into a fresh heap buffer (HEAPU8.set: one native copy), calls use(address) and
// frees the buffer. Reads core.HEAPU8 after allocate(), since an allocation may grow the heap.
function withHeapCopy(core, bytes, use) {
  const address = core.allocate(bytes.length);
  if (address === 0) throw new Error('isnad: out of wasm memory');
  try {
    core.HEAPU8.set(bytes, address);
    return use(address);
  } finally {
    core.release(address);
  }
}

function engineError(parsed, prefix) {
  const { code = 'internal', message = 'unknown error' } = parsed.error || {};
  const error = new Error(`${prefix}${message}`);
  error.code = code;
  return error;
}

// Unpaired UTF-16 surrogates cannot be encoded as UTF-8, which is what the engine reads. Each one is
// replaced by U+FFFD, a single code unit too, so every offset stays that of the caller's string.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function findLoneSurrogates(text) {
  if (typeof text.isWellFormed === 'function' && text.isWellFormed()) return [];
  const found = [];
  LONE_SURROGATE.lastIndex = 0;
  for (let m = LONE_SURROGATE.exec(text); m !== null; m = LONE_SURROGATE.exec(text)) {
    found.push(m.index);
  }
  return found;
}

function hex4(unit) {
  return unit.toString(16).toUpperCase().padStart(4, '0');
}

// After a replacement the engine saw U+FFFD where the caller has a surrogate: every `text` that
// comes with a span is taken again from the caller's string.
function restoreSpanTexts(node, original) {
  if (Array.isArray(node)) {
    for (const item of node) restoreSpanTexts(item, original);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  if (Number.isInteger(node.start) && Number.isInteger(node.end) && typeof node.text === 'string') {
    node.text = original.slice(node.start, node.end);
  }
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (value !== null && typeof value === 'object') restoreSpanTexts(value, original);
  }
}

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder();

const registry =
  typeof FinalizationRegistry === 'function'
    ? new FinalizationRegistry((engine) => {
        try { engine.delete(); } catch { /* already gone */ }
      })
    : null;

// A documentDate option: a string (the engine checks YYYY-MM-DD), or undefined / null for none.
function checkDocumentDate(value, where) {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    throw new TypeError(`isnad: ${where}() documentDate must be a string (YYYY-MM-DD)`);
  }
  return value;
}

/**
 * Creates an analyzer. See index.d.ts for the options and the result.
 */
export async function createAnalyzer(options = {}) {
  if (options === null || typeof options !== 'object') {
    throw new TypeError('isnad: createAnalyzer options must be an object');
  }
  const defaultDate = checkDocumentDate(options.documentDate, 'createAnalyzer');
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    throw new TypeError('isnad: options.fetch must be a function');
  }
  const timings = { started: now() };
  const [core, model] = await Promise.all([
    getCore(options).then((c) => { timings.compiled = now(); return c; }),
    getModel(options).then((m) => { if (m.bytes) timings.modelFetched = now(); return m; }),
  ]);

  const engine = new core.Engine();
  let loaded;
  try {
    loaded = JSON.parse(await loadModel(core, engine, model, timings));
    timings.modelLoaded = now();
  } catch (e) {
    engine.delete();
    throw e;
  }
  if (loaded.error) {
    engine.delete();
    throw engineError(loaded, 'isnad: cannot load the model: ');
  }

  const version = core.version();
  let disposed = false;

  const analyzer = {
    version,
    // When each loading step ended, in ms on this realm's performance.now() clock: diagnostics for
    // cold-start measurements (toolchain/bench/chromium.mjs).
    loadTimings: Object.freeze(timings),

    analyze(text, opts = {}) {
      if (disposed) throw new Error('isnad: this analyzer has been disposed');
      if (typeof text !== 'string') {
        throw new TypeError(`isnad: analyze() expects a string, got ${text === null ? 'null' : typeof text}`);
      }
      if (opts === null || typeof opts !== 'object') {
        throw new TypeError('isnad: analyze() options must be an object');
      }
      const engineOptions = {};
      // The call's own documentDate wins; null there means "no date" even with a default.
      const date = opts.documentDate === undefined ? defaultDate : checkDocumentDate(opts.documentDate, 'analyze');
      if (date !== undefined) engineOptions.documentDate = date;
      if (opts.tokens !== undefined) {
        if (typeof opts.tokens !== 'boolean') throw new TypeError('isnad: analyze() tokens must be a boolean');
        if (!opts.tokens) engineOptions.tokens = false;
      }

      const lone = findLoneSurrogates(text);
      const input = lone.length === 0 ? text : text.replace(LONE_SURROGATE, '\uFFFD');

      const bytes = utf8Encoder.encode(input);
      const size = withHeapCopy(core, bytes, (address) => engine.analyzeAt(address, bytes.length, JSON.stringify(engineOptions)));
      const output = engine.output();
      const result = JSON.parse(utf8Decoder.decode(core.HEAPU8.subarray(output, output + size)));
      if (result.error) throw engineError(result, 'isnad: ');

      if (lone.length > 0) {
        restoreSpanTexts(result, text);
        result.text = text;
        if (!Array.isArray(result.warnings)) result.warnings = [];
        for (const i of lone) {
          result.warnings.push({
            code: 'lone_surrogate',
            message: `unpaired UTF-16 surrogate U+${hex4(text.charCodeAt(i))} at offset ${i} was analyzed as U+FFFD`,
            start: i,
            end: i + 1,
            text: text[i],
          });
        }
        result.warnings.sort((a, b) => (a.start ?? -1) - (b.start ?? -1));
      }
      return result;
    },

    // The wasm instance's heap size and the bytes allocated in it. Diagnostics: the instance is
    // shared by the analyzers of one module, and this still answers after dispose().
    memory() {
      return JSON.parse(core.memoryStats());
    },

    dispose() {
      if (disposed) return;
      disposed = true;
      if (registry) registry.unregister(analyzer);
      engine.delete();
    },
  };
  if (registry) registry.register(analyzer, engine, analyzer);
  return analyzer;
}

export default createAnalyzer;
