// toolchain/serve.mjs: MIME types, index.html for directories, nothing outside the root.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { startServer } from '../../toolchain/serve.mjs';

let tmp;
let server;

// Raw requests (no URL normalization by the client), so that ../ reaches the server as sent.
function get(path, method = 'GET') {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

before(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'isnad-serve-'));
  const root = join(tmp, 'root');
  await mkdir(join(root, 'isnad', 'wasm'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>t</title>');
  await writeFile(join(root, 'app.js'), 'export {};');
  await writeFile(join(root, 'style.css'), 'body{}');
  await writeFile(join(root, 'isnad', 'wasm', 'core.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d]));
  await writeFile(join(root, 'isnad', 'm.model'), 'bytes');
  await writeFile(join(tmp, 'secret.txt'), 'outside the root');
  server = await startServer({ root, port: 0 });
});

after(async () => {
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

test('listens on 127.0.0.1 on the port asked for (0: any free one)', () => {
  assert.ok(server.port > 0);
  assert.equal(server.server.address().address, '127.0.0.1');
  assert.equal(server.url, `http://127.0.0.1:${server.port}/`);
});

test('serves files with their MIME types', async () => {
  const cases = {
    '/': 'text/html; charset=utf-8',
    '/index.html': 'text/html; charset=utf-8',
    '/app.js': 'text/javascript; charset=utf-8',
    '/style.css': 'text/css; charset=utf-8',
    '/isnad/wasm/core.wasm': 'application/wasm',
    '/isnad/m.model': 'application/octet-stream',
  };
  for (const [path, type] of Object.entries(cases)) {
    const res = await get(path);
    assert.equal(res.status, 200, path);
    assert.equal(res.headers['content-type'], type, path);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.match(res.headers['content-security-policy'], /default-src 'self'/);
  }
  const wasm = await get('/isnad/wasm/core.wasm?v=1');
  assert.deepEqual([...wasm.body], [0, 0x61, 0x73, 0x6d]);
});

test('HEAD has no body; other methods are refused', async () => {
  const head = await get('/app.js', 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(head.body.length, 0);
  assert.equal((await get('/app.js', 'POST')).status, 405);
});

test('nothing outside the root, and 404 for what is missing', async () => {
  for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/isnad/../../secret.txt', '/..%2fsecret.txt',
    '/missing.js', '/isnad/', '/%00', '/%E0%A4%A']) {
    const res = await get(path);
    assert.equal(res.status, 404, path);
    assert.doesNotMatch(res.body.toString(), /outside the root/);
  }
});
