// A long paste (over 50,000 words): the worker analyzes it in chunks and reports progress, the
// text is drawn in slices, and the page's main thread never freezes (a timer keeps firing).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { SAMPLES } from '../../web/samples.js';
import { openPage, startPage, waitForReady, waitForRendered } from './support.js';

let env;
before(async () => { env = await startPage(); });
after(async () => { await env?.close(); });

test('a 50,000-word paste shows progress and the page stays responsive', async () => {
  const paragraphs = SAMPLES.flatMap((s) => s.text.split('\n'));
  const lines = [];
  let words = 0;
  for (let i = 0; words < 52000; i++) {
    const p = paragraphs[i % paragraphs.length];
    lines.push(p);
    words += p.split(/\s+/).length;
  }
  const text = lines.join('\n\n');
  const { context, page, seen } = await openPage(env.browser, env.server.url);
  try {
    await waitForReady(page);
    // Paste the text the way a paste does (one input event, no typing), let the textarea lay it out
    // (the browser's own cost of a 300,000-character textarea, before any analysis), then watch:
    // the longest gap between ticks of a 20 ms timer, and every progress value shown, until the
    // highlighted text is complete. The analysis starts after the debounce, inside the watch.
    await page.evaluate(async (t) => {
      const input = document.getElementById('input');
      input.value = t;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      window.probe = { maxGap: 0, ticks: 0, progress: [] };
      let last = performance.now();
      window.probe.timer = setInterval(() => {
        const now = performance.now();
        window.probe.maxGap = Math.max(window.probe.maxGap, now - last);
        window.probe.ticks++;
        last = now;
      }, 20);
      const progress = document.getElementById('progress');
      new MutationObserver(() => {
        if (!progress.hidden) window.probe.progress.push(`${progress.value}/${progress.max}`);
      }).observe(progress, { attributes: true });
    }, text);
    await waitForRendered(page, text, 120000);
    const probe = await page.evaluate(() => { clearInterval(window.probe.timer); return window.probe; });
    const result = await page.evaluate(() => ({
      entities: window.isnadResult.entities.length, claims: window.isnadResult.attributions.length,
      ids: window.isnadResult.attributions.every((a, i) => a.id === `A${i + 1}`),
      spans: window.isnadResult.entities.every((e) => window.isnadResult.text.slice(e.start, e.end) === e.text),
      marks: document.querySelectorAll('#output .m-entity.m-first').length,
    }));
    assert.ok(probe.progress.length >= 3, `progress shown: ${probe.progress.join(', ')}`);
    assert.ok(probe.ticks > 10);
    assert.ok(probe.maxGap < 500, `the main thread froze for ${Math.round(probe.maxGap)} ms`);
    assert.ok(result.ids && result.spans, 'offsets and ids of the chunked analysis are whole-text ones');
    assert.ok(result.entities > 1000 && result.claims > 500, JSON.stringify(result));
    assert.equal(result.marks, result.entities);
    assert.deepEqual(seen.errors, []);
    console.log(`# long paste: ${words} words, ${text.length} chars, max main-thread gap ${Math.round(probe.maxGap)} ms, ` +
      `progress ${probe.progress.length} steps`);
  } finally {
    await context.close();
  }
});
