// The page's first act: starts the analysis worker (worker.js) from the top of <head>, so the
// engine's download, compile and model load run while the page's styles and modules are still
// loading, instead of after all of them (app.js is a module: it runs only once the whole module
// graph has arrived and the document is parsed).
//
// A classic script on purpose: it runs as soon as it arrives and imports nothing. It only starts the
// worker and keeps what the worker says until analysis-client.js takes it over:
//   window.isnadBoot = { worker, error, events, take() }
//   take() -> { worker, error, events } once (null afterwards); `events` are the 'message', 'error'
//   and 'messageerror' events that arrived before, in order ('error' ones already prevented).
(() => {
  'use strict';
  const events = [];
  const keep = (event) => {
    if (event.type === 'error') event.preventDefault();
    events.push(event);
  };
  const TYPES = ['message', 'error', 'messageerror'];
  let worker = null;
  let error = null;
  try {
    worker = new Worker(new URL('worker.js', document.currentScript.src), { type: 'module', name: 'isnad' });
    for (const type of TYPES) worker.addEventListener(type, keep);
  } catch (e) {
    error = e;
  }
  let taken = false;
  window.isnadBoot = {
    take() {
      if (taken) return null;
      taken = true;
      if (worker) for (const type of TYPES) worker.removeEventListener(type, keep);
      return { worker, error, events };
    },
  };
})();
