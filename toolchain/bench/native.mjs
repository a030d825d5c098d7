// The native figures: `isnad bench` (whole pipeline and bare ICU word breaking, single thread) and
// batch mode (`isnad analyze --jsonl --threads N`) scaling.
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const round = (x, digits = 3) => Number(x.toFixed(digits));

export function runNativeBench(isnad, files, repeat) {
  const out = JSON.parse(execFileSync(isnad, ['bench', '--repeat', String(repeat), ...files], { encoding: 'utf8' }));
  return {
    corpus: { files: out.files, bytes: out.bytes, tokens: out.tokens },
    native: {
      tokens_per_second: Math.round(out.engine.tokens_per_second),
      seconds: out.engine.seconds,
      with_json_tokens_per_second: Math.round(out.engine_with_json.tokens_per_second),
    },
    icu_word_break: {
      tokens_per_second: Math.round(out.icu_word_break.tokens_per_second),
      seconds: out.icu_word_break.seconds,
    },
    native_to_icu_ratio: round(out.engine_to_icu_ratio),
    entity_layers: {
      tokens_per_second: Math.round(out.entity_layers.tokens_per_second),
      to_icu_ratio: round(out.entity_layers.to_icu_ratio),
    },
  };
}

// Wall seconds of one `isnad analyze --jsonl --threads N < input > /dev/null` run.
function timeJsonl(isnad, input, threads) {
  const fd = openSync(input, 'r');
  try {
    const start = performance.now();
    const r = spawnSync(isnad, ['analyze', '--jsonl', '--threads', String(threads)],
      { stdio: [fd, 'ignore', 'pipe'] });
    const seconds = (performance.now() - start) / 1000;
    if (r.status !== 0) throw new Error(`isnad analyze --jsonl --threads ${threads}: exit ${r.status}: ${r.stderr}`);
    return seconds;
  } finally {
    closeSync(fd);
  }
}

// Best of `repeat` runs per thread count. `startup` is the same command on an empty input (process
// start and model load), subtracted before computing throughput.
export function runBatch(isnad, { path, lines, tokens }, repeat, emptyInput) {
  const best = (threads, input) => Math.min(...Array.from({ length: repeat }, () => timeJsonl(isnad, input, threads)));
  const startup = best(1, emptyInput);
  const runs = {};
  for (const threads of [1, 2]) {
    const seconds = best(threads, path);
    runs[threads] = {
      seconds: round(seconds),
      docs_per_second: Math.round(lines / (seconds - startup)),
      tokens_per_second: Math.round(tokens / (seconds - startup)),
    };
  }
  return {
    documents: lines,
    tokens,
    startup_seconds: round(startup),
    threads_1: runs[1],
    threads_2: runs[2],
    speedup: round(runs[2].tokens_per_second / runs[1].tokens_per_second, 2),
  };
}
