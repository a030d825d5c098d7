// Event rendering, checked with a hand-made result (tests/fixtures/events-result.js) fed to the
// page's own modules in the browser: render.js, cards.js and panels.js. The engine's event layer
// is not needed for this. The built page has them only inside its bundle, so the sources are
// served beside it, under /src/.
import assert from 'node:assert/strict';
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { eventsFixture } from '../fixtures/events-result.js';
import { openPage, REPO_ROOT, startPage, waitForReady } from './support.js';

let env;
let opened;
before(async () => {
  env = await startPage();
  await cp(join(REPO_ROOT, 'web'), join(env.tmp, 'web', 'src'), { recursive: true });
  opened = await openPage(env.browser, env.server.url);
  await waitForReady(opened.page);
  // A stage for the fixture, with the page's own classes, and the modules wired to it.
  await opened.page.evaluate(async (fixture) => {
    const [{ renderText }, { setupCards }, { indexResult }, { renderEventsPanel }] = await Promise.all([
      import('/src/render.js'), import('/src/cards.js'), import('/src/describe.js'), import('/src/panels.js')]);
    const stage = document.createElement('div');
    stage.id = 'stage';
    stage.className = 'output';
    stage.dir = 'rtl';
    stage.lang = 'ar';
    document.querySelector('.reading').prepend(stage);
    renderText(stage, fixture);
    setupCards({ output: stage, card: document.getElementById('card'), getIndex: () => indexResult(fixture) });
    const list = document.createElement('div');
    list.id = 'stage-events';
    document.querySelector('.reading').prepend(list);
    renderEventsPanel(list, fixture, (item) => { window.selected = item; });
  }, eventsFixture());
});
after(async () => {
  await opened?.context.close();
  await env?.close();
});

test('every event trigger is marked, with its type and flags in the badge and the line style', async () => {
  const fixture = eventsFixture();
  const marks = await opened.page.$$eval('#stage .m-trigger', (ms) => ms.map((m) => ({
    ref: m.dataset.ref, text: m.textContent, badge: m.dataset.badge, modality: m.dataset.modality, polarity: m.dataset.polarity,
    border: getComputedStyle(m).borderTopStyle, focusable: m.tabIndex === 0, inClaim: m.closest('.m-content')?.dataset.ref ?? null,
  })));
  assert.deepEqual(marks.map((m) => m.ref), ['E1', 'E2', 'E3', 'E4']);
  assert.deepEqual(marks.map((m) => m.text), fixture.events.map((e) => e.trigger.text));
  assert.deepEqual(marks.map((m) => m.badge), ['ATTACK', 'ATTACK✗', 'ATTACK?', '¬ARREST']);
  assert.deepEqual(marks.map((m) => m.border), ['solid', 'double', 'dashed', 'solid']);
  assert.deepEqual(marks.map((m) => m.inClaim), [null, 'A1', null, 'A2']);
  assert.ok(marks.every((m) => m.focusable));
  assert.equal(await opened.page.textContent('#stage'), fixture.text);
});

test('an event card shows agent → target, place, time, flags and the claim it rests on', async () => {
  const { page } = opened;
  await page.hover('#stage .m-trigger[data-ref="E2"]');
  await page.waitForSelector('#card:not([hidden])[data-kind="trigger"]');
  const denied = await page.textContent('#card');
  assert.match(denied, /event ATTACK/);
  assert.match(denied, /كتائب الفجر → القاعدة/);
  assert.match(denied, /denied/);
  assert.match(denied, /Source.*كتائب الفجر.*organization, A1/);

  await page.mouse.move(0, 0);
  await page.focus('#stage .m-trigger[data-ref="E1"]');
  await page.waitForSelector('#card:not([hidden])');
  const asserted = await page.textContent('#card');
  assert.match(asserted, /طائرات مسيرة → قاعدة عين الأسد/);
  assert.match(asserted, /Time.*فجر الأربعاء/);
  assert.match(asserted, /asserted/);
  assert.match(asserted, /the article itself/);
  await page.keyboard.press('Escape');
  assert.equal(await page.isHidden('#card'), true);

  await page.focus('#stage .m-trigger[data-ref="E4"]');
  const negated = await page.textContent('#card');
  assert.match(negated, /negated/);
  assert.match(negated, /unnamed official, A2/);
});

test('the events list shows type, actors, time and flags, and selects on click', async () => {
  const { page } = opened;
  const items = await page.$$eval('#stage-events .event-list > li', (lis) => lis.map((li) => li.textContent));
  assert.equal(items.length, 4);
  assert.match(items[0], /ATTACK.*قصفت.*asserted.*طائرات مسيرة → قاعدة عين الأسد.*فجر الأربعاء/s);
  assert.match(items[1], /denied/);
  assert.match(items[2], /possible/);
  assert.match(items[3], /ARREST.*asserted.*negated/s);
  assert.equal(await page.textContent('#stage-events .summary'), '4 events');
  await page.click('#stage-events .event-list > li:nth-child(3) button');
  assert.deepEqual(await page.evaluate(() => window.selected), { kind: 'event', ref: 'E3' });
});
