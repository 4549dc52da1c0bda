import type { APIRoute } from 'astro';
import { DEFAULT_SITE } from '../lib/format.ts';

/** Lets crawlers read every page, and points them at the sitemap at the site's own address. */
export const GET: APIRoute = ({ site }) =>
  new Response(
    `User-agent: *\nAllow: /\n\nSitemap: ${new URL('/sitemap-index.xml', site ?? DEFAULT_SITE).href}\n`,
    { headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
  );
