// What the built page downloads, grouped, from build/web-sizes.json (written by build-web.mjs at
// every build; gzip level 9).
import { readFileSync } from 'node:fs';

const GROUPS = [
  ['model', (p) => p === 'isnad/models/isnad.model'],
  ['wasm', (p) => p.endsWith('.wasm')],
  ['engine_js', (p) => p.startsWith('isnad/wasm/')], // the emscripten glue and the npm entry
  ['font', (p) => p.startsWith('fonts/')],
  ['page', () => true], // web/: HTML, CSS, JS, SVG, sw.js
];

export function readSizes(path) {
  const report = JSON.parse(readFileSync(path, 'utf8'));
  const out = {};
  for (const [name] of GROUPS) out[name] = { raw: 0, gzip: 0, files: 0 };
  for (const f of report.files) {
    const [name] = GROUPS.find(([, test]) => test(f.path));
    out[name].raw += f.raw;
    out[name].gzip += f.gzip;
    out[name].files += 1;
  }
  return { ...out, total: report.total, total_without_font: report.totalWithoutFont };
}
