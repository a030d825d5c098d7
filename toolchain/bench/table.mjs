// The human-readable table of one bench run: every figure beside its target. Markdown, so the
// README can quote it as printed.
export const TARGETS = {
  native_tps: 1e6, // tokens/s, whole pipeline, single thread
  native_to_icu: 0.25,
  entity_layers_tps: 3e5, // tokens/s, the entity layers alone (issue 3)
  // wasm ÷ native doing the same work: analyze() returns a JS object, so the engine's JSON is
  // written (and parsed) on the wasm side, and the native figure it is divided by writes it too.
  wasm_to_native: 0.5,
  cold_start_ms: 150,
  article_ms: 5,
  gzip_without_font: 2e6, // bytes (2 MB = 2,000,000)
};

const M = (tps) => `${(tps / 1e6).toFixed(2)}M`;
const MB = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`;
const check = (ok) => (ok ? 'met' : 'not met');
const row = (...cells) => `| ${cells.join(' | ')} |`;

export function formatTable(r) {
  const T = TARGETS;
  const lines = [row('figure', 'measured', 'target', 'status'), row('---', '---', '---', '---')];
  const add = (...cells) => lines.push(row(...cells));
  const skipped = (what, why) => add(what, `skipped: ${why}`, '', '');

  if (r.native) {
    add('ICU word breaking alone (the floor)', `${M(r.icu_word_break.tokens_per_second)} tokens/s`, '', '');
    add('native, whole pipeline, 1 thread', `${M(r.native.tokens_per_second)} tokens/s`, `≥ ${M(T.native_tps)}`,
      check(r.native.tokens_per_second >= T.native_tps));
    add('native ÷ ICU floor', r.native_to_icu_ratio.toFixed(3), `≥ ${T.native_to_icu}`, check(r.native_to_icu_ratio >= T.native_to_icu));
    add('native, entity layers only (tagging), 1 thread',
      `${M(r.entity_layers.tokens_per_second)} tokens/s (÷ ICU floor ${r.entity_layers.to_icu_ratio.toFixed(3)})`,
      `≥ ${M(T.entity_layers_tps)}`, check(r.entity_layers.tokens_per_second >= T.entity_layers_tps));
    add('native + JSON writing', `${M(r.native.with_json_tokens_per_second)} tokens/s`, '', '');
    add('wasm in Node, `analyze()` to a JS object', `${M(r.wasm_node.tokens_per_second)} tokens/s`, '', '');
    add('wasm in Node ÷ native + JSON, the same work (÷ native alone)',
      `${r.wasm_node.ratio_to_native_with_json.toFixed(3)} (${r.wasm_node.ratio_to_native.toFixed(3)})`,
      `≥ ${T.wasm_to_native}`, check(r.wasm_node.ratio_to_native_with_json >= T.wasm_to_native));
  } else {
    skipped('native, ICU floor, wasm in Node', r.corpus.skipped);
  }
  const c = r.chromium;
  if (c?.throughput) {
    add('wasm in Chromium, `analyze()` to a JS object', `${M(c.throughput.tokens_per_second)} tokens/s`, '', '');
    add('wasm in Chromium ÷ native + JSON, the same work (÷ native alone)',
      `${c.throughput.ratio_to_native_with_json.toFixed(3)} (${c.throughput.ratio_to_native.toFixed(3)})`,
      `≥ ${T.wasm_to_native}`, check(c.throughput.ratio_to_native_with_json >= T.wasm_to_native));
  } else if (c && !c.skipped) {
    skipped('wasm in Chromium', r.corpus.skipped);
  }
  if (c?.skipped) {
    skipped('Chromium (throughput, cold start, article)', c.skipped);
  } else if (c) {
    add(`cold start in Chromium, median of ${c.cold_start.loads}`, `${c.cold_start.ready_ms} ms`, `≤ ${T.cold_start_ms} ms`,
      check(c.cold_start.ready_ms <= T.cold_start_ms));
    add('… of which: DOMContentLoaded, worker started, wasm + model downloaded, wasm compiled, model loaded',
      [c.cold_start.dom_content_loaded_ms, c.cold_start.worker_started_ms, c.cold_start.engine_downloaded_ms,
        c.cold_start.compiled_ms, c.cold_start.model_loaded_ms].join(', ') + ' ms', '', '');
    if (c.cold_start_floor) {
      add(`… the floor: an empty page whose worker reports ready at once, median of ${c.cold_start_floor.loads}`,
        `${c.cold_start_floor.ready_ms} ms`, '', '');
    }
    add(`${c.article.words.toLocaleString('en')}-word article in Chromium (worker), median of ${c.article.runs}`,
      `${c.article.worker_ms} ms (${c.article.round_trip_ms} ms round trip)`, `≤ ${T.article_ms} ms`,
      check(c.article.worker_ms <= T.article_ms));
  }
  const s = r.sizes;
  if (s.skipped) {
    skipped('download size', s.skipped);
  } else {
    add('download: model + wasm + engine JS, gzip', MB(s.model.gzip + s.wasm.gzip + s.engine_js.gzip), '', '');
    add('download: page (HTML, CSS, JS), gzip', MB(s.page.gzip), '', '');
    add('download: font, gzip (raw)', `${MB(s.font.gzip)} (${MB(s.font.raw)})`, '', '');
    add('download without the font, gzip (raw)', `${MB(s.total_without_font.gzip)} (${MB(s.total_without_font.raw)})`,
      `≤ ${MB(T.gzip_without_font)} gz`, check(s.total_without_font.gzip <= T.gzip_without_font));
    add('download with the font, gzip (raw)', `${MB(s.total.gzip)} (${MB(s.total.raw)})`, '', '');
  }
  const b = r.batch;
  if (b && !b.skipped) {
    add('batch `--jsonl --threads 1`', `${M(b.threads_1.tokens_per_second)} tokens/s, ${b.threads_1.docs_per_second} docs/s`, '', '');
    add('batch `--jsonl --threads 2`', `${M(b.threads_2.tokens_per_second)} tokens/s, ${b.threads_2.docs_per_second} docs/s`, '', '');
    add('batch speedup, 2 threads ÷ 1', `${b.speedup.toFixed(2)}×`, '', '');
  } else {
    skipped('batch `--jsonl` scaling', b?.skipped ?? r.corpus.skipped);
  }
  return lines.join('\n');
}
