// A small static server for the benchmark: every compressible response is gzip-compressed
// (Content-Encoding: gzip, level 9, compressed once and kept in memory so compression time never
// shows up in a measurement), with the right MIME type, including application/wasm.
//
// Mounts (all on one origin, 127.0.0.1, a free port):
//   /dash/     -> the release site (a scratch copy of dist/)
//   /chartjs/  -> bench/chartjs/ (the Chart.js reference page), plus
//                 /chartjs/facts.json       from the same release site (both pages draw the same numbers)
//                 /chartjs/chart.umd.min.js from bench/node_modules/chart.js/dist/ (no CDN)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants } from 'node:zlib';

export const BENCH = resolve(fileURLToPath(new URL('.', import.meta.url)));

export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};
// Already-compressed formats are sent as they are.
const INCOMPRESSIBLE = new Set(['.png', '.jpg', '.jpeg', '.gif', '.webp', '.woff2']);

const cache = new Map(); // file -> { mtimeMs, raw, gz }

/** The file's bytes and their gzip form, read and compressed once per modification time. */
export async function load(file) {
  const st = await stat(file);
  if (!st.isFile()) throw new Error('not a file');
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === st.mtimeMs) return hit;
  const raw = await readFile(file);
  const gz = INCOMPRESSIBLE.has(extname(file)) ? null : gzipSync(raw, { level: constants.Z_BEST_COMPRESSION });
  const entry = { mtimeMs: st.mtimeMs, raw, gz };
  cache.set(file, entry);
  return entry;
}

function inside(root, rel) {
  const file = normalize(join(root, rel));
  return file.startsWith(root + '/') || file === root ? file : null;
}

/** Maps a request path to a file, or null. */
function route(path, { dist, chartjsDir, chartjsLib }) {
  if (path.startsWith('/dash/')) {
    let rel = path.slice('/dash/'.length) || 'index.html';
    if (rel.endsWith('/')) rel += 'index.html';
    return inside(dist, rel);
  }
  if (path.startsWith('/chartjs/')) {
    let rel = path.slice('/chartjs/'.length) || 'index.html';
    if (rel === 'facts.json') return join(dist, 'facts.json');
    if (rel === 'chart.umd.min.js') return chartjsLib;
    if (rel.endsWith('/')) rel += 'index.html';
    return inside(chartjsDir, rel);
  }
  return null;
}

/**
 * Starts the server; resolves to { origin, dash, chartjs, close, files }.
 * `dist` is the site directory to serve (a scratch copy, so a concurrent rebuild cannot change it).
 */
export async function serve({ dist, chartjsDir = join(BENCH, 'chartjs'), chartjsLib = join(BENCH, 'node_modules/chart.js/dist/chart.umd.min.js') } = {}) {
  dist = resolve(dist);
  const roots = { dist, chartjsDir: resolve(chartjsDir), chartjsLib: resolve(chartjsLib) };
  const server = createServer(async (req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const file = route(path, roots);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    let entry;
    try {
      entry = await load(file);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const headers = {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      vary: 'Accept-Encoding',
    };
    const gzipOk = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    let body = entry.raw;
    if (entry.gz && gzipOk) {
      headers['content-encoding'] = 'gzip';
      body = entry.gz;
    }
    headers['content-length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    dash: origin + '/dash/',
    chartjs: origin + '/chartjs/',
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }),
  };
}

// `node bench/server.mjs [DIST]`: serve by hand, to look at the pages (default: the repository's dist/).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = process.argv[2] ?? join(BENCH, '../dist');
  const s = await serve({ dist });
  console.log(`dashboard: ${s.dash}\nchart.js:  ${s.chartjs}`);
}
