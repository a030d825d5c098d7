// The page in a real browser: build/web is assembled into a temporary directory (build-web.mjs),
// served by toolchain/serve.mjs on a free port, and driven with playwright-core and Debian's
// chromium.
//   node --test tests/e2e/
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { buildWeb } from '../../toolchain/build-web.mjs';
import { startServer } from '../../toolchain/serve.mjs';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHROMIUM = process.env.ISNAD_CHROMIUM || '/usr/bin/chromium';
const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

if (!existsSync(CHROMIUM)) throw new Error(`no browser at ${CHROMIUM} (set ISNAD_CHROMIUM)`);

// A news-style article written for this test (not taken from the shared data): five sentences.
const ARTICLE = [
  'ذكرت وكالة الأنباء الرسمية، مساء الثلاثاء، أن الحكومة وافقت على خطة لإصلاح شبكة المياه في العاصمة.',
  'وقال وزير المياه في مؤتمر صحفي إن الخطة تشمل 14 محطة ضخ جديدة.',
  'وأضاف: «سيبدأ العمل في الربع الأول من العام المقبل».',
  'وأشار مسؤول في الوزارة إلى أن الكلفة تقدّر بنحو 80 مليون دولار؟',
  'ولم يصدر تعليق من البرلمان حتى الآن.',
].join(' ');

const HOSTILE = 'قال المصدر <script>window.__pwned = 1; alert("script")</script> ' +
  'ثم <img src=x onerror="window.__pwned = 2; alert(1)"> و <b onmouseover=alert(2)>نص</b> &lt;انتهى&gt;.';

let tmp;
let server;
let browser;

before(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'isnad-e2e-'));
  await buildWeb({ root: REPO_ROOT, outDir: join(tmp, 'web') });
  server = await startServer({ root: join(tmp, 'web'), port: 0 });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

// A fresh context and page that record every request, dialog, page error and console error. Any
// request to another origin is recorded and aborted.
async function openPage(url = server.url) {
  const origin = new URL(url).origin;
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const seen = { requests: [], foreign: [], dialogs: [], errors: [], console: [] };
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (new URL(u).origin !== origin) {
      seen.foreign.push(u);
      return route.abort();
    }
    return route.continue();
  });
  context.on('request', (r) => seen.requests.push(r.url()));
  const page = await context.newPage();
  page.on('request', (r) => seen.requests.push(r.url()));
  page.on('worker', (w) => w.on('console', (m) => seen.console.push(`[worker ${m.type()}] ${m.text()}`)));
  page.on('dialog', (d) => { seen.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  page.on('pageerror', (e) => seen.errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') seen.console.push(`[${m.type()}] ${m.text()}`);
  });
  await page.goto(url);
  return { context, page, seen, origin };
}

function assertLocalOnly(seen, origin) {
  assert.deepEqual(seen.foreign, [], 'no request leaves the page\'s origin');
  assert.ok(seen.requests.length > 0);
  for (const u of seen.requests) assert.equal(new URL(u).origin, origin, `request to ${u}`);
}

async function waitForResult(page, text) {
  // The output holds exactly the analyzed text once the result for it is rendered.
  await page.waitForFunction((t) => {
    const out = document.getElementById('output');
    return out.textContent === t && out.querySelector('.tok') !== null;
  }, text, { timeout: 20000 });
}

describe('the page', () => {
  test('loads, analyzes pasted Arabic, marks tokens and counts sentences, all from its own origin, and keeps working offline', async () => {
    const { context, page, seen, origin } = await openPage();
    try {
      await page.waitForSelector('#status[data-state="ready"]', { timeout: 20000 });
      assert.match(await page.textContent('#engine-version'), /^\d+\.\d+\.\d+/);
      const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
      assert.match(csp, /default-src 'self'/);

      // Pasting (an input event) triggers the debounced analysis; no click needed.
      await page.fill('#input', ARTICLE);
      await waitForResult(page, ARTICLE);

      const view = await page.evaluate(() => ({
        sentences: document.querySelectorAll('#output .sent').length,
        alternating: [...document.querySelectorAll('#output .sent')].map((s) => s.classList.contains('sent-odd')),
        tokens: document.querySelectorAll('#output .tok').length,
        words: document.querySelectorAll('#output .tok-word').length,
        numbers: [...document.querySelectorAll('#output .tok-number')].map((n) => n.textContent),
        countSentences: document.getElementById('count-sentences').textContent,
        countTokens: document.getElementById('count-tokens').textContent,
        time: document.getElementById('count-time').textContent,
        dir: document.getElementById('input').getAttribute('dir'),
      }));
      assert.equal(view.sentences, 5);
      assert.equal(view.countSentences, '5');
      assert.deepEqual(view.alternating, [false, true, false, true, false]);
      assert.ok(view.tokens >= 60, `tokens: ${view.tokens}`);
      assert.equal(view.countTokens, String(view.tokens));
      assert.ok(view.words >= 50);
      assert.deepEqual(view.numbers, ['14', '80']);
      assert.match(view.time, /^\d+(\.\d)? ms$/);
      assert.equal(view.dir, 'rtl');

      // With the network cut after load, the Analyze button still works on edited text: the
      // engine and the model are already in the worker.
      await context.setOffline(true);
      const edited = `${ARTICLE} وانتهى الاجتماع.`;
      await page.fill('#input', edited);
      await page.click('#analyze');
      await waitForResult(page, edited);
      assert.equal(await page.textContent('#count-sentences'), '6');
      await context.setOffline(false);

      // The recording sees the worker's requests too (the engine and the model), all local.
      const paths = seen.requests.map((u) => new URL(u).pathname);
      for (const p of ['/worker.js', '/isnad/wasm/index.js', '/isnad/wasm/dist/isnad-core.wasm', '/isnad/models/isnad.model']) {
        assert.ok(paths.includes(p), `${p} was requested (requests: ${paths.join(', ')})`);
      }
      assertLocalOnly(seen, origin);
      assert.deepEqual(seen.errors, []);
      assert.deepEqual(seen.console, []);
      assert.deepEqual(seen.dialogs, []);
    } finally {
      await context.close();
    }
  });

  test('pasted <script> and <img onerror> show as text and nothing runs', async () => {
    const { context, page, seen, origin } = await openPage();
    try {
      await page.waitForSelector('#status[data-state="ready"]', { timeout: 20000 });
      await page.fill('#input', HOSTILE);
      await page.click('#analyze');
      await waitForResult(page, HOSTILE);
      // Give any injected handler a chance to fire.
      await page.hover('#output');
      await page.waitForTimeout(300);
      const state = await page.evaluate(() => ({
        text: document.getElementById('output').textContent,
        elements: [...document.querySelectorAll('#output *')].map((e) => e.tagName),
        pwned: window.__pwned,
      }));
      assert.equal(state.text, HOSTILE);
      assert.deepEqual([...new Set(state.elements)].sort(), ['SPAN']);
      assert.equal(state.pwned, undefined);
      assert.deepEqual(seen.dialogs, []);
      assert.ok(!seen.requests.some((u) => new URL(u).pathname === '/x'), 'no image was requested');
      assertLocalOnly(seen, origin);
      assert.deepEqual(seen.errors, []);
    } finally {
      await context.close();
    }
  });

  test('tells the user when the engine cannot be loaded', async () => {
    const broken = join(tmp, 'broken');
    await buildWeb({ root: REPO_ROOT, outDir: broken });
    await rm(join(broken, 'isnad', 'models', 'isnad.model'));
    const brokenServer = await startServer({ root: broken, port: 0 });
    const { context, page, seen } = await openPage(brokenServer.url);
    try {
      await page.waitForSelector('#status[data-state="error"]', { timeout: 20000 });
      const message = await page.textContent('#status');
      assert.match(message, /engine failed to load/);
      assert.match(message, /model/);
      assert.equal(await page.getAttribute('#status', 'role'), 'alert');
      assert.equal(await page.isDisabled('#analyze'), true);
      assert.deepEqual(seen.foreign, []);
    } finally {
      await context.close();
      await brokenServer.close();
    }
  });
});
