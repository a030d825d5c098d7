// Offline: after one visit, the service worker has cached every file, so the page reloads and
// analyzes with the network cut.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { openPage, pickSample, startPage, waitForReady } from './support.js';

let env;
before(async () => { env = await startPage(); });
after(async () => { await env?.close(); });

test('the page reloads and analyzes with the network off', async () => {
  // No routing here: Playwright cannot route what a service worker fetches.
  const { context, page, seen, origin } = await openPage(env.browser, env.server.url, { serviceWorkers: 'allow', route: false });
  try {
    await waitForReady(page);
    const cached = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      // The worker is active once install has cached every asset; wait until it controls the page.
      if (!navigator.serviceWorker.controller) {
        await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
      }
      const keys = await caches.keys();
      const cache = await caches.open(keys.find((k) => k.startsWith('isnad-')));
      return { scope: reg.scope, files: (await cache.keys()).map((r) => new URL(r.url).pathname) };
    });
    for (const p of ['/', '/index.html', '/app.js', '/worker.js', '/page.css', '/isnad/wasm/dist/isnad-core.wasm',
      '/isnad/models/isnad.model', '/fonts/noto-naskh-arabic-arabic-400-normal.woff2']) {
      assert.ok(cached.files.includes(p), `${p} is cached (${cached.files.join(' ')})`);
    }

    await context.setOffline(true);
    const failures = [];
    page.on('requestfailed', (r) => failures.push(r.url()));
    await page.reload();
    await waitForReady(page);
    const text = await pickSample(page, 'talks');
    assert.ok(text.length > 100);
    assert.ok(await page.$$eval('#output .m-entity', (m) => m.length) > 0);
    assert.deepEqual(failures, []);
    assert.ok(seen.requests.every((u) => new URL(u).origin === origin));
    assert.deepEqual(seen.errors, []);
  } finally {
    await context.setOffline(false);
    await context.close();
  }
});
