// The page: sends the pasted text to the analysis worker and renders the result. Every output node is
// built with DOM APIs and text nodes; the user's text never goes through innerHTML.

const DEBOUNCE_MS = 350;
const TOKEN_KINDS = new Set(['word', 'number', 'punctuation', 'quote_open', 'quote_close', 'symbol']);

const $ = (id) => document.getElementById(id);
const els = {
  status: $('status'),
  form: $('form'),
  input: $('input'),
  date: $('doc-date'),
  button: $('analyze'),
  output: $('output'),
  warnings: $('warnings'),
  sentences: $('count-sentences'),
  tokens: $('count-tokens'),
  time: $('count-time'),
  version: $('engine-version'),
};

let worker = null;
let ready = false;
let failed = false;
let nextId = 1;
let latestId = 0;
let pending = null; // a request made before the engine was ready
let debounceTimer = 0;

function setStatus(state, message) {
  els.status.dataset.state = state;
  els.status.setAttribute('role', state === 'error' ? 'alert' : 'status');
  els.status.textContent = message;
}

function engineFailed(detail) {
  if (failed) return;
  failed = true;
  ready = false;
  els.button.disabled = true;
  setStatus('error', `The analysis engine failed to load, so the text cannot be analyzed. ${detail}`.trim());
}

function startWorker() {
  try {
    worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'isnad' });
  } catch (e) {
    engineFailed(`This browser could not start the analysis worker (${e.message}).`);
    return;
  }
  worker.addEventListener('message', onWorkerMessage);
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    engineFailed(event.message ? `(${event.message})` : '(the worker script could not be loaded)');
  });
  worker.addEventListener('messageerror', () => engineFailed('(a message from the worker could not be read)'));
}

function onWorkerMessage(event) {
  const msg = event.data;
  switch (msg.type) {
    case 'ready':
      ready = true;
      els.version.textContent = msg.version;
      setStatus('ready', 'Ready. Paste or type Arabic text; it is analyzed as you type.');
      if (pending) {
        const request = pending;
        pending = null;
        worker.postMessage(request);
      }
      break;
    case 'load-error':
      engineFailed(`(${msg.message})`);
      break;
    case 'result':
      if (msg.id !== latestId) return; // a newer request is on its way
      render(msg.result, msg.ms);
      setStatus('ready', 'Done.');
      break;
    case 'analyze-error':
      if (msg.id !== latestId) return;
      clearOutput();
      setStatus('error', `The text could not be analyzed: ${msg.message}`);
      break;
    default:
      break;
  }
}

function requestAnalysis() {
  clearTimeout(debounceTimer);
  if (failed) return;
  const request = {
    type: 'analyze',
    id: nextId++,
    text: els.input.value,
    documentDate: els.date.value || undefined,
  };
  latestId = request.id;
  if (!ready) {
    pending = request;
    return;
  }
  setStatus('busy', 'Analyzing…');
  worker.postMessage(request);
}

function scheduleAnalysis() {
  clearTimeout(debounceTimer);
  debounceTimer = setTimeout(requestAnalysis, DEBOUNCE_MS);
}

function clearOutput() {
  els.output.replaceChildren();
  els.warnings.replaceChildren();
  els.sentences.textContent = '–';
  els.tokens.textContent = '–';
  els.time.textContent = '–';
}

function tokenClass(kind) {
  return TOKEN_KINDS.has(kind) ? `tok tok-${kind.replace('_', '-')}` : 'tok tok-other';
}

// Renders the text with sentences as alternating blocks and every token as a marked span. The gaps
// between tokens (spaces, newlines) are plain text nodes, so the output's text is exactly the input.
function render(result, ms) {
  const { text, sentences = [], tokens = [], warnings = [] } = result;
  const root = document.createDocumentFragment();
  let pos = 0;
  let t = 0;

  const emitTokensUpTo = (parent, end) => {
    while (t < tokens.length && tokens[t].end <= end) {
      const token = tokens[t++];
      if (token.start < pos) continue; // overlapping spans are not expected; never duplicate text
      if (token.start > pos) parent.append(text.slice(pos, token.start));
      const span = document.createElement('span');
      span.className = tokenClass(token.kind);
      span.textContent = text.slice(token.start, token.end);
      span.title = token.norm && token.norm !== span.textContent ? `${token.kind} · ${token.norm}` : token.kind;
      parent.append(span);
      pos = token.end;
    }
  };

  sentences.forEach((sentence, i) => {
    if (sentence.start < pos) return;
    emitTokensUpTo(root, sentence.start);
    if (sentence.start > pos) root.append(text.slice(pos, sentence.start));
    pos = sentence.start;
    const block = document.createElement('span');
    block.className = `sent ${i % 2 === 0 ? 'sent-even' : 'sent-odd'}`;
    block.dataset.index = String(i + 1);
    emitTokensUpTo(block, sentence.end);
    if (sentence.end > pos) block.append(text.slice(pos, sentence.end));
    pos = sentence.end;
    root.append(block);
  });
  emitTokensUpTo(root, text.length);
  if (pos < text.length) root.append(text.slice(pos));
  els.output.replaceChildren(root);

  const items = warnings.map((w) => {
    const li = document.createElement('li');
    const where = Number.isInteger(w.start) ? ` [${w.start}–${w.end}]` : '';
    li.textContent = `${w.code}${where}: ${w.message}`;
    return li;
  });
  els.warnings.replaceChildren(...items);

  els.sentences.textContent = String(sentences.length);
  els.tokens.textContent = String(tokens.length);
  els.time.textContent = `${ms.toFixed(1)} ms`;
}

els.form.addEventListener('submit', (event) => {
  event.preventDefault();
  requestAnalysis();
});
els.input.addEventListener('input', scheduleAnalysis);
els.date.addEventListener('change', scheduleAnalysis);

startWorker();
