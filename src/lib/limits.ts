// How much an entry page lists of what grows with the corpus. The page says what it left out and
// where the rest is (search, the timeline), so that no page grows with the number of articles.

/** Articles whose mentions an actor page quotes: its latest ones. */
export const ACTOR_PAGE_ARTICLES = 60;
/** Articles a topic page lists: its most relevant ones. */
export const TOPIC_PAGE_ARTICLES = 50;
/** Quotations an actor or topic page lists: the latest ones. */
export const PAGE_QUOTES = 30;
/** Events an actor or topic page lists: the latest ones, in time order. */
export const PAGE_EVENTS = 30;
/** Articles a source page lists of those it published: its latest ones. */
export const SOURCE_PAGE_ARTICLES = 50;
/** Citing paragraphs a source page lists, and paragraphs per source its articles cite. */
export const PAGE_CITATIONS = 50;
export const CITATIONS_PER_SOURCE = 5;
/** Mentions an actor page quotes from each of its articles: the first ones. */
export const MENTIONS_PER_ARTICLE = 3;
/** Articles per page of the article listing, newest first. */
export const ARTICLES_PER_PAGE = 100;
/** Events per page of the event table, oldest first. */
export const EVENTS_PER_PAGE = 100;
/** Topics and actors the timeline's menu offers: the busiest ones; the rest are reached from their pages. */
export const TIMELINE_MENU_TOPICS = 24;
export const TIMELINE_MENU_ACTORS = 24;
/** Topics per page of the topic listing, most articles first. */
export const TOPICS_PER_PAGE = 100;
/** Actors per page of the actor listing, by kind, most mentioned first. */
export const ACTORS_PER_PAGE = 100;
/** Events per page of the timeline, in time order. */
export const TIMELINE_EVENTS_PER_PAGE = 100;
