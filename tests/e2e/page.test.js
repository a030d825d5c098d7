// The page in a real browser: input, highlighting, cards, the side panel, toggles, exports, the
// CSP, hostile input, right-to-left layout and a phone-width screen.
//   node --test tests/e2e/
import assert from 'node:assert/strict';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { buildWeb } from '../../toolchain/build-web.mjs';
import { startServer } from '../../toolchain/serve.mjs';
import {
  assertLocalOnly, openPage, pickSample, REPO_ROOT, startPage, waitForReady, waitForRendered,
} from './support.js';

// A news-style article written for this test (not taken from the shared data).
const ARTICLE = [
  'ذكرت وكالة الأنباء الرسمية، مساء الثلاثاء، أن الحكومة وافقت على خطة لإصلاح شبكة المياه في العاصمة.',
  'وقال وزير المياه في مؤتمر صحفي إن الخطة تشمل 14 محطة ضخ جديدة.',
  'وأشار مسؤول في الوزارة إلى أن الكلفة تقدّر بنحو 80 مليون دولار؟',
].join(' ');

const HOSTILE = 'قال المصدر <script>window.__pwned = 1; alert("script")</script> ' +
  'ثم <img src=x onerror="window.__pwned = 2; alert(1)"> و <b onmouseover=alert(2)>نص</b> &lt;انتهى&gt;.';

let env;
before(async () => { env = await startPage(); });
after(async () => { await env?.close(); });

async function withPage(options, fn) {
  const opened = await openPage(env.browser, env.server.url, options);
  try {
    await waitForReady(opened.page);
    await fn(opened);
  } finally {
    await opened.context.close();
  }
}

describe('the page', () => {
  test('analyzes typed text as it changes, all from its own origin, with a CSP that forbids other connections', async () => {
    await withPage({}, async ({ page, seen, origin }) => {
      assert.match(await page.textContent('#engine-version'), /^\d+\.\d+\.\d+/);
      const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
      assert.match(csp, /default-src 'self'/);
      assert.match(csp, /connect-src 'self'/);
      assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|\*/);
      const header = (await page.request.get(env.server.url)).headers()['content-security-policy'];
      assert.match(header, /connect-src 'self'/);

      await page.fill('#input', ARTICLE); // an input event: the debounced analysis runs, no click
      await waitForRendered(page, ARTICLE);
      const view = await page.evaluate(() => ({
        entities: document.querySelectorAll('#output .m-entity').length,
        claims: document.querySelectorAll('#output .m-content.m-first').length,
        sentences: document.getElementById('count-sentences').textContent,
        tokens: document.getElementById('count-tokens').textContent,
        dir: getComputedStyle(document.getElementById('output')).direction,
      }));
      assert.ok(view.entities >= 2, `entities: ${view.entities}`);
      assert.ok(view.claims >= 2, `claims: ${view.claims}`);
      assert.equal(view.sentences, '3');
      assert.match(view.tokens, /^[1-9]\d+$/, 'the token count (the worker asks for no token list)');
      assert.equal(view.dir, 'rtl');

      assert.deepEqual(seen.console, [], 'no errors or warnings while loading and analyzing');
      // The CSP itself blocks a connection to another origin: nothing even reaches the network.
      const attempt = await page.evaluate(async () => {
        const violations = [];
        document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
        let outcome;
        try { await fetch('https://example.com/collect?x=1'); outcome = 'sent'; } catch { outcome = 'blocked'; }
        await new Promise((r) => setTimeout(r, 50));
        return { outcome, violations };
      });
      assert.equal(attempt.outcome, 'blocked');
      assert.ok(attempt.violations.includes('connect-src'), `violations: ${attempt.violations}`);

      const paths = seen.requests.map((u) => new URL(u).pathname);
      for (const p of ['/worker.js', '/isnad/wasm/dist/isnad-core.wasm', '/isnad/models/isnad.model']) {
        assert.ok(paths.includes(p), `${p} was requested`);
      }
      // The worker requests the engine's files before its modules arrive, and createAnalyzer uses
      // those very requests (its fetch option): each file is downloaded once, by the worker.
      const engineFiles = async (where) => where.evaluate(() => performance.getEntriesByType('resource')
        .map((e) => new URL(e.name).pathname).filter((p) => /\.(wasm|model)$/.test(p)).sort());
      assert.deepEqual(await engineFiles(page), []);
      assert.deepEqual(await engineFiles(page.workers()[0]), ['/isnad/models/isnad.model', '/isnad/wasm/dist/isnad-core.wasm']);
      assert.ok(paths.some((p) => p.startsWith('/fonts/') && p.endsWith('.woff2')), 'the Arabic font is self-hosted');
      assertLocalOnly(seen, origin);
      assert.deepEqual(seen.errors, []);
      assert.ok(seen.console.every((m) => m.includes('Content Security Policy')), seen.console.join('\n'));
    });
  });

  test('a sample article is highlighted: entities by type, claims with cue, source, relay and content band', async () => {
    await withPage({}, async ({ page, seen }) => {
      const text = await pickSample(page, 'drone');
      const view = await page.evaluate(() => {
        const r = window.isnadResult;
        const marks = [...document.querySelectorAll('#output .m')];
        return {
          entityIds: [...new Set(marks.filter((m) => m.dataset.kind === 'entity').map((m) => m.dataset.ref))],
          expectedEntities: r.entities.map((e) => e.id),
          types: [...new Set(marks.filter((m) => m.dataset.kind === 'entity').map((m) => m.dataset.type))],
          media: marks.filter((m) => m.dataset.subtype === 'MEDIA').map((m) => m.dataset.badge),
          kinds: [...new Set(marks.map((m) => m.dataset.kind))].sort(),
          claims: r.attributions.length,
          bands: document.querySelectorAll('#output .m-content.m-first').length,
          events: r.events.map((e) => e.type),
          eventItems: document.querySelectorAll('#panel-events li').length,
          // every entity mark holds exactly its entity's text (fragments put together)
          texts: r.entities.every((e) => [...document.querySelectorAll(`#output [data-ref="${e.id}"]`)].map((m) => m.textContent).join('') === e.text),
          anonymous: [...document.querySelectorAll('#output .m-source[data-source-kind="ANONYMOUS"]')].map((m) => m.textContent),
          via: [...document.querySelectorAll('#output .m-via')].map((m) => m.textContent),
          nested: document.querySelectorAll('#output .m-content .m-entity').length,
          elements: [...new Set([...document.querySelectorAll('#output *')].map((e) => e.tagName))].sort(),
        };
      });
      assert.deepEqual(view.entityIds, view.expectedEntities, 'every entity is marked');
      assert.ok(view.texts);
      for (const t of ['PER', 'ORG', 'TIME']) assert.ok(view.types.includes(t), `${t} in ${view.types}`);
      assert.ok(view.media.length > 0 && view.media.every((b) => b === 'ORG·MEDIA'), 'MEDIA organizations carry their subtype');
      assert.deepEqual(view.kinds, ['content', 'cue', 'entity', 'source', 'trigger', 'via']);  // trigger: the real event layer
      assert.equal(view.bands, view.claims);
      assert.ok(view.events.includes('ATTACK'), `the engine's events: ${view.events}`);
      assert.ok(view.eventItems >= view.events.length, 'the Events tab lists every event');
      assert.ok(view.anonymous.some((t) => t.includes('مصادر')), `anonymous sources: ${view.anonymous}`);
      assert.ok(view.via.some((t) => t.includes('فرانس برس')), `relays: ${view.via}`);
      assert.ok(view.nested > 0, 'content bands contain entities');
      assert.deepEqual(view.elements, ['DIV', 'MARK', 'SPAN']);
      assert.equal(await page.textContent('#output'), text);
      assert.deepEqual(seen.errors, []);
    });
  });

  test('hovering or focusing a mark shows its card; Esc closes it', async () => {
    await withPage({}, async ({ page }) => {
      await pickSample(page, 'drone');
      const per = page.locator('#output .m-entity[data-type="PER"].m-first').first();
      await per.hover();
      await page.waitForSelector('#card:not([hidden])');
      const card = await page.textContent('#card');
      assert.match(card, /person/);
      assert.match(card, /Latin/);
      assert.match(card, /Cluster/);
      assert.equal(await per.getAttribute('aria-describedby'), 'card');
      const latin = await page.textContent('#card .latin');
      assert.match(latin, /^[\x20-\x7eʿʾ]+$/, `Latin transliteration: ${latin}`);

      // Keyboard: Tab reaches the marks; a focused cue shows its claim with source and chain.
      await page.mouse.move(0, 0);
      const cue = page.locator('#output .m-cue.m-first').filter({ hasText: 'نقلت' }).first();
      await cue.focus();
      await page.waitForSelector('#card:not([hidden])[data-kind="cue"]');
      const claim = await page.textContent('#card');
      assert.match(claim, /REPORT/);
      assert.match(claim, /anonymous/);
      assert.match(claim, /مصادر أمنية مطلعة/);
      assert.ok((await page.$$eval('#card .chain li', (li) => li.map((x) => x.textContent))).length >= 2, 'the relay chain');
      await page.keyboard.press('Escape');
      assert.equal(await page.isHidden('#card'), true);
      assert.equal(await cue.getAttribute('aria-describedby'), null);

      await page.focus('#input');
      await page.keyboard.press('Tab'); // the Analyze button
      let reached = false;
      for (let i = 0; i < 12 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(() => document.activeElement?.matches('#output .m'));
      }
      assert.ok(reached, 'Tab reaches the marks');
      await page.waitForSelector('#card:not([hidden])');
    });
  });

  test('the side panel: ARIA tabs, sources grouped with their chains, entities and click-to-scroll', async () => {
    await withPage({ viewport: { width: 1200, height: 500 } }, async ({ page }) => {
      await page.selectOption('#sample', 'protest');
      const sample = await page.inputValue('#input');
      // A long text, so that the claims at the end are below the fold.
      const padding = Array.from({ length: 25 }, () => 'وتواصلت الاحتجاجات في عدة أحياء من المدينة طوال الليل دون أي حوادث تذكر.').join('\n');
      const text = `${padding}\n${sample}`;
      await page.fill('#input', text);
      await waitForRendered(page, text);

      const tabs = await page.$$eval('[role="tab"]', (t) => t.map((x) => [x.id, x.getAttribute('aria-selected'), x.getAttribute('aria-controls')]));
      assert.deepEqual(tabs.map((t) => t[1]), ['true', 'false', 'false']);
      assert.equal(await page.getAttribute('#panel-sources', 'role'), 'tabpanel');
      const summary = await page.textContent('#panel-sources .summary');
      assert.match(summary, /^\d+ claims: \d+ anonymous, \d+ officials, \d+ media, \d+ named/);
      assert.ok(await page.$('#panel-sources .source-group[data-source-kind="ANONYMOUS"] .flag-unnamed'), 'anonymous sources are flagged');
      const chains = await page.$$eval('#panel-sources .chain', (cs) => cs.map((c) => [...c.children].map((li) => li.textContent)));
      assert.ok(chains.some((c) => c.length === 2 && c[1].includes('الصباح')), `a relay chain: ${JSON.stringify(chains)}`);

      // Click a claim: the text scrolls to it and focuses it.
      const last = page.locator('#panel-sources button.item').last();
      const ref = await last.getAttribute('data-ref');
      await last.click();
      const target = await page.evaluate((r) => {
        const el = document.activeElement;
        const box = el.getBoundingClientRect();
        return { ref: el.dataset.ref, inView: box.top >= 0 && box.bottom <= innerHeight, hl: el.classList.contains('hl') };
      }, ref);
      assert.deepEqual(target, { ref, inView: true, hl: true });

      // Keyboard on the tabs: arrows move and select.
      await page.focus('#tab-sources');
      await page.keyboard.press('ArrowRight');
      assert.equal(await page.getAttribute('#tab-entities', 'aria-selected'), 'true');
      assert.equal(await page.isHidden('#panel-sources'), true);
      assert.equal(await page.isVisible('#panel-entities'), true);
      await page.keyboard.press('ArrowRight');
      assert.equal(await page.getAttribute('#tab-events', 'aria-selected'), 'true');
      await page.click('#tab-entities');

      // Entities: clusters with counts; a click highlights every mention.
      const entity = page.locator('#panel-entities button.item').first();
      assert.match(await entity.textContent(), /×\d+/);
      await entity.click();
      const hl = await page.evaluate(() => {
        const marked = [...document.querySelectorAll('#output .m-entity.hl')].map((m) => m.dataset.ref);
        return { marked: [...new Set(marked)], focused: document.activeElement.dataset.ref };
      });
      assert.ok(hl.marked.length >= 1);
      assert.ok(hl.marked.includes(hl.focused));
      assert.match(await page.textContent('#panel-events .summary'), /^\d+ events?$/);
    });
  });

  test('layer toggles remove and restore a layer; labels can be hidden', async () => {
    await withPage({}, async ({ page }) => {
      const text = await pickSample(page, 'talks');
      const count = (sel) => page.$$eval(sel, (x) => x.length);
      const entities = await count('#output .m-entity');
      assert.ok(entities > 0);
      await page.uncheck('#layer-entities');
      await page.waitForFunction(() => document.querySelectorAll('#output .m-entity').length === 0);
      assert.ok(await count('#output .m-content') > 0, 'other layers stay');
      assert.equal(await page.textContent('#output'), text);
      await page.uncheck('#layer-attributions');
      await page.uncheck('#layer-events');
      await page.waitForFunction(() => document.querySelectorAll('#output .m').length === 0);
      await page.check('#layer-entities');
      await page.check('#layer-attributions');
      await page.check('#layer-events');
      await page.waitForFunction((n) => document.querySelectorAll('#output .m-entity').length === n, entities);
      const badge = () => page.$eval('#output .m-entity.m-last', (m) => getComputedStyle(m, '::after').display);
      assert.notEqual(await badge(), 'none');
      await page.uncheck('#layer-badges');
      assert.equal(await badge(), 'none');
    });
  });

  test('exports the engine JSON and a CSV of claims and events, and copies a sources summary', async () => {
    await withPage({ permissions: ['clipboard-read', 'clipboard-write'] }, async ({ page }) => {
      await pickSample(page, 'protest');
      const result = await page.evaluate(() => window.isnadResult);
      const [json] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
      assert.match(json.suggestedFilename(), /^isnad-.*\.json$/);
      assert.deepEqual(JSON.parse(await readFile(await json.path(), 'utf8')), result);

      const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
      assert.match(csv.suggestedFilename(), /\.csv$/);
      const lines = (await readFile(await csv.path(), 'utf8')).replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
      assert.match(lines[0], /^record,id,type,start,end,text,source,source_kind,relay_chain/);
      assert.equal(lines.length - 1, result.attributions.length + result.events.length);
      assert.ok(lines.some((l) => l.startsWith('attribution,A1,')));

      await page.click('#copy-sources');
      await page.waitForSelector('#copy-sources[data-copied="true"]');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.match(copied, /^Sources: \d+ claims: /);
      assert.ok(copied.includes('شهود عيان'));
    });
  });

  test('a .txt file dropped on the editor or opened with the picker is analyzed', async () => {
    await withPage({}, async ({ page }) => {
      const dropped = 'قال المتحدث باسم الوزارة إن الوفد وصل إلى عمان مساء الأحد.';
      await page.evaluate((t) => {
        const data = new DataTransfer();
        data.items.add(new File([t], 'article.txt', { type: 'text/plain' }));
        document.getElementById('input').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      }, dropped);
      await waitForRendered(page, dropped);
      assert.equal(await page.inputValue('#input'), dropped);
      assert.ok(await page.$('#output .m-content'));

      const picked = 'ونقلت وكالة رويترز عن مصادر مطلعة أن الاجتماع انتهى.';
      await page.setInputFiles('#file', { name: 'other.txt', mimeType: 'text/plain', buffer: Buffer.from(picked) });
      await waitForRendered(page, picked);
      assert.ok(await page.$('#output .m-via'));
    });
  });

  test('pasted <script> and <img onerror> show as text and nothing runs', async () => {
    await withPage({}, async ({ page, seen, origin }) => {
      await page.fill('#input', HOSTILE);
      await page.click('#analyze');
      await waitForRendered(page, HOSTILE);
      await page.hover('#output');
      await page.waitForTimeout(300);
      const state = await page.evaluate(() => ({
        text: document.getElementById('output').textContent,
        elements: [...document.querySelectorAll('#output *, #panel-sources *, #panel-entities *')].map((e) => e.tagName),
        pwned: window.__pwned,
      }));
      assert.equal(state.text, HOSTILE);
      for (const tag of ['IMG', 'SCRIPT', 'B']) assert.ok(!state.elements.includes(tag), `no ${tag} element`);
      assert.equal(state.pwned, undefined);
      assert.deepEqual(seen.dialogs, []);
      assert.ok(!seen.requests.some((u) => new URL(u).pathname === '/x'), 'no image was requested');
      assert.match(await page.textContent('#warnings'), /looks_like_html/);
      assertLocalOnly(seen, origin);
      assert.deepEqual(seen.errors, []);
    });
  });

  test('right to left: badges sit inside the text box, read left to right, and nothing overflows', async () => {
    for (const theme of ['light', 'dark']) {
      await withPage({ viewport: { width: 1100, height: 900 } }, async ({ page }) => {
        await page.evaluate((t) => { localStorage.setItem('isnad-theme', t); }, theme);
        await page.reload();
        await waitForReady(page);
        assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), theme);
        await pickSample(page, 'drone');
        const layout = await page.evaluate(() => {
          const out = document.getElementById('output');
          const box = out.getBoundingClientRect();
          const bad = [];
          let badges = 0;
          for (const m of out.querySelectorAll('.m-last[data-badge]')) {
            badges++;
            const after = getComputedStyle(m, '::after');
            if (after.direction !== 'ltr' || after.unicodeBidi !== 'isolate') bad.push(`${m.dataset.badge}: ${after.direction}`);
            for (const r of m.getClientRects()) {
              if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5) {
                bad.push(`${m.dataset.badge} outside the text box`);
              }
            }
          }
          // The first character of the text is at the right edge: the text runs right to left.
          const first = out.querySelector('.block');
          const range = document.createRange();
          range.setStart(first.firstChild.nodeType === 3 ? first.firstChild : first.firstChild.firstChild, 0);
          range.setEnd(range.startContainer, 1);
          const c = range.getBoundingClientRect();
          return { badges, bad, overflow: out.scrollWidth - out.clientWidth, rightGap: box.right - c.right, leftGap: c.left - box.left };
        });
        assert.ok(layout.badges > 5);
        assert.deepEqual(layout.bad, []);
        assert.ok(layout.overflow <= 0, `horizontal overflow ${layout.overflow}`);
        assert.ok(layout.rightGap < layout.leftGap, 'the text starts at the right');
      });
    }
  });

  test('phone width: one column, no horizontal scrolling, cards fit the screen', async () => {
    await withPage({ viewport: { width: 360, height: 740 } }, async ({ page }) => {
      await pickSample(page, 'talks');
      const layout = await page.evaluate(() => {
        const rect = (sel) => document.querySelector(sel).getBoundingClientRect();
        return {
          scroll: document.documentElement.scrollWidth,
          reading: rect('.reading'), side: rect('.side'), input: rect('.input-area'),
        };
      });
      assert.ok(layout.scroll <= 360, `page width ${layout.scroll}`);
      assert.ok(layout.side.top >= layout.reading.bottom - 1, 'the panel comes after the text');
      assert.ok(layout.reading.width <= 360 && layout.input.width <= 360);
      const mark = page.locator('#output .m-entity.m-first').last();
      await mark.scrollIntoViewIfNeeded();
      await mark.hover();
      await page.waitForSelector('#card:not([hidden])');
      const card = await page.$eval('#card', (c) => c.getBoundingClientRect().toJSON());
      assert.ok(card.left >= 0 && card.right <= 360, `card ${card.left}–${card.right}`);
    });
  });

  test('says which engine file is missing: the wasm', async () => {
    const broken = join(env.tmp, 'broken-wasm');
    await buildWeb({ root: REPO_ROOT, outDir: broken });
    await rm(join(broken, 'isnad', 'wasm', 'dist', 'isnad-core.wasm'));
    const brokenServer = await startServer({ root: broken, port: 0 });
    const { context, page } = await openPage(env.browser, brokenServer.url);
    try {
      await page.waitForSelector('#status[data-state="error"]', { timeout: 20000 });
      const message = await page.textContent('#status');
      assert.match(message, /isnad: cannot fetch the engine \(wasm\) from \S+isnad-core\.wasm: HTTP 404/);
    } finally {
      await context.close();
      await brokenServer.close();
    }
  });

  test('tells the user when the engine cannot be loaded', async () => {
    const broken = join(env.tmp, 'broken');
    await buildWeb({ root: REPO_ROOT, outDir: broken });
    await rm(join(broken, 'isnad', 'models', 'isnad.model'));
    const brokenServer = await startServer({ root: broken, port: 0 });
    const { context, page, seen } = await openPage(env.browser, brokenServer.url);
    try {
      await page.waitForSelector('#status[data-state="error"]', { timeout: 20000 });
      const message = await page.textContent('#status');
      assert.match(message, /engine failed to load/);
      assert.match(message, /isnad: cannot fetch the model from \S+isnad\.model: HTTP 404/);
      assert.doesNotMatch(message, /isnad:.*isnad:/, 'one cause, said once');
      assert.equal(await page.getAttribute('#status', 'role'), 'alert');
      assert.equal(await page.isDisabled('#analyze'), true);
      assert.deepEqual(seen.foreign, []);
    } finally {
      await context.close();
      await brokenServer.close();
    }
  });
});
