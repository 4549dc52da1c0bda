/**
 * Serves the built site from dist/ on localhost, as a static host would.
 * Usage: tsx scripts/serve.ts [--dir dist] [--port 4321]
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { serveStatic } from './site/static-server.ts';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'dist' },
    port: { type: 'string', default: process.env.PORT ?? '4321' },
  },
});
const server = await serveStatic(path.resolve(values.dir), Number(values.port));
console.log(`Parallax is served at ${server.url} (Ctrl+C to stop)`);
