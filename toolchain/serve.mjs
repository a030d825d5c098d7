#!/usr/bin/env node
// A tiny static server for the built page (build/web/, see build-web.mjs). No dependencies.
//
//   node toolchain/serve.mjs [--port N] [--root DIR]      (PORT in the environment works too)
//
// Binds 127.0.0.1 only. Tests import startServer({ root, port: 0 }) to get a free port.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_ROOT = join(REPO_ROOT, 'build', 'web');
export const DEFAULT_PORT = 8080;

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.model': 'application/octet-stream',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
};

// The same policy as the page's <meta> tag; as a header it also covers the worker script.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

async function resolveFile(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const path = normalize(join(root, decoded));
  if (path !== root && !path.startsWith(root + sep)) return null; // outside the root
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      const index = join(path, 'index.html');
      const indexInfo = await stat(index);
      return indexInfo.isFile() ? { path: index, size: indexInfo.size } : null;
    }
    return info.isFile() ? { path, size: info.size } : null;
  } catch {
    return null;
  }
}

export function startServer({ root = DEFAULT_ROOT, port = DEFAULT_PORT, host = '127.0.0.1' } = {}) {
  const rootDir = resolve(root);
  const server = createServer(async (req, res) => {
    const common = {
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'method not allowed\n', { ...common, Allow: 'GET, HEAD' });
      return;
    }
    const urlPath = (req.url || '/').split(/[?#]/, 1)[0];
    const file = await resolveFile(rootDir, urlPath);
    if (!file) {
      send(res, 404, 'not found\n', common);
      return;
    }
    res.writeHead(200, {
      ...common,
      'Content-Type': MIME_TYPES[extname(file.path).toLowerCase()] || 'application/octet-stream',
      'Content-Length': file.size,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = createReadStream(file.path);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  });

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const actualPort = server.address().port;
      resolvePromise({
        server,
        port: actualPort,
        url: `http://${host}:${actualPort}/`,
        close: () => new Promise((done) => {
          server.closeAllConnections?.();
          server.close(() => done());
        }),
      });
    });
  });
}

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--port' || a === '-p') args.port = argv[++i];
    else if (a.startsWith('--port=')) args.port = a.slice('--port='.length);
    else if (a === '--root') args.root = resolve(argv[++i]);
    else if (a === '-h' || a === '--help') args.help = true;
    else throw new Error(`serve: unknown argument ${a}`);
  }
  return args;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(e.message);
    process.exit(2);
  }
  if (args.help) {
    console.log('usage: node toolchain/serve.mjs [--port N] [--root DIR]   (default port 8080, or PORT)');
    process.exit(0);
  }
  const raw = args.port ?? process.env.PORT ?? String(DEFAULT_PORT);
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve: bad port ${raw}`);
    process.exit(2);
  }
  const root = args.root ?? DEFAULT_ROOT;
  try {
    await stat(join(root, 'index.html'));
  } catch {
    console.error(`serve: ${root}/index.html not found; run node toolchain/build-web.mjs first`);
    process.exit(1);
  }
  try {
    const { port: actual } = await startServer({ root, port });
    console.log(`Isnad is served at http://localhost:${actual}/`);
  } catch (e) {
    console.error(`serve: cannot listen on 127.0.0.1:${port}: ${e.message}`);
    process.exit(1);
  }
}
