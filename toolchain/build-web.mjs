#!/usr/bin/env node
// Assembles the servable page into build/web/ and prints a JSON size report (raw and gzip bytes of
// every file the page may download, and their total).
//
//   node toolchain/build-web.mjs [--out DIR] [--report FILE]
//
// Layout (the worker imports ./isnad/wasm/index.js, which reads ./dist/ and ../models/ relative to
// itself, exactly as inside the npm package):
//   build/web/index.html boot.js favicon.svg       (web/, copied as is)
//   build/web/app.js worker.js page.css            (bundles of web/'s modules and stylesheets, below)
//   build/web/sw.js                               (web/sw.js with the build hash and the file list)
//   build/web/fonts/*.woff2 OFL.txt               (from the @fontsource/noto-naskh-arabic package)
//   build/web/isnad/wasm/index.js
//   build/web/isnad/wasm/dist/isnad-core.js isnad-core.wasm
//   build/web/isnad/models/isnad.model
//
// Needs the wasm build first (wasm/dist/, see wasm/CMakeLists.txt), models/isnad.model and the npm
// dev dependencies (toolchain/install-npm.sh) for the font.
import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync, constants as zlib } from 'node:zlib';

import * as esbuild from 'esbuild';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

async function mustExist(path, hint) {
  try {
    await stat(path);
  } catch {
    throw new Error(`build-web: missing ${relative(process.cwd(), path) || path}: ${hint}`);
  }
}

async function listFiles(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

// The self-hosted Arabic face (web/fonts.css names these files).
export const FONT_PACKAGE = join('node_modules', '@fontsource', 'noto-naskh-arabic');
export const FONT_FILES = ['noto-naskh-arabic-arabic-400-normal.woff2', 'noto-naskh-arabic-arabic-700-normal.woff2'];
const isFont = (path) => path.startsWith('fonts/');

export async function sizeReport(dir) {
  const files = [];
  for (const path of (await listFiles(dir)).sort()) {
    const bytes = await readFile(path);
    files.push({
      path: relative(dir, path).split(sep).join('/'),
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: zlib.Z_BEST_COMPRESSION }).length,
    });
  }
  const sum = (list) => list.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip }), { raw: 0, gzip: 0 });
  return { files, total: sum(files), totalWithoutFont: sum(files.filter((f) => !isFont(f.path))) };
}

// The page's entry points, each bundled with everything it imports into one file of the same name,
// so that the page asks for three files where it would ask for twenty: on HTTP/1.1 (six
// connections to a host) the page's own requests otherwise queue ahead of the worker's engine
// files. The engine (./isnad/) stays apart: it is the npm package, which finds its wasm and model
// relative to itself. The sources stay plain ES modules and stylesheets (page.css @imports the
// others), so web/ also runs unbundled.
export const BUNDLES = ['app.js', 'worker.js', 'page.css'];

// Bundles the BUNDLES of web/ into outDir, and removes from outDir every source file that a bundle
// took in (a module or stylesheet no page asks for any more).
async function bundlePage(web, outDir) {
  const result = await esbuild.build({
    absWorkingDir: web,
    entryPoints: BUNDLES,
    outdir: outDir,
    bundle: true,
    format: 'esm',
    external: ['./isnad/*', 'fonts/*'],
    metafile: true,
    allowOverwrite: true,
    charset: 'utf8',
    logLevel: 'silent',
  });
  const taken = new Set(Object.keys(result.metafile.inputs).map((path) => relative(web, resolve(web, path))));
  for (const name of taken) {
    if (!BUNDLES.includes(name)) await rm(join(outDir, name), { force: true });
  }
}

// Fills web/sw.js's placeholders: every file of the built page (relative URLs, './' for the page
// itself) and a hash of all their contents, which names the cache of this build.
async function writeServiceWorker(outDir) {
  const swPath = join(outDir, 'sw.js');
  const paths = (await listFiles(outDir)).map((p) => relative(outDir, p).split(sep).join('/'))
    .filter((p) => p !== 'sw.js').sort();
  const hash = createHash('sha256');
  for (const p of paths) hash.update(p).update('\0').update(await readFile(join(outDir, p)));
  const assets = ['./', ...paths];
  const template = await readFile(swPath, 'utf8');
  if (!template.includes("'__ISNAD_ASSETS__'") || !template.includes('__ISNAD_BUILD__')) {
    throw new Error('build-web: web/sw.js lacks its placeholders');
  }
  await writeFile(swPath, template
    .replace("['__ISNAD_ASSETS__']", JSON.stringify(assets))
    .replace('__ISNAD_BUILD__', hash.digest('hex').slice(0, 16)));
}

export async function buildWeb({ root = REPO_ROOT, outDir = join(root, 'build', 'web') } = {}) {
  const web = join(root, 'web');
  const entry = join(root, 'wasm', 'index.js');
  const dist = join(root, 'wasm', 'dist');
  const model = join(root, 'models', 'isnad.model');
  await mustExist(web, 'the page sources');
  await mustExist(entry, 'the npm entry');
  await mustExist(join(dist, 'isnad-core.js'), 'build the wasm module first (toolchain/build.sh)');
  await mustExist(join(dist, 'isnad-core.wasm'), 'build the wasm module first (toolchain/build.sh)');
  await mustExist(model, 'the model file');
  const fontDir = join(root, FONT_PACKAGE);
  for (const name of FONT_FILES) {
    await mustExist(join(fontDir, 'files', name), 'install the npm dev dependencies (toolchain/install-npm.sh)');
  }

  await rm(outDir, { recursive: true, force: true });
  await mkdir(join(outDir, 'isnad', 'wasm', 'dist'), { recursive: true });
  await mkdir(join(outDir, 'isnad', 'models'), { recursive: true });
  await cp(web, outDir, { recursive: true, filter: (src) => !/(^|[\\/])\.[^\\/]+$/.test(relative(web, src)) });
  await cp(entry, join(outDir, 'isnad', 'wasm', 'index.js'));
  for (const name of ['isnad-core.js', 'isnad-core.wasm']) {
    await cp(join(dist, name), join(outDir, 'isnad', 'wasm', 'dist', name));
  }
  await cp(model, join(outDir, 'isnad', 'models', 'isnad.model'));
  await mkdir(join(outDir, 'fonts'), { recursive: true });
  for (const name of FONT_FILES) await cp(join(fontDir, 'files', name), join(outDir, 'fonts', name));
  await cp(join(fontDir, 'LICENSE'), join(outDir, 'fonts', 'OFL.txt'));
  await bundlePage(web, outDir);
  await writeServiceWorker(outDir);

  return { outDir, ...(await sizeReport(outDir)) };
}

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out') args.outDir = resolve(argv[++i]);
    else if (a === '--report') args.report = resolve(argv[++i]);
    else if (a === '-h' || a === '--help') args.help = true;
    else throw new Error(`build-web: unknown argument ${a}`);
  }
  return args;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    const args = parseArgs(process.argv.slice(2));
    if (args.help) {
      console.log('usage: node toolchain/build-web.mjs [--out DIR] [--report FILE]');
    } else {
      const report = await buildWeb({ outDir: args.outDir });
      const rel = relative(REPO_ROOT, report.outDir);
      const outDir = rel && !rel.startsWith('..') ? rel : report.outDir;
      const json = JSON.stringify({ ...report, outDir }, null, 2);
      if (args.report) await writeFile(args.report, `${json}\n`);
      console.log(json);
    }
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
