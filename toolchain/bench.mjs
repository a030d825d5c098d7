// npm run bench: every speed and size figure of the README, measured in one run.
//
//   node toolchain/bench.mjs [REPEAT]        (after toolchain/build.sh; bench.sh does both)
//
// Prints one JSON object, then the same figures as a Markdown table beside their targets; both are
// also written to build/bench/ (results.json, table.md). The parts (toolchain/bench/):
//   corpus      the seed articles plus the ANERcorp test half, from $ISNAD_SHARED (never copied
//               into the project), and a 1,000-word article made of the project's own texts
//   native      `isnad bench` (whole pipeline and bare ICU word breaking, single thread, best of
//               REPEAT) and batch mode `isnad analyze --jsonl` with 1 and 2 threads
//   wasm-node   the npm package in this Node process, best of REPEAT
//   chromium    the built page in headless Chromium: cold start, the article, corpus throughput
//   sizes       what the page downloads (build/web-sizes.json)
// Without the corpus, the corpus parts are skipped with a message; the Chromium (cold start,
// article), size parts still run. Benchmarks, not tests: nothing here fails on a slow figure.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';

import { runChromium } from './bench/chromium.mjs';
import { loadCorpus, makeArticle, writeJsonl } from './bench/corpus.mjs';
import { runBatch, runNativeBench } from './bench/native.mjs';
import { readSizes } from './bench/sizes.mjs';
import { formatTable } from './bench/table.mjs';
import { countTokens, openWasmAnalyzer, runWasmNode } from './bench/wasm-node.mjs';

const root = process.env.ISNAD_ROOT ?? new URL('..', import.meta.url).pathname;
const shared = process.env.ISNAD_SHARED ?? join(root, '..', 'shared');
const chromiumPath = process.env.ISNAD_CHROMIUM ?? '/usr/bin/chromium';
const repeat = Number(process.argv[2] ?? 5);
const isnad = join(root, 'build', 'native', 'isnad');
const ratio = (a, b) => Number((a / b).toFixed(3));
const log = (message) => console.error(`[bench] ${message}`);

const r = {
  machine: { cpus: cpus().length, loadavg_1m: Number(loadavg()[0].toFixed(2)) },
  repeat,
};
const corpus = loadCorpus(shared);
process.on('exit', () => corpus.remove?.()); // also when a part crashes
try {
  if (corpus.skipped) {
    log(`${corpus.skipped}: skipping the native, wasm-in-Node, Chromium-throughput and batch figures`);
    r.corpus = { skipped: corpus.skipped };
  } else {
    log('native: isnad bench');
    Object.assign(r, runNativeBench(isnad, corpus.files, repeat));

    log('wasm in Node');
    const analyzer = await openWasmAnalyzer(root);
    const wasm = runWasmNode(analyzer, corpus.texts, repeat);
    r.wasm_node = {
      ...wasm,
      ratio_to_native: ratio(wasm.tokens_per_second, r.native.tokens_per_second),
      ratio_to_native_with_json: ratio(wasm.tokens_per_second, r.native.with_json_tokens_per_second),
    };

    log('batch: isnad analyze --jsonl --threads 1, 2');
    const jsonl = writeJsonl(corpus, 10);
    const tokens = countTokens(analyzer, jsonl.docs) * 10;
    analyzer.dispose();
    const empty = join(corpus.dir, 'empty.jsonl');
    writeFileSync(empty, '');
    r.batch = {
      ...runBatch(isnad, { path: jsonl.path, lines: jsonl.lines, tokens }, 3, empty),
      note: `${r.machine.cpus} cores; 1-minute load ${r.machine.loadavg_1m} at the start of the run `
        + '(other work, such as a fuzzer, lowers the 2-thread figure)',
    };
  }

  const sizesPath = join(root, 'build', 'web-sizes.json');
  r.sizes = existsSync(sizesPath) ? readSizes(sizesPath) : { skipped: `${sizesPath} is absent (npm run build)` };

  const webRoot = join(root, 'build', 'web');
  if (!existsSync(chromiumPath) || !existsSync(join(webRoot, 'index.html'))) {
    r.chromium = { skipped: `no browser at ${chromiumPath} (set ISNAD_CHROMIUM) or no built page in ${webRoot}` };
    log(r.chromium.skipped);
  } else {
    log('Chromium: cold start, the 1,000-word article' + (corpus.skipped ? '' : ', corpus throughput'));
    const article = await makeArticle(root, 1000);
    try {
      r.chromium = await runChromium({ webRoot, executablePath: chromiumPath, article, texts: corpus.texts, repeat });
    } catch (e) { // the other figures still print; the run fails
      r.chromium = { skipped: `failed: ${e.message.split('\n')[0]}` };
      log(`Chromium ${r.chromium.skipped}`);
      process.exitCode = 1;
    }
    if (r.chromium.throughput && r.native) {
      Object.assign(r.chromium.throughput, {
        ratio_to_native: ratio(r.chromium.throughput.tokens_per_second, r.native.tokens_per_second),
        ratio_to_native_with_json: ratio(r.chromium.throughput.tokens_per_second, r.native.with_json_tokens_per_second),
      });
    }
  }
} finally {
  corpus.remove?.();
}

const table = formatTable(r);
const outDir = join(root, 'build', 'bench');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'results.json'), JSON.stringify(r, null, 1) + '\n');
writeFileSync(join(outDir, 'table.md'), table + '\n');
console.log(JSON.stringify(r, null, 1));
console.log();
console.log(table);
