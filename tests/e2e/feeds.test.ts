import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, exported } from './site-pages.ts';

interface ActorRow {
  id: string;
  url: string;
  name: string;
  articles: string[];
}

/** The article addresses an RSS document links, in its order. */
function feedLinks(xml: string): string[] {
  return [...xml.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)].map(
    (m) => new URL(m[1]!).pathname,
  );
}

describe('the RSS feeds of the built site', () => {
  const actors = exported<ActorRow>('actors');

  it('gives every actor mentioned in two articles or more a feed of those articles, announced on its page', () => {
    const withFeeds = actors.filter((a) => a.articles.length >= 2);
    expect(withFeeds.length).toBeGreaterThan(0);
    for (const actor of withFeeds) {
      const feed = readFileSync(path.join(DIST, actor.url, 'rss.xml'), 'utf8');
      expect(feed, actor.id).toMatch(/^<\?xml[\s\S]*<rss[\s\S]*<\/rss>\s*$/);
      const links = feedLinks(feed);
      expect(links.length, actor.id).toBeGreaterThan(0);
      for (const link of links)
        expect(
          actor.articles.map((id) => `/articles/${id}/`),
          actor.id,
        ).toContain(link);
      const page = readFileSync(path.join(DIST, actor.url, 'index.html'), 'utf8');
      expect(page, actor.id).toContain(
        `type="application/rss+xml" title="Parallax: articles mentioning`,
      );
    }
  });

  it('gives an actor mentioned in one article no feed, and its page announces none', () => {
    const single = actors.filter((a) => a.articles.length === 1);
    expect(single.length).toBeGreaterThan(0);
    for (const actor of single) {
      expect(existsSync(path.join(DIST, actor.url, 'rss.xml')), actor.id).toBe(false);
      expect(
        readFileSync(path.join(DIST, actor.url, 'index.html'), 'utf8'),
        actor.id,
      ).not.toContain(`${actor.url}rss.xml`);
    }
  });
});
