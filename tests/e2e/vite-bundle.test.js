// The npm package in a bundler: `npm pack`, then a throwaway project (in a temp dir) installs the
// tarball and vite@7, bundles a page that imports 'isnad' with `vite build`, and the bundled page
// analyzes Arabic in Chromium. The wasm module and the model must be found by the bundled code.
//
// npm's cache lives in $ISNAD_CACHE/npm-cache (~/.cache/isnad/), outside the work tree, so after the
// first run vite installs from it (--prefer-offline); a clean machine fetches it from the registry.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';

import { startServer } from '../../toolchain/serve.mjs';
import { LAUNCH_ARGS, CHROMIUM, REPO_ROOT } from './support.js';
import { chromium } from 'playwright-core';

const run = promisify(execFile);
const CACHE = process.env.ISNAD_CACHE || join(homedir(), '.cache', 'isnad');
const VITE = 'vite@7';

const TEXT = 'نقلت وكالة رويترز عن مصادر مطلعة أن الوفد وصل إلى بغداد أمس. وقال وزير الخارجية سامر الخطيب إن “المحادثات كانت مثمرة”.';

let tmp;
let server;
let browser;
let app;

before(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'isnad-vite-'));
  const env = {
    ...process.env, npm_config_cache: join(CACHE, 'npm-cache'), npm_config_update_notifier: 'false',
    npm_config_fund: 'false', npm_config_audit: 'false',
  };
  await mkdir(join(tmp, 'pack'));
  const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', join(tmp, 'pack')],
    { cwd: REPO_ROOT, env, maxBuffer: 16 << 20 });
  const tarball = join(tmp, 'pack', JSON.parse(stdout)[0].filename);

  app = join(tmp, 'app');
  await mkdir(app);
  await writeFile(join(app, 'package.json'), JSON.stringify({
    name: 'isnad-vite-check', version: '1.0.0', private: true, type: 'module',
    scripts: { build: 'vite build' },
  }, null, 2));
  await writeFile(join(app, 'index.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>isnad in vite</title></head>
<body><pre id="out">loading</pre><script type="module" src="/main.js"></script></body></html>
`);
  await writeFile(join(app, 'main.js'), `import { createAnalyzer } from 'isnad';
const out = document.getElementById('out');
createAnalyzer({ documentDate: '2025-03-12' }).then((analyzer) => {
  const r = analyzer.analyze(${JSON.stringify(TEXT)});
  out.textContent = JSON.stringify({
    version: analyzer.version, date: r.document_date, sentences: r.sentences.length,
    entities: r.entities.map((e) => [e.type, e.text]),
    latin: r.clusters.map((c) => c.latin).filter(Boolean),
    claims: r.attributions.map((a) => [a.source_kind, a.source && a.source.text, a.via.map((v) => v.text)]),
    time: r.entities.filter((e) => e.type === 'TIME').map((e) => e.value),
  });
  out.dataset.done = 'ok';
}, (error) => { out.textContent = String(error && error.message || error); out.dataset.done = 'error'; });
`);
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', tarball, VITE],
    { cwd: app, env, maxBuffer: 16 << 20, timeout: 300000 });
  await run(process.execPath, [join(app, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
    { cwd: app, env, maxBuffer: 16 << 20, timeout: 300000 });
  server = await startServer({ root: join(app, 'dist'), port: 0 });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

test('vite emits the wasm module and the model as assets of the bundle', async () => {
  const assets = await readdir(join(app, 'dist', 'assets'));
  assert.ok(assets.some((f) => /^isnad-core-.*\.wasm$/.test(f)), `assets: ${assets.join(', ')}`);
  assert.ok(assets.some((f) => /^isnad-.*\.model$/.test(f)), `assets: ${assets.join(', ')}`);
});

test('the bundled page analyzes Arabic in Chromium, from its own origin only', async () => {
  const context = await browser.newContext();
  const origin = new URL(server.url).origin;
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await page.goto(server.url);
    await page.waitForSelector('#out[data-done]', { timeout: 30000 });
    const text = await page.textContent('#out');
    assert.equal(await page.getAttribute('#out', 'data-done'), 'ok', text);
    const r = JSON.parse(text);
    assert.match(r.version, /^\d+\.\d+\.\d+/);
    assert.equal(r.date, '2025-03-12', 'createAnalyzer({ documentDate }) is the default date');
    assert.equal(r.sentences, 2);
    assert.ok(r.entities.some(([type, t]) => type === 'GPE' && t === 'بغداد'), JSON.stringify(r.entities));
    assert.ok(r.time.includes('2025-03-11'), `أمس resolved against the default date: ${r.time}`);
    assert.ok(r.latin.length > 0);
    assert.ok(r.claims.some(([kind, , via]) => kind === 'ANONYMOUS' && via.some((v) => v.includes('رويترز'))), JSON.stringify(r.claims));
    assert.deepEqual(errors, []);
    for (const u of requests) assert.equal(new URL(u).origin, origin, `request to ${u}`);
    assert.ok(requests.some((u) => u.endsWith('.wasm')) && requests.some((u) => u.endsWith('.model')));
  } finally {
    await context.close();
  }
});
