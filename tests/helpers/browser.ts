import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { serveStatic, type StaticServer } from '../../scripts/site/static-server.ts';
import { ROOT } from './seeds.ts';

/** Debian's Chromium, started with the flags this closed network needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** Serves the built site (dist/) on a free localhost port. */
export function serveSite(): Promise<StaticServer> {
  return serveStatic(path.resolve(ROOT, process.env.PARALLAX_DIST ?? 'dist'));
}
