// Shared by the page's end-to-end tests: the built page in a temporary directory (build-web.mjs),
// served by toolchain/serve.mjs on a free port, driven with playwright-core and Debian's chromium.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { buildWeb } from '../../toolchain/build-web.mjs';
import { startServer } from '../../toolchain/serve.mjs';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CHROMIUM = process.env.ISNAD_CHROMIUM || '/usr/bin/chromium';
export const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

if (!existsSync(CHROMIUM)) throw new Error(`no browser at ${CHROMIUM} (set ISNAD_CHROMIUM)`);

// { tmp, server, browser, close() }: the page built into a temp dir, served, and a browser.
export async function startPage() {
  const tmp = await mkdtemp(join(tmpdir(), 'isnad-e2e-'));
  await buildWeb({ root: REPO_ROOT, outDir: join(tmp, 'web') });
  const server = await startServer({ root: join(tmp, 'web'), port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  return {
    tmp, server, browser,
    async close() {
      await browser.close();
      await server.close();
      await rm(tmp, { recursive: true, force: true });
    },
  };
}

// A fresh context and page that record every request, dialog, page error and console error. With
// `route` (the default), any request to another origin is recorded and aborted; service workers
// are blocked unless asked for (Playwright cannot route what a service worker fetches).
export async function openPage(browser, url, { serviceWorkers = 'block', route = true, viewport, permissions } = {}) {
  const origin = new URL(url).origin;
  const context = await browser.newContext({ serviceWorkers, viewport, acceptDownloads: true });
  if (permissions) await context.grantPermissions(permissions, { origin });
  const seen = { requests: [], foreign: [], dialogs: [], errors: [], console: [] };
  if (route) {
    await context.route('**/*', (r) => {
      const u = r.request().url();
      if (new URL(u).origin !== origin) {
        seen.foreign.push(u);
        return r.abort();
      }
      return r.continue();
    });
  }
  context.on('request', (r) => seen.requests.push(r.url()));
  const page = await context.newPage();
  page.on('request', (r) => seen.requests.push(r.url()));
  page.on('worker', (w) => w.on('console', (m) => seen.console.push(`[worker ${m.type()}] ${m.text()}`)));
  page.on('dialog', (d) => { seen.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  page.on('pageerror', (e) => seen.errors.push(String(e)));
  page.on('console', (m) => {
    if (m.text().startsWith('Service Worker registration blocked by Playwright')) return; // serviceWorkers: 'block'
    if (m.type() === 'error' || m.type() === 'warning') seen.console.push(`[${m.type()}] ${m.text()}`);
  });
  await page.goto(url);
  return { context, page, seen, origin };
}

export function assertLocalOnly(seen, origin) {
  assert.deepEqual(seen.foreign, [], 'no request leaves the page\'s origin');
  assert.ok(seen.requests.length > 0);
  for (const u of seen.requests) {
    const parsed = new URL(u);
    if (parsed.protocol === 'blob:' || parsed.protocol === 'data:') continue;
    assert.equal(parsed.origin, origin, `request to ${u}`);
  }
}

export async function waitForReady(page) {
  await page.waitForSelector('#status[data-state="ready"]', { timeout: 30000 });
}

// Waits until the highlighted text shows exactly `text` and the analysis of it is done.
export async function waitForRendered(page, text, timeout = 30000) {
  await page.waitForFunction((t) => {
    const out = document.getElementById('output');
    const status = document.getElementById('status');
    return window.isnadResult?.text === t && out.textContent === t && status.dataset.state === 'ready'
      && status.textContent.startsWith('Done');
  }, text, { timeout });
}

// Picks a built-in sample and waits for it to be rendered; returns its text.
export async function pickSample(page, id) {
  await page.selectOption('#sample', id);
  const text = await page.inputValue('#input');
  await waitForRendered(page, text);
  return text;
}
