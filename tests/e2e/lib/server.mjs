// Serves dist/ on 127.0.0.1 (a free port) under a sub-path, as any static host would.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DIST = resolve(fileURLToPath(new URL('../../../dist/', import.meta.url)));
// The same site built with the fixture reports beside the real one (.ci/test builds it first).
export const MULTI = resolve(fileURLToPath(new URL('../../../dist-multi/', import.meta.url)));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/atom+xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

/** Starts a server for `root` mounted at `prefix` (e.g. "/a/b/"); resolves to { origin, url, close }.
 * With `trickle` ({ bytes, ms }), each page (.html) is sent `bytes` at a time, `ms` apart, as a slow
 * network delivers it: the browser paints what it has parsed at each pause. */
export async function serve({ root = DIST, prefix = '/a/b/', trickle } = {}) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end('not under ' + prefix);
      return;
    }
    let rel = path.slice(prefix.length) || 'index.html';
    if (rel.endsWith('/')) rel += 'index.html';
    const file = normalize(join(root, rel));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      if (!trickle || extname(file) !== '.html') return res.end(body);
      for (let at = 0; at < body.length && !res.destroyed; at += trickle.bytes) {
        res.write(body.subarray(at, at + trickle.bytes));
        await new Promise((ok) => setTimeout(ok, trickle.ms));
      }
      res.end();
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, url: origin + prefix, close: () => new Promise((ok) => server.close(ok)) };
}
