// The texts the benchmarks run on.
//
// - The corpus (throughput, batch mode, profile): the seed articles plus the ANERcorp test half,
//   read from $ISNAD_SHARED. Never copied into the project: the ANERcorp text (tokens joined by
//   spaces, sentences by newlines) is written to a temporary directory the caller removes.
// - The article (time per article in Chromium): 1,000 words of the project's own news-style texts
//   (the page's built-in samples and the fuzz corpus's articles), concatenated. Not from ../shared.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// { files, texts, dir, remove() } or { skipped: reason }.
export function loadCorpus(shared) {
  const seeds = join(shared, 'data', 'seeds');
  const conllPath = join(shared, 'data', 'anercorp', 'ANERcorp_test.conll');
  if (!existsSync(seeds) || !existsSync(conllPath)) {
    return { skipped: `no corpus: ${shared}/data (seeds, anercorp) is absent (set ISNAD_SHARED)` };
  }
  const dir = mkdtempSync(join(tmpdir(), 'isnad-bench-'));
  const files = readdirSync(seeds).filter((n) => n.endsWith('.txt')).sort().map((n) => join(seeds, n));
  const conll = readFileSync(conllPath, 'utf8');
  const sentences = conll.split(/\n\s*\n/).map((block) =>
    block.split('\n').map((line) => line.split(/\s+/)[0]).filter(Boolean).join(' ')).filter(Boolean);
  const anercorp = join(dir, 'anercorp-test.txt');
  writeFileSync(anercorp, sentences.join('\n') + '\n');
  files.push(anercorp);
  return {
    files,
    texts: files.map((f) => readFileSync(f, 'utf8')),
    sentences,
    dir,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

// Batch-mode input: one JSON Lines document per seed article and per 20 ANERcorp sentences, the
// whole set `copies` times (so one thread works for about a second). Returns the file path and the
// texts of one copy.
export function writeJsonl(corpus, copies) {
  const docs = corpus.texts.slice(0, -1);
  for (let i = 0; i < corpus.sentences.length; i += 20) docs.push(corpus.sentences.slice(i, i + 20).join('\n'));
  const lines = [];
  for (let c = 0; c < copies; c++) {
    docs.forEach((text, i) => lines.push(JSON.stringify({ id: `${c}-${i}`, text })));
  }
  const path = join(corpus.dir, 'batch.jsonl');
  writeFileSync(path, lines.join('\n') + '\n');
  return { path, docs, lines: lines.length };
}

const words = (text) => text.split(/\s+/).filter(Boolean);

// Exactly `target` whitespace-separated words, whole lines of the project's texts cycled in order,
// the last line cut to fit.
export async function makeArticle(root, target = 1000) {
  const { SAMPLES } = await import(pathToFileURL(join(root, 'web', 'samples.js')).href);
  const fuzz = join(root, 'tests', 'fuzz', 'corpus');
  const sources = [
    ...SAMPLES.map((s) => s.text),
    ...readdirSync(fuzz).filter((n) => /^article-.*\.txt$/.test(n)).sort().map((n) => readFileSync(join(fuzz, n), 'utf8')),
  ];
  const lines = sources.flatMap((t) => t.split('\n')).map((l) => l.trim()).filter(Boolean);
  const out = [];
  let count = 0;
  for (let i = 0; count < target; i++) {
    const w = words(lines[i % lines.length]);
    const take = w.slice(0, target - count);
    out.push(take.join(' '));
    count += take.length;
  }
  const text = out.join('\n');
  return { text, words: words(text).length, chars: text.length, sources: sources.length };
}
