import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { escapeXml, renderRss, renderRssItem } from '../../../src/lib/rss.ts';

describe('RSS feeds', () => {
  it.each([
    ['plain', 'plain'],
    ['a & b', 'a &amp; b'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    [`"quoted" and 'single'`, '&quot;quoted&quot; and &apos;single&apos;'],
  ])('escapes %j for XML', (text, escaped) => {
    expect(escapeXml(text)).toBe(escaped);
  });

  it('writes a well-formed RSS 2.0 channel whose items read back as given, hostile text included', () => {
    const hostile = `Russia & "Azerbaijan" <b>at odds</b> ]]> 'again'`;
    const xml = renderRss(
      {
        title: `Parallax: ${hostile}`,
        description: 'Articles that mention it.',
        link: 'https://example.org/',
      },
      [
        {
          title: hostile,
          link: 'https://example.org/articles/a/?x=1&y=2',
          pubDate: new Date('2025-07-05'),
          description: 'A dek',
          author: 'Ann Author',
          categories: ['Energy & trade', 'Media'],
          source: { url: 'https://example.org/sources/s/', name: 'Outlet <Daily>' },
        },
        { title: 'Second', link: 'https://example.org/articles/b/' },
      ].map(renderRssItem),
    );
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><rss version="2.0">/);
    expect(xml).not.toContain('<b>');
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    const text = (parent: { getElementsByTagName(tag: string): ArrayLike<Element> }, tag: string) =>
      Array.from(parent.getElementsByTagName(tag), (e) => e.textContent);
    expect(text(doc, 'channel')).toHaveLength(1);
    expect(text(doc.getElementsByTagName('channel')[0]!, 'title')[0]).toBe(`Parallax: ${hostile}`);
    const [first, second] = [...doc.getElementsByTagName('item')];
    expect(second).toBeDefined();
    expect(text(first!, 'title')).toEqual([hostile]);
    expect(text(first!, 'link')).toEqual(['https://example.org/articles/a/?x=1&y=2']);
    expect(text(first!, 'guid')).toEqual(['https://example.org/articles/a/?x=1&y=2']);
    expect(text(first!, 'pubDate')).toEqual(['Sat, 05 Jul 2025 00:00:00 GMT']);
    expect(text(first!, 'category')).toEqual(['Energy & trade', 'Media']);
    expect(text(first!, 'source')).toEqual(['Outlet <Daily>']);
    expect(first!.getElementsByTagName('source')[0]!.getAttribute('url')).toBe(
      'https://example.org/sources/s/',
    );
    expect(text(first!, 'author')).toEqual(['Ann Author']);
    expect([...second!.children].map((e) => e.tagName)).toEqual(['title', 'link', 'guid']);
  });
});
