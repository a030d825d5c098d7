// Starts the analysis worker from the top of <head> (a classic script: runs on arrival, imports
// nothing) and keeps its events until analysis-client.js takes it over:
//   window.isnadBoot.take() -> { worker, error, events } once, then null; `events`: the 'message',
//   'error' (prevented) and 'messageerror' events so far, in order.
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
