// The page: wires the editor, the analysis worker, the highlighted text, the cards, the side panel
// and the exports together. Every output node is built with DOM APIs and text nodes; the user's
// text never goes through innerHTML.
import { startAnalysisClient } from './analysis-client.js';
import { setupCards } from './cards.js';
import { indexResult } from './describe.js';
import { h } from './dom.js';
import { exportFileName, toCsv, toJson } from './export.js';
import { renderLegend } from './legend.js';
import { renderEntitiesPanel, renderEventsPanel, renderSourcesPanel, setupTabs } from './panels.js';
import { renderTextSliced } from './render.js';
import { SAMPLES } from './samples.js';
import { sourcesSummaryText } from './sources.js';

const DEBOUNCE_MS = 350;
const $ = (id) => document.getElementById(id);
const els = {
  status: $('status'), progress: $('progress'), form: $('form'), input: $('input'), date: $('doc-date'),
  button: $('analyze'), sample: $('sample'), file: $('file'), output: $('output'), warnings: $('warnings'),
  sentences: $('count-sentences'), tokens: $('count-tokens'), time: $('count-time'), version: $('engine-version'),
  card: $('card'), legend: $('legend'), theme: $('theme'), announce: $('announce'),
  exportJson: $('export-json'), exportCsv: $('export-csv'), copySources: $('copy-sources'),
  panels: { sources: $('panel-sources'), entities: $('panel-entities'), events: $('panel-events') },
  layerBoxes: [...document.querySelectorAll('input[data-layer]')], badges: $('layer-badges'),
};

let result = null;
let index = null;
let renderGeneration = 0;
let debounceTimer = 0;

function setStatus(state, message) {
  els.status.dataset.state = state;
  els.status.setAttribute('role', state === 'error' ? 'alert' : 'status');
  els.status.textContent = message;
}

// ---- theme: auto (the system's), light or dark; remembered on this device only.
const THEMES = ['auto', 'light', 'dark'];
function applyTheme(theme) {
  if (theme === 'auto') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
  els.theme.textContent = `Theme: ${theme}`;
  els.theme.setAttribute('aria-label', `Colour theme: ${theme === 'auto' ? 'automatic' : theme}`);
}
function storedTheme() {
  try { return localStorage.getItem('isnad-theme') || 'auto'; } catch { return 'auto'; }
}
applyTheme(storedTheme());
els.theme.addEventListener('click', () => {
  const next = THEMES[(THEMES.indexOf(els.theme.textContent.replace('Theme: ', '')) + 1) % THEMES.length];
  applyTheme(next);
  try { localStorage.setItem('isnad-theme', next); } catch { /* private mode */ }
});

// ---- analysis
const client = startAnalysisClient({
  onReady(version, timings) {
    // Navigation → this mark is the page's cold start (fetch, compile, model load): npm run bench.
    // The worker's own steps become marks too, at the times they happened.
    performance.mark('isnad-ready');
    for (const [step, at] of Object.entries(timings)) {
      const startTime = at - performance.timeOrigin;
      if (startTime >= 0) performance.mark(`isnad-${step}`, { startTime });
    }
    els.version.textContent = version;
    setStatus('ready', 'Ready. Paste or type Arabic text, pick a sample, or drop a .txt file.');
    if (els.input.value) requestAnalysis();
  },
  onProgress(done, total) {
    els.progress.hidden = false;
    els.progress.max = total;
    els.progress.value = done;
    setStatus('busy', `Analyzing… part ${done} of ${total}`);
  },
  onResult(next, { ms }) {
    els.progress.hidden = true;
    showResult(next, ms);
  },
  onError(message) {
    els.progress.hidden = true;
    setStatus('error', `The text could not be analyzed: ${message}`);
  },
  onFailed(detail) {
    els.button.disabled = true;
    setStatus('error', `The analysis engine failed to load, so the text cannot be analyzed. ${detail}`.trim());
  },
});

function requestAnalysis() {
  clearTimeout(debounceTimer);
  renderGeneration++; // a render in progress is now stale
  if (client.analyze(els.input.value, els.date.value) && client.ready) setStatus('busy', 'Analyzing…');
}

function scheduleAnalysis() {
  clearTimeout(debounceTimer);
  debounceTimer = setTimeout(requestAnalysis, DEBOUNCE_MS);
}

function enabledLayers() {
  return new Set(els.layerBoxes.filter((b) => b.checked).map((b) => b.dataset.layer));
}

async function renderOutput() {
  if (!result) return;
  const generation = ++renderGeneration;
  els.card.hidden = true;
  const long = result.text.length > 20000;
  if (long) setStatus('busy', 'Drawing the highlighted text…');
  const done = await renderTextSliced(els.output, result, {
    layers: enabledLayers(),
    isStale: () => generation !== renderGeneration,
  });
  if (done) {
    els.output.dataset.rendered = String(generation);
    return true;
  }
  return false;
}

async function showResult(next, ms) {
  result = next;
  index = indexResult(result);
  renderSourcesPanel(els.panels.sources, result, select);
  renderEntitiesPanel(els.panels.entities, result, select);
  renderEventsPanel(els.panels.events, result, select);
  els.warnings.replaceChildren(...result.warnings.map((w) => h('li', {},
    `${w.code}${Number.isInteger(w.start) ? ` [${w.start}–${w.end}]` : ''}: ${w.message}`)));
  els.sentences.textContent = String(result.sentences.length);
  els.tokens.textContent = String(result.tokens ? result.tokens.length : result.token_count);
  els.time.textContent = `${ms.toFixed(1)} ms`;
  for (const b of [els.exportJson, els.exportCsv, els.copySources]) b.disabled = false;
  if (await renderOutput()) {
    setStatus('ready', `Done: ${result.entities.length} entities, ${result.events.length} events, ${result.attributions.length} claims.`);
  }
}

// ---- choosing an item in the side panel scrolls the text to it
function flash(elements) {
  for (const el of els.output.querySelectorAll('.hl')) el.classList.remove('hl');
  for (const el of elements) el.classList.add('hl');
}

function select({ kind, ref, mentions }) {
  let targets = [];
  if (kind === 'cluster') {
    const ids = new Set(mentions);
    targets = [...els.output.querySelectorAll('.m-entity')].filter((el) => ids.has(el.dataset.ref));
  } else if (kind === 'claim') {
    targets = [...els.output.querySelectorAll(`.m[data-ref="${CSS.escape(ref)}"]`)];
  } else if (kind === 'event') {
    targets = [...els.output.querySelectorAll(`.m-trigger[data-ref="${CSS.escape(ref)}"]`)];
  }
  flash(targets);
  const first = targets.find((el) => el.tabIndex >= 0 && el.classList.contains('m-first')) || targets[0];
  if (!first) {
    els.announce.textContent = 'That item is hidden: turn its layer on to see it in the text.';
    return;
  }
  first.scrollIntoView({ block: 'center', behavior: 'instant' });
  if (first.tabIndex >= 0) first.focus({ preventScroll: true });
  els.announce.textContent = kind === 'cluster' ? `${targets.length} mentions highlighted.` : '';
}

// ---- exports
function download(text, name, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
els.exportJson.addEventListener('click', () => result && download(toJson(result), exportFileName(result, 'json'), 'application/json'));
els.exportCsv.addEventListener('click', () => result && download(toCsv(result), exportFileName(result, 'csv'), 'text/csv;charset=utf-8'));
els.copySources.addEventListener('click', async () => {
  if (!result) return;
  try {
    await navigator.clipboard.writeText(sourcesSummaryText(result));
    els.announce.textContent = 'The sources summary was copied.';
    els.copySources.dataset.copied = 'true';
  } catch (e) {
    els.announce.textContent = `Could not copy: ${e.message}`;
  }
});

// ---- input: typing, samples, files (picked or dropped)
function setText(text, date) {
  els.input.value = text;
  if (date !== undefined) els.date.value = date;
  requestAnalysis();
}

for (const s of SAMPLES) els.sample.append(h('option', { value: s.id }, s.title));
els.sample.addEventListener('change', () => {
  const sample = SAMPLES.find((s) => s.id === els.sample.value);
  if (sample) setText(sample.text, sample.date);
});

async function readFile(file) {
  if (!file) return;
  if (file.type && !file.type.startsWith('text/')) {
    setStatus('error', `${file.name} is not a text file: only plain .txt files can be opened.`);
    return;
  }
  setText(await file.text());
}
els.file.addEventListener('change', () => readFile(els.file.files[0]));
els.input.addEventListener('dragover', (e) => { e.preventDefault(); els.input.classList.add('dropping'); });
els.input.addEventListener('dragleave', () => els.input.classList.remove('dropping'));
els.input.addEventListener('drop', (e) => {
  e.preventDefault();
  els.input.classList.remove('dropping');
  readFile(e.dataTransfer.files[0]);
});

els.form.addEventListener('submit', (event) => {
  event.preventDefault();
  requestAnalysis();
});
els.input.addEventListener('input', scheduleAnalysis);
els.date.addEventListener('change', scheduleAnalysis);

// ---- layers and labels
for (const box of els.layerBoxes) {
  box.addEventListener('change', () => {
    els.legend.dataset[`hide${box.dataset.layer}`] = String(!box.checked);
    renderOutput();
  });
}
els.badges.addEventListener('change', () => els.output.classList.toggle('no-badges', !els.badges.checked));

renderLegend(els.legend);
// The legend is open on wide screens; on a phone it would push the text down, so it starts closed.
$('legend-box').open = matchMedia('(min-width: 56rem)').matches;
setupTabs(document.querySelector('[role="tablist"]'));
setupCards({ output: els.output, card: els.card, getIndex: () => index });

// ---- offline: a service worker caches every asset (sw.js, written by build-web.mjs)
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  navigator.serviceWorker.register('./sw.js', { type: 'classic' }).catch(() => { /* the page still works online */ });
}

// Exposed for tests and the console: the current result (read-only use).
Object.defineProperty(window, 'isnadResult', { get: () => result });
