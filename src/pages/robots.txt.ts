import type { APIRoute } from 'astro';

/** Lets crawlers read every page, and points them at the sitemap at the site's own address. */
export const GET: APIRoute = ({ site }) =>
  new Response(
    `User-agent: *\nAllow: /\n\nSitemap: ${new URL('/sitemap-index.xml', site ?? 'http://localhost:4321').href}\n`,
    { headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
  );
