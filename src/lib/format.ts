/** The English month names, January first, as dates are shown on the site. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Formats an ISO date at its own precision: "5 July 2025", "July 2025" or "2025". */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return 'Undated';
  const [year, month, day] = iso.split('-');
  if (!month) return year!;
  const name = MONTH_NAMES[Number(month) - 1];
  return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`;
}

/** Formats an event's date with its precision in words: "late June 2025", "2014". */
export function formatEventDate(iso: string, approximate: 'early' | 'mid' | 'late' | null): string {
  const text = formatDate(iso);
  return approximate ? `${approximate} ${text}` : text;
}

/** The year of an ISO date, or null. */
export function yearOf(iso: string | null | undefined): string | null {
  return iso ? iso.slice(0, 4) : null;
}

/** "1 article", "3 articles": a count with its noun in the right number. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The address the site is served from when none is configured: the local server's (`npm run serve`). */
export const DEFAULT_SITE = 'http://localhost:4321';

/** Site paths of each page type, in one place so that links and exports agree. */
export const paths = {
  home: '/',
  articles: '/articles/',
  actors: '/actors/',
  events: '/events/',
  topics: '/topics/',
  sources: '/sources/',
  timeline: '/timeline/',
  graph: '/graph/',
  search: '/search/',
  feed: '/rss.xml',
  eventsCsv: '/data/events.csv',
  article: (id: string) => `/articles/${id}/`,
  paragraph: (article: string, paragraph: string) => `/articles/${article}/#${paragraph}`,
  actor: (id: string) => `/actors/${id}/`,
  event: (id: string) => `/events/${id}/`,
  source: (id: string) => `/sources/${id}/`,
  topic: (id: string) => `/topics/${id}/`,
  topicFeed: (id: string) => `/topics/${id}/rss.xml`,
  actorFeed: (id: string) => `/actors/${id}/rss.xml`,
  timelineTopic: (id: string) => `/timeline/topics/${id}/`,
  timelineActor: (id: string) => `/timeline/actors/${id}/`,
};

/** Compares names and titles for display order with a fixed locale, so every machine sorts alike. */
export function compareNames(a: string, b: string): number {
  return a.localeCompare(b, 'en');
}
