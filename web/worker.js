// The analysis worker (a module Worker): loads the engine from the isnad package that build-web.mjs
// places beside the page (isnad/wasm/index.js, isnad/wasm/dist/, isnad/models/) and analyzes the
// texts the page sends, off the main thread.
import { createAnalyzer } from './isnad/wasm/index.js';

const analyzerPromise = createAnalyzer();

analyzerPromise.then(
  (analyzer) => self.postMessage({ type: 'ready', version: analyzer.version }),
  (error) => self.postMessage({ type: 'load-error', message: String((error && error.message) || error) }),
);

self.addEventListener('message', async (event) => {
  const msg = event.data;
  if (!msg || msg.type !== 'analyze') return;
  let analyzer;
  try {
    analyzer = await analyzerPromise;
  } catch {
    return; // the page has been told (load-error)
  }
  try {
    const options = msg.documentDate ? { documentDate: msg.documentDate } : {};
    const t0 = performance.now();
    const result = analyzer.analyze(String(msg.text), options);
    const ms = performance.now() - t0;
    self.postMessage({ type: 'result', id: msg.id, result, ms });
  } catch (error) {
    self.postMessage({ type: 'analyze-error', id: msg.id, message: String((error && error.message) || error) });
  }
});
