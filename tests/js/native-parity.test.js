// The wasm build and the native CLI must give the same analysis: same ICU version, the same
// trimmed rules, the same model. Checked on an article written for the tests and, when
// ../shared is present, on the seed articles.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { ARTICLE, ENTRY_URL, REPO_ROOT } from './helpers.js';

const { createAnalyzer } = await import(ENTRY_URL);
const CLI = join(REPO_ROOT, 'build', 'native', 'isnad');
const SHARED = process.env.ISNAD_SHARED ?? join(REPO_ROOT, '..', 'shared');

function nativeJson(text) {
  return JSON.parse(execFileSync(CLI, ['analyze'], { input: text, encoding: 'utf8' }));
}

test('wasm and native agree on an article with quotes, digits and emoji', async () => {
  const analyzer = await createAnalyzer();
  const text = `${ARTICLE}\nقال: “نعم 😀 ٢٠٢٤” و"لا". <b>نص</b>`;
  assert.deepEqual(analyzer.analyze(text), nativeJson(text));
  analyzer.dispose();
});

test('wasm carries the events layer like native: triggers, roles, flags', async () => {
  const analyzer = await createAnalyzer();
  const text = 'هاجمت روسيا أوكرانيا أمس. وهددت كوريا الشمالية بشن هجوم على اليابان. وأكدت الشرطة عدم وقوع إصابات.';
  const result = analyzer.analyze(text);
  assert.deepEqual(result, nativeJson(text));
  const brief = result.events.map((e) => [e.type, e.trigger.text, e.polarity, e.modality]);
  assert.deepEqual(brief, [
    ['ATTACK', 'هاجمت', 'positive', 'asserted'],
    ['THREATEN', 'هددت', 'positive', 'asserted'],
    ['ATTACK', 'شن هجوم', 'positive', 'possible'],
    ['INJURE', 'إصابات', 'negative', 'asserted'],
  ]);
  const attack = result.events[0];
  assert.equal(attack.plover, 'ASSAULT');
  assert.equal(attack.ace, 'Conflict.Attack');
  for (const arg of attack.arguments) {
    assert.equal(arg.text, text.slice(arg.start, arg.end));
    assert.ok(result.entities.some((e) => e.id === arg.entity), `${arg.role} points at an entity`);
  }
  assert.deepEqual(attack.arguments.map((a) => [a.role, a.text]),
    [['agent', 'روسيا'], ['target', 'أوكرانيا'], ['time', 'أمس']]);
  analyzer.dispose();
});

test('wasm and native agree on the seed articles', async (t) => {
  const seeds = join(SHARED, 'data', 'seeds');
  if (!existsSync(seeds)) {
    t.skip(`${seeds} is absent (set ISNAD_SHARED)`);
    return;
  }
  const analyzer = await createAnalyzer();
  const names = readdirSync(seeds).filter((n) => n.endsWith('.txt'));
  assert.equal(names.length, 5);
  for (const name of names) {
    const text = readFileSync(join(seeds, name), 'utf8');
    assert.deepEqual(analyzer.analyze(text), nativeJson(text), name);
  }
  analyzer.dispose();
});
