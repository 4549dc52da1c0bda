/** One item of an RSS 2.0 feed; links are absolute. */
export interface FeedItem {
  title: string;
  link: string;
  pubDate?: Date | undefined;
  description?: string | undefined;
  author?: string | undefined;
  categories?: string[] | undefined;
  /** The outlet the item comes from (RSS's `<source>`). */
  source?: { url: string; name: string } | undefined;
}

/** An RSS 2.0 channel, without its items. */
export interface FeedChannel {
  title: string;
  description: string;
  /** The site's address, the channel's link. */
  link: string;
}

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Escapes text for an XML element or a quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

const element = (name: string, text: string | undefined) =>
  text === undefined ? '' : `<${name}>${escapeXml(text)}</${name}>`;

/** Writes one item of an RSS 2.0 feed, for `renderRss`. */
export function renderRssItem(item: FeedItem): string {
  return `<item>${element('title', item.title)}${element('link', item.link)}<guid isPermaLink="true">${escapeXml(item.link)}</guid>${element('description', item.description)}${element('pubDate', item.pubDate?.toUTCString())}${
    item.source
      ? `<source url="${escapeXml(item.source.url)}">${escapeXml(item.source.name)}</source>`
      : ''
  }${(item.categories ?? []).map((c) => element('category', c)).join('')}${element('author', item.author)}</item>`;
}

/**
 * Writes an RSS 2.0 document around items written by `renderRssItem`. Written here rather than by
 * a feed library: a site has a feed per actor and topic, thousands at scale, and a library that
 * validates and re-parses each one costs more than the pages themselves. Items come written so
 * that an article listed in many feeds is written once.
 */
export function renderRss(channel: FeedChannel, items: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>${element('title', channel.title)}${element('description', channel.description)}${element('link', channel.link)}${items.join('')}</channel></rss>`;
}
