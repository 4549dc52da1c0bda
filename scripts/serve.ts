/**
 * Serves the built site from dist/ on localhost, as a static host would.
 * Usage: tsx scripts/serve.ts --help
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { checkFolder, failCommand, parseCommandLine, readWholeNumber } from './cli.ts';
import { serveStatic } from './site/static-server.ts';

const values = parseCommandLine('serve', 'tsx scripts/serve.ts [--dir dist] [--port 4321]', {
  dir: { type: 'string', default: 'dist' },
  port: { type: 'string', default: process.env.PORT ?? '4321' },
});
const dir = path.resolve(values.dir);
const problem =
  checkFolder(dir) ?? (existsSync(path.join(dir, 'index.html')) ? null : `no built site in ${dir}`);
if (problem) failCommand('serve', `${problem} (npm run build makes it)`);
const port = readWholeNumber(values.port, 0);
if (port === null || port > 65535)
  failCommand('serve', `--port: not a port number: ${values.port}`);
const server = await serveStatic(dir, port).catch((error: Error) =>
  failCommand('serve', `cannot listen on port ${port}: ${error.message}`),
);
console.log(`Parallax is served at ${server.url} (Ctrl+C to stop)`);
