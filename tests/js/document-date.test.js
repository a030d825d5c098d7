// createAnalyzer({ documentDate }): the default publication date of every analyze() call, which a
// call's own documentDate overrides (null: no date at all).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { ENTRY_URL } from './helpers.js';

const { createAnalyzer } = await import(ENTRY_URL);
const TEXT = 'وصل الوفد إلى بغداد أمس.';
const timeValues = (r) => r.entities.filter((e) => e.type === 'TIME').map((e) => e.value);

test('the analyzer-level documentDate resolves relative times, and a call can override it', async () => {
  const analyzer = await createAnalyzer({ documentDate: '2025-03-12' });
  const byDefault = analyzer.analyze(TEXT);
  assert.equal(byDefault.document_date, '2025-03-12');
  assert.deepEqual(timeValues(byDefault), ['2025-03-11']);

  const overridden = analyzer.analyze(TEXT, { documentDate: '2024-01-01' });
  assert.equal(overridden.document_date, '2024-01-01');
  assert.deepEqual(timeValues(overridden), ['2023-12-31']);

  const none = analyzer.analyze(TEXT, { documentDate: null });
  assert.equal(none.document_date, undefined);
  assert.deepEqual(timeValues(none), ['DOC-P1D']);
  analyzer.dispose();

  const plain = await createAnalyzer();
  assert.equal(plain.analyze(TEXT).document_date, undefined);
  plain.dispose();
});

test('a bad documentDate is refused where it is given', async () => {
  await assert.rejects(createAnalyzer({ documentDate: 20250312 }), /createAnalyzer\(\) documentDate must be a string/);
  const bad = await createAnalyzer({ documentDate: '12/03/2025' });
  assert.throws(() => bad.analyze(TEXT), /date/i);
  bad.dispose();
  const analyzer = await createAnalyzer();
  assert.throws(() => analyzer.analyze(TEXT, { documentDate: 5 }), TypeError);
  analyzer.dispose();
});
