import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../scripts/site/chromium.ts';
import { serveStatic, type StaticServer } from '../../scripts/site/static-server.ts';
import { ROOT } from './seeds.ts';

/** Debian's Chromium, started with the flags this closed network needs. */
export const launchBrowser = launchChromium;

/** Serves the built site (dist/) on a free localhost port. */
export function serveSite(): Promise<StaticServer> {
  return serveStatic(path.resolve(ROOT, process.env.PARALLAX_DIST ?? 'dist'));
}

/** The built site served on localhost and a Chromium to read it with, for one test file. */
export interface SiteSession {
  readonly browser: Browser;
  readonly server: StaticServer;
}

/** Starts the site's server and Chromium before a test file's tests, and stops both after. */
export function useBuiltSite(): SiteSession {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    server = await serveSite();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('the browser is not started yet: use it inside a test');
      return browser;
    },
    get server() {
      if (!server) throw new Error('the server is not started yet: use it inside a test');
      return server;
    },
  };
}
