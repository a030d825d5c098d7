// The npm package as users get it: `npm pack`, install the tarball into a throwaway project (offline:
// the package has no dependencies) and `import { createAnalyzer } from 'isnad'` there.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';

import { REPO_ROOT } from './helpers.js';

const run = promisify(execFile);
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

for (const file of ['wasm/dist/isnad-core.js', 'wasm/dist/isnad-core.wasm', 'models/isnad.model']) {
  if (!existsSync(join(REPO_ROOT, file))) {
    throw new Error(`${file} is missing: build the wasm module (toolchain/build.sh) before these tests`);
  }
}

let tmp;
let tarball;
let packedFiles;

before(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'isnad-pack-'));
  const env = { ...process.env, npm_config_cache: join(tmp, 'npm-cache'), npm_config_update_notifier: 'false' };
  await mkdir(join(tmp, 'pack'));
  const { stdout } = await run(NPM, ['pack', '--json', '--ignore-scripts', '--pack-destination', join(tmp, 'pack')],
    { cwd: REPO_ROOT, env, maxBuffer: 16 << 20 });
  const [info] = JSON.parse(stdout);
  tarball = join(tmp, 'pack', info.filename);
  packedFiles = info.files.map((f) => f.path);

  const app = join(tmp, 'app');
  await mkdir(app);
  await writeFile(join(app, 'package.json'),
    JSON.stringify({ name: 'isnad-pack-check', version: '1.0.0', private: true, type: 'module' }, null, 2));
  await run(NPM, ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball],
    { cwd: app, env, maxBuffer: 16 << 20 });
});

after(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

test('the tarball holds the entry, its types, the module and the model, and no sources', () => {
  for (const f of ['package.json', 'wasm/index.js', 'wasm/index.d.ts', 'wasm/dist/isnad-core.js',
    'wasm/dist/isnad-core.wasm', 'models/isnad.model']) {
    assert.ok(packedFiles.includes(f), `${f} is packed (packed: ${packedFiles.join(', ')})`);
  }
  for (const f of packedFiles) {
    assert.doesNotMatch(f, /^(src|tests|web|toolchain|node_modules|build|lexicons)\//, `${f} should not be packed`);
  }
});

test('import { createAnalyzer } from "isnad" works in a fresh project', async () => {
  const app = join(tmp, 'app');
  const installed = JSON.parse(await readFile(join(app, 'node_modules/isnad/package.json'), 'utf8'));
  const own = JSON.parse(await readFile(join(REPO_ROOT, 'package.json'), 'utf8'));
  assert.equal(installed.version, own.version);

  await writeFile(join(app, 'check.mjs'), `
import { createAnalyzer } from 'isnad';
const text = 'قال المتحدث باسم الوزارة إن الاجتماع انتهى مساء الخميس. وأضاف أن 3 وفود شاركت فيه.';
const analyzer = await createAnalyzer();
const r = analyzer.analyze(text);
const ok = r.text === text && [...r.sentences, ...r.tokens].every((s) => text.slice(s.start, s.end) === s.text);
analyzer.dispose();
let threw = false;
try { analyzer.analyze(text); } catch { threw = true; }
console.log(JSON.stringify({ version: analyzer.version, sentences: r.sentences.length,
  tokens: r.tokens.length, ok, threw }));
`);
  const { stdout } = await run(process.execPath, ['check.mjs'], { cwd: app });
  const out = JSON.parse(stdout.trim().split('\n').at(-1));
  assert.equal(out.ok, true);
  assert.equal(out.threw, true);
  assert.equal(out.sentences, 2);
  assert.ok(out.tokens >= 15, `tokens: ${out.tokens}`);
  assert.match(out.version, /^\d+\.\d+\.\d+/);
});
