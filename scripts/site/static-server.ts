import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
};

/** A running static server and how to stop it. */
export interface StaticServer {
  url: string;
  close: () => Promise<void>;
}

/** Resolves a request path inside the root, or null when it would escape it. */
async function resolveFile(root: string, urlPath: string): Promise<string | null> {
  const decoded = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
  const full = path.join(root, path.normalize(decoded));
  if (!full.startsWith(root)) return null;
  try {
    const info = await stat(full);
    if (info.isFile()) return full;
    if (info.isDirectory()) {
      const index = path.join(full, 'index.html');
      if ((await stat(index)).isFile()) return index;
    }
  } catch {
    return null;
  }
  return null;
}

/** Serves a folder over HTTP on localhost, with the site's own 404 page for unknown paths. */
export function serveStatic(root: string, port = 0): Promise<StaticServer> {
  const server = createServer(async (req, res) => {
    const file = await resolveFile(root, req.url ?? '/');
    const target = file ?? (await resolveFile(root, '/404.html'));
    if (!target) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    res.writeHead(file ? 200 : 404, {
      'Content-Type': TYPES[path.extname(target)] ?? 'application/octet-stream',
    });
    createReadStream(target).pipe(res);
  });
  return new Promise((resolve, reject) => {
    // A port already in use fails the promise rather than the process.
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${actual}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
