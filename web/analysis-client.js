// The page's side of the analysis worker (worker.js): takes it over from boot.js (which started it
// from the page's <head>, with the messages it has sent so far) or starts it, sends texts, and
// reports back through callbacks. Only the latest request is answered; older results are dropped.
// A long text's chunk results ('part' messages) are collected and merged here (chunks.js
// mergeResults).
//
//   const client = startAnalysisClient({ onReady, onProgress, onResult, onError, onFailed });
//   client.analyze(text, documentDate);
import { mergeResults } from './chunks.js';

export function startAnalysisClient({ onReady, onProgress, onResult, onError, onFailed }) {
  let worker = null;
  let ready = false;
  let failed = false;
  let nextId = 1;
  let latestId = 0;
  let pending = null; // a request made before the engine was ready
  let latestText = '';
  let parts = []; // the chunk results of the latest request, in order

  function fail(detail) {
    if (failed) return;
    failed = true;
    ready = false;
    onFailed(detail);
  }

  const boot = globalThis.isnadBoot?.take() ?? null;
  try {
    if (boot?.error) throw boot.error;
    worker = boot?.worker ?? new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'isnad' });
  } catch (e) {
    fail(`This browser could not start the analysis worker (${e.message}).`);
    return { analyze() {}, get ready() { return false; } };
  }

  function onMessage(event) {
    const msg = event.data;
    switch (msg.type) {
      case 'ready':
        ready = true;
        onReady(msg.version, msg.timings || {});
        if (pending) {
          worker.postMessage(pending);
          pending = null;
        }
        break;
      case 'load-error':
        fail(`(${msg.message})`);
        break;
      case 'progress':
        if (msg.id === latestId) onProgress(msg.done, msg.total);
        break;
      case 'part':
        if (msg.id !== latestId) break;
        parts.push({ start: msg.start, result: msg.result });
        onProgress(msg.done, msg.total);
        break;
      case 'result': {
        if (msg.id !== latestId) break;
        const result = msg.result || mergeResults(latestText, parts);
        parts = [];
        onResult(result, { ms: msg.ms, chunks: msg.chunks });
        break;
      }
      case 'analyze-error':
        if (msg.id === latestId) onError(msg.message);
        break;
      default:
        break;
    }
  }
  function onError(event) {
    event.preventDefault();
    fail(event.message ? `(${event.message})` : '(the worker script could not be loaded)');
  }
  function onMessageError() {
    fail('(a message from the worker could not be read)');
  }
  const handlers = { message: onMessage, error: onError, messageerror: onMessageError };
  for (const [type, handler] of Object.entries(handlers)) worker.addEventListener(type, handler);
  for (const event of boot?.events ?? []) handlers[event.type](event);

  return {
    // Returns false when the engine has failed (nothing will be analyzed).
    analyze(text, documentDate) {
      if (failed) return false;
      const request = { type: 'analyze', id: nextId++, text, documentDate: documentDate || undefined };
      latestId = request.id;
      latestText = request.text;
      parts = [];
      if (ready) worker.postMessage(request);
      else pending = request;
      return true;
    },
    get ready() { return ready; },
  };
}
