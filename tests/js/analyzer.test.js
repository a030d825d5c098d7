// The npm API (wasm/index.js) against the built module (wasm/dist/) and models/isnad.model.
//   node --test tests/js/
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { ARTICLE, ENTRY_URL, REPO_ROOT, checkResult } from './helpers.js';

for (const file of ['wasm/dist/isnad-core.js', 'wasm/dist/isnad-core.wasm', 'models/isnad.model']) {
  if (!existsSync(join(REPO_ROOT, file))) {
    throw new Error(`${file} is missing: build the wasm module (toolchain/build.sh) before these tests`);
  }
}

const { createAnalyzer } = await import(ENTRY_URL);

describe('createAnalyzer / analyze', () => {
  let analyzer;
  before(async () => { analyzer = await createAnalyzer(); });
  after(() => analyzer?.dispose());

  test('exposes analyze, version and dispose, and nothing of the wasm runtime', () => {
    assert.equal(typeof analyzer.analyze, 'function');
    assert.equal(typeof analyzer.dispose, 'function');
    assert.match(analyzer.version, /^\d+\.\d+\.\d+/);
    assert.deepEqual(Object.keys(analyzer).sort(), ['analyze', 'dispose', 'loadTimings', 'memory', 'version']);
  });

  test('loadTimings: each loading step, in order, on the performance.now() clock', () => {
    const t = analyzer.loadTimings;
    assert.deepEqual(Object.keys(t).sort(), ['compiled', 'modelFetched', 'modelLoaded', 'started']);
    assert.ok(t.started <= t.compiled && t.started <= t.modelFetched, 'fetches end after the call');
    assert.ok(t.modelLoaded >= Math.max(t.compiled, t.modelFetched), 'the model loads once both are in');
    assert.ok(t.modelLoaded <= performance.now());
    assert.ok(Object.isFrozen(t));
  });

  test('an Arabic news article: sentences and tokens with exact UTF-16 offsets', () => {
    const result = analyzer.analyze(ARTICLE, { documentDate: '2024-03-10' });
    checkResult(result, ARTICLE);
    assert.ok(result.sentences.length >= 4, `expected at least 4 sentences, got ${result.sentences.length}`);
    assert.ok(result.tokens.length >= 50, `expected at least 50 tokens, got ${result.tokens.length}`);
    const byText = (s) => result.tokens.filter((t) => t.text === s);
    assert.ok(byText('الصحة').some((t) => t.kind === 'word'), 'الصحة is a word');
    assert.ok(byText('120').some((t) => t.kind === 'number'), '120 is a number');
    assert.ok(result.tokens.some((t) => t.kind === 'punctuation' && t.text === '.'), 'a full stop');
    assert.ok(result.tokens.some((t) => t.kind === 'quote_open' && t.text === '«'), '« opens a quote');
    assert.ok(result.tokens.some((t) => t.kind === 'quote_close' && t.text === '»'), '» closes a quote');
    // The first sentence ends with the first full stop.
    const firstStop = ARTICLE.indexOf('.') + 1;
    assert.equal(result.sentences[0].start, 0);
    assert.equal(result.sentences[0].end, firstStop);
  });

  test('attributions: source, relay, content and kind, with UTF-16 offsets after an emoji', () => {
    const text = '😀 نقلت وكالة الأنباء عن مصادر مطلعة أن الوفد وصل. وقال مسؤول أمني: «الوضع هادئ».';
    const result = analyzer.analyze(text);
    checkResult(result, text);
    const [relayed, quoted] = result.attributions;
    assert.equal(result.attributions.length, 2);
    assert.equal(relayed.act, 'REPORT');
    assert.equal(relayed.source.text, 'مصادر مطلعة');
    assert.equal(relayed.source_kind, 'ANONYMOUS');
    assert.deepEqual(relayed.via.map((v) => v.text), ['وكالة الأنباء']);
    assert.equal(relayed.content.text, 'الوفد وصل');
    assert.equal(quoted.mode, 'direct');
    assert.equal(quoted.source_kind, 'OFFICIAL');
    assert.equal(quoted.content.text, 'الوضع هادئ');
    assert.equal(quoted.attributed_to, null);
  });

  test('a Persian text is reported as Persian, not analyzed as Arabic', () => {
    const text = 'وزیر امور خارجه گفت که مذاکرات در ژنو ادامه پیدا خواهد کرد و چند گروه دیگر هم می‌آیند.';
    const result = analyzer.analyze(text);
    checkResult(result, text);
    assert.deepEqual(result.language, { script: 'Arab', code: 'fa', analyzed: false });
    assert.ok(result.warnings.some((w) => w.code === 'not_arabic'));
    assert.equal(result.entities.length, 0);
    assert.equal(analyzer.analyze('قال الوزير إن الخطة جاهزة.').language.code, 'ar');
  });

  test('emoji (outside the BMP) and mixed Arabic/Latin keep every offset', () => {
    const text = 'قال Ahmed Salem 🙂 لوكالة BBC إن الخبر 👍🏽 صحيح، وأضاف: "OK" 𝐀𝐁𝐂 ١٢٣ 4.5%. 🇯🇴 انتهى.';
    const result = analyzer.analyze(text);
    checkResult(result, text);
    const smile = result.tokens.find((t) => t.text.includes('🙂'));
    assert.ok(smile, 'the emoji is in a token');
    assert.equal(smile.kind, 'symbol');
    assert.equal(smile.end - smile.start, 2, 'a non-BMP character is two UTF-16 code units');
    assert.ok(result.tokens.some((t) => t.text === 'Ahmed' && t.kind === 'word'), 'a Latin word');
    assert.ok(result.tokens.some((t) => t.text === 'لوكالة' && t.kind === 'word'), 'an Arabic word after Latin');
    // Offsets after the non-BMP characters still index the caller's string.
    const last = result.tokens.at(-1);
    assert.equal(last.end, text.length);
  });

  test('the empty string gives an empty document', () => {
    const result = analyzer.analyze('');
    checkResult(result, '');
    assert.equal(result.sentences.length, 0);
    assert.equal(result.tokens.length, 0);
  });

  test('whitespace only gives no tokens', () => {
    const text = '  \n\t \u00a0 \n';
    const result = analyzer.analyze(text);
    checkResult(result, text);
    assert.equal(result.tokens.length, 0);
  });

  test('lone surrogates: replaced for the engine, warned about, offsets and text intact', () => {
    // A lone high surrogate, a lone low surrogate, a valid pair right after a lone high one, and a
    // lone high surrogate at the very end.
    const text = 'قال \uD83D مسؤول \uDC00إن الوضع \uD83D\uD83D\uDE00 مستقر.\uD800';
    const lone = [4, 12, 22, text.length - 1];
    const result = analyzer.analyze(text);
    checkResult(result, text);
    const warnings = result.warnings.filter((w) => w.code === 'lone_surrogate');
    assert.deepEqual(warnings.map((w) => [w.start, w.end]), lone.map((i) => [i, i + 1]));
    for (const w of warnings) {
      assert.match(w.message, /surrogate/);
      const unit = text.charCodeAt(w.start);
      assert.ok(unit >= 0xd800 && unit <= 0xdfff);
    }
    assert.ok(result.tokens.some((t) => t.text === 'مسؤول'), 'the words around survive');
    assert.ok(result.tokens.some((t) => t.text.includes('\uD83D\uDE00')), 'the valid pair survives');
  });

  test('a well-formed string gets no lone_surrogate warning', () => {
    const result = analyzer.analyze('مرحبا 😀');
    assert.equal(result.warnings.filter((w) => w.code === 'lone_surrogate').length, 0);
  });

  test('non-string input throws a TypeError', () => {
    for (const bad of [undefined, null, 42, {}, ['نص'], new String('نص'), Symbol('x'), 10n]) {
      assert.throws(() => analyzer.analyze(bad), TypeError);
    }
    assert.throws(() => analyzer.analyze('نص', { documentDate: 20240310 }), TypeError);
    assert.throws(() => analyzer.analyze('نص', null), TypeError);
  });

  test('HTML-looking input is analyzed as plain text with every character kept', () => {
    const text = '<img src=x onerror=alert(1)> قال <b>المتحدث</b> &amp; <script>alert("x")</script>';
    const result = analyzer.analyze(text);
    checkResult(result, text);
    const rebuilt = result.tokens.map((t) => t.text).join('');
    assert.equal(rebuilt, text.replace(/\s+/g, ''), 'the tokens hold every non-space character');
  });

  test('a long text (memory growth) keeps exact offsets', () => {
    const text = `${ARTICLE} 🙂 `.repeat(400);
    const result = analyzer.analyze(text);
    checkResult(result, text, { coverage: true });
    assert.ok(result.sentences.length >= 400 * 4);
  });

  test('repeated analyses give the same result', () => {
    const a = analyzer.analyze(ARTICLE);
    const b = analyzer.analyze(ARTICLE);
    assert.deepEqual(a, b);
  });

  test('{ tokens: false }: the same result with token_count in place of the token list', () => {
    const full = analyzer.analyze(ARTICLE);
    const lean = analyzer.analyze(ARTICLE, { tokens: false });
    assert.equal(lean.tokens, undefined);
    assert.equal(lean.token_count, full.tokens.length);
    assert.ok(full.tokens.length > 50);
    const { tokens, ...rest } = full;
    const { token_count: count, ...leanRest } = lean;
    assert.deepEqual(leanRest, rest);
    assert.equal(full.token_count, undefined);
    assert.deepEqual(analyzer.analyze(ARTICLE, { tokens: true }), full);
    assert.throws(() => analyzer.analyze(ARTICLE, { tokens: 'no' }), TypeError);
  });
});

describe('lifecycle', () => {
  test('dispose() is idempotent and analyze() throws afterwards', async () => {
    const analyzer = await createAnalyzer();
    assert.equal(analyzer.analyze('خبر').tokens.length, 1);
    analyzer.dispose();
    analyzer.dispose();
    assert.throws(() => analyzer.analyze('خبر'), /disposed/);
  });

  test('two analyzers are independent', async () => {
    const a = await createAnalyzer();
    const b = await createAnalyzer();
    const ra = a.analyze(ARTICLE);
    a.dispose();
    assert.throws(() => a.analyze(ARTICLE));
    const rb = b.analyze(ARTICLE);
    assert.deepEqual(rb, ra);
    b.dispose();
  });

  test('many create/dispose cycles do not exhaust the module', async () => {
    for (let i = 0; i < 20; i++) {
      const analyzer = await createAnalyzer();
      analyzer.analyze(ARTICLE);
      analyzer.dispose();
    }
  });
});

describe('options', () => {
  test('wasmBinary and modelBytes overrides', async () => {
    const wasmBinary = await readFile(join(REPO_ROOT, 'wasm/dist/isnad-core.wasm'));
    const modelBytes = new Uint8Array(await readFile(join(REPO_ROOT, 'models/isnad.model')));
    const analyzer = await createAnalyzer({ wasmBinary: new Uint8Array(wasmBinary), modelBytes });
    checkResult(analyzer.analyze(ARTICLE), ARTICLE);
    analyzer.dispose();
  });

  test('wasmModule: a compiled module, or a promise of one', async () => {
    const bytes = await readFile(join(REPO_ROOT, 'wasm/dist/isnad-core.wasm'));
    for (const wasmModule of [await WebAssembly.compile(bytes), WebAssembly.compile(bytes)]) {
      const analyzer = await createAnalyzer({ wasmModule });
      checkResult(analyzer.analyze(ARTICLE), ARTICLE);
      analyzer.dispose();
    }
    await assert.rejects(createAnalyzer({ wasmModule: new Uint8Array(4) }), TypeError);
  });

  test('a corrupt model is rejected with the engine\'s message', async () => {
    const modelBytes = new TextEncoder().encode('this is not an isnad model');
    await assert.rejects(createAnalyzer({ modelBytes }), (e) => {
      assert.ok(e instanceof Error);
      assert.match(e.message, /^isnad: cannot load the model: \S/);
      assert.equal(typeof e.code, 'string');
      return true;
    });
  });

  test('a bad option type is a TypeError', async () => {
    await assert.rejects(createAnalyzer({ modelBytes: 'not bytes' }), TypeError);
    await assert.rejects(createAnalyzer(null), TypeError);
  });
});

describe('the fetch option', () => {
  test('is used for the files that are fetched, and must be a function', async () => {
    const { createServer } = await import('node:http');
    const { readFileSync } = await import('node:fs');
    const files = {
      '/core.wasm': [readFileSync(join(REPO_ROOT, 'wasm/dist/isnad-core.wasm')), 'application/wasm'],
      '/m.model': [readFileSync(join(REPO_ROOT, 'models/isnad.model')), 'application/octet-stream'],
    };
    const server = createServer((req, res) => {
      const [body, type] = files[req.url] ?? [];
      if (!body) { res.writeHead(404).end(); return; }
      res.writeHead(200, { 'Content-Type': type }).end(body);
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${server.address().port}`;
    const asked = [];
    try {
      const analyzer = await createAnalyzer({
        wasmUrl: `${base}/core.wasm`,
        modelUrl: `${base}/m.model`,
        fetch: (url, init) => { asked.push([new URL(url).pathname, init.credentials]); return fetch(url, init); },
      });
      checkResult(analyzer.analyze(ARTICLE), ARTICLE);
      analyzer.dispose();
    } finally {
      server.close();
    }
    assert.deepEqual(asked.sort(), [['/core.wasm', 'same-origin'], ['/m.model', 'same-origin']]);
    await assert.rejects(createAnalyzer({ fetch: 'not a function' }), TypeError);
  });
});

describe('a model that downloads in pieces', () => {
  // Serves the model in `pieces` writes, 20 ms apart, after corrupting one byte when asked.
  async function serveModel({ pieces, corrupt = false }) {
    const { createServer } = await import('node:http');
    const { readFileSync } = await import('node:fs');
    const model = Buffer.from(readFileSync(join(REPO_ROOT, 'models/isnad.model')));
    if (corrupt) model[Math.floor(model.length / 2)] ^= 1;
    const server = createServer(async (req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': model.length });
      const step = Math.ceil(model.length / pieces);
      for (let at = 0; at < model.length; at += step) {
        res.write(model.subarray(at, at + step));
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      res.end();
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { url: `http://127.0.0.1:${server.address().port}/isnad.model`, close: () => server.close() };
  }

  test('loads section by section as it arrives, with the same results', async () => {
    const server = await serveModel({ pieces: 7 });
    try {
      const streamed = await createAnalyzer({ modelUrl: server.url });
      const whole = await createAnalyzer();
      assert.deepEqual(streamed.analyze(ARTICLE), whole.analyze(ARTICLE));
      const t = streamed.loadTimings;
      assert.ok(t.modelFetched <= t.modelLoaded);
      streamed.dispose();
      whole.dispose();
    } finally {
      server.close();
    }
  });

  test('a corrupt download is rejected with the engine\'s message', async () => {
    const server = await serveModel({ pieces: 3, corrupt: true });
    try {
      await assert.rejects(createAnalyzer({ modelUrl: server.url }), /^Error: isnad: cannot load the model: .*checksum/);
    } finally {
      server.close();
    }
  });
});
