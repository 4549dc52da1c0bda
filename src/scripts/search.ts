/**
 * The search island: Pagefind's JS API behind a form with filter groups (any value within a
 * group, every group together), sorting, announced result counts, and result links that open
 * the article at the matching paragraph with the words highlighted (a text fragment, no JS there).
 */
interface PagefindSubResult {
  url: string;
  title: string;
  excerpt: string;
  anchor?: { element: string; id: string };
}
interface PagefindAnchor {
  element: string;
  id: string;
  text?: string;
  location: number;
}
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  sub_results: PagefindSubResult[];
  /** Word positions of the matches in the page's indexed text. */
  locations: number[];
  /** Elements with an id, with the word position where each starts. */
  anchors: PagefindAnchor[];
}
interface PagefindSearch {
  results: Array<{ id: string; data: () => Promise<PagefindResultData> }>;
}
interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  search: (
    term: string | null,
    options?: Record<string, unknown>,
  ) => Promise<PagefindSearch | null>;
  debouncedSearch: (
    term: string | null,
    options?: Record<string, unknown>,
    ms?: number,
  ) => Promise<PagefindSearch | null>;
}

/** Results shown at first and added by each "more": each one fetches a fragment file. */
const PAGE_SIZE = 10;
const FILTER_LABELS: Record<string, string> = {
  type: 'Page type',
  outlet: 'Outlet',
  topic: 'Topic',
  actor: 'Actor',
  year: 'Year',
};

const form = document.querySelector<HTMLFormElement>('#search-form')!;
const input = document.querySelector<HTMLInputElement>('#search-input')!;
const sortSelect = document.querySelector<HTMLSelectElement>('#search-sort')!;
const statusEl = document.querySelector<HTMLElement>('#search-status')!;
const resultsEl = document.querySelector<HTMLOListElement>('#search-results')!;
const filtersEl = document.querySelector<HTMLElement>('#search-filters')!;
const showFilters = document.querySelector<HTMLButtonElement>('#show-filters')!;
const moreButton = document.querySelector<HTMLButtonElement>('#search-more')!;

const pagefindUrl = '/pagefind/pagefind.js';
let pagefind: Pagefind;

/** Reads the checked filter boxes as Pagefind filters: `any` inside a group, groups combined. */
function readFilters(): Record<string, { any: string[] }> {
  const filters: Record<string, { any: string[] }> = {};
  for (const box of filtersEl.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked')) {
    (filters[box.name] ??= { any: [] }).any.push(box.value);
  }
  return filters;
}

/** How many values of a filter group show before the rest fold into "more". */
const VISIBLE_VALUES = 8;

function filterBox(name: string, value: string, count: number, checked: boolean): HTMLElement {
  const label = document.createElement('label');
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.name = name;
  box.value = value;
  box.checked = checked;
  label.append(box, ` ${value} (${count})`);
  const row = document.createElement('div');
  row.append(label);
  return row;
}

function renderFilters(
  available: Record<string, Record<string, number>>,
  selected: URLSearchParams,
): void {
  const order = ['type', 'outlet', 'topic', 'actor', 'year'];
  const names = Object.keys(available).sort(
    (a, b) => ((order.indexOf(a) + 99) % 99) - ((order.indexOf(b) + 99) % 99),
  );
  filtersEl.replaceChildren(
    ...names.map((name) => {
      const counts = available[name]!;
      const fieldset = document.createElement('fieldset');
      const legend = document.createElement('legend');
      legend.textContent = FILTER_LABELS[name] ?? name;
      fieldset.append(legend);
      // Years read newest first; other groups most frequent first, so the long tail can fold away.
      const values = Object.keys(counts).sort((a, b) =>
        name === 'year' ? b.localeCompare(a) : counts[b]! - counts[a]! || a.localeCompare(b),
      );
      const chosen = new Set(selected.getAll(name));
      const rows = values.map((value) => filterBox(name, value, counts[value]!, chosen.has(value)));
      fieldset.append(...rows.slice(0, VISIBLE_VALUES));
      if (rows.length > VISIBLE_VALUES) {
        const more = document.createElement('details');
        const summary = document.createElement('summary');
        summary.textContent = `${rows.length - VISIBLE_VALUES} more`;
        more.append(summary, ...rows.slice(VISIBLE_VALUES));
        more.open = values.slice(VISIBLE_VALUES).some((v) => chosen.has(v));
        fieldset.append(more);
      }
      return fieldset;
    }),
  );
}

/**
 * The paragraph (`p-N` anchor) holding the most matched words, the first such on a tie: for a
 * phrase that is the paragraph with the whole phrase, not the first one with any of its words.
 */
function matchedParagraph(data: PagefindResultData): PagefindAnchor | undefined {
  const paragraphs = data.anchors
    .filter((a) => /^p-\d+$/.test(a.id))
    .sort((a, b) => a.location - b.location);
  const hits = new Map<PagefindAnchor, number>();
  for (const location of data.locations) {
    let holder: PagefindAnchor | undefined;
    for (const anchor of paragraphs) {
      if (anchor.location > location) break;
      holder = anchor;
    }
    if (holder) hits.set(holder, (hits.get(holder) ?? 0) + 1);
  }
  let best: PagefindAnchor | undefined;
  for (const anchor of paragraphs)
    if ((hits.get(anchor) ?? 0) > (best ? hits.get(best)! : 0)) best = anchor;
  return best;
}

/** Percent-encodes a text-fragment part, including the characters the directive's syntax uses. */
function fragmentPart(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D').replace(/,/g, '%2C');
}

/**
 * A text directive that highlights the matched words inside the paragraph: the words as the page
 * spells them (Pagefind's <mark>s), prefixed by the words before them so that an earlier
 * occurrence (say, in the headline) is not chosen instead.
 */
function textDirective(
  data: PagefindResultData,
  paragraph: PagefindAnchor | undefined,
  term: string,
): string {
  const marked = [...data.excerpt.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) =>
    m[1]!.replace(/&[^;]+;/g, ''),
  );
  const words = [...new Set([...marked, ...term.split(/\s+/)])].filter(Boolean);
  const text = paragraph?.text;
  if (text) {
    for (const word of words) {
      const at = text.toLowerCase().indexOf(word.toLowerCase());
      if (at === -1) continue;
      const exact = text.slice(at, at + word.length);
      const prefix = text.slice(0, at).trim().split(/\s+/).slice(-4).join(' ');
      return `:~:text=${prefix ? `${fragmentPart(prefix)}-,` : ''}${fragmentPart(exact)}`;
    }
  }
  return words[0] ? `:~:text=${fragmentPart(words[0])}` : '';
}

/** Builds a link that opens the page at the paragraph that matched, with the words highlighted. */
function linkToMatch(data: PagefindResultData, term: string): string {
  const base = data.url.split('#')[0]!;
  const paragraph = matchedParagraph(data);
  if (!paragraph) return base;
  return `${base}#${paragraph.id}${term.trim() ? textDirective(data, paragraph, term.trim()) : ''}`;
}

let generation = 0;

async function runSearch(): Promise<void> {
  const mine = ++generation;
  const term = input.value.trim();
  const filters = readFilters();
  const sort =
    sortSelect.value === 'relevance'
      ? undefined
      : { date: sortSelect.value === 'date-asc' ? 'asc' : 'desc' };
  const params = new URLSearchParams();
  if (term) params.set('q', term);
  if (sortSelect.value !== 'relevance') params.set('sort', sortSelect.value);
  for (const [name, { any }] of Object.entries(filters))
    for (const value of any) params.append(name, value);
  history.replaceState(null, '', params.size ? `?${params}` : location.pathname);

  if (!term && Object.keys(filters).length === 0) {
    resultsEl.replaceChildren();
    moreButton.hidden = true;
    statusEl.textContent = 'Type a word or choose a filter to search.';
    return;
  }
  statusEl.textContent = 'Searching…';
  const search = await pagefind.search(term || null, { filters, sort });
  if (mine !== generation || !search) return;
  const count = search.results.length;
  resultsEl.replaceChildren();
  shown = { results: search.results, term, count: 0 };
  await showMoreResults(mine);
  if (mine !== generation) return;
  statusEl.textContent = `${count} result${count === 1 ? '' : 's'}${term ? ` for “${term}”` : ''}.`;
}

/** The results of the current search, and how many of them are on the page. */
let shown: { results: PagefindSearch['results']; term: string; count: number } = {
  results: [],
  term: '',
  count: 0,
};

/** Renders one result: its title linked to the matching paragraph, its type and date, the excerpt. */
function renderResult(data: PagefindResultData, term: string): HTMLLIElement {
  const li = document.createElement('li');
  const h3 = document.createElement('h3');
  const a = document.createElement('a');
  a.href = linkToMatch(data, term);
  a.textContent = data.meta.title ?? data.url;
  h3.append(a);
  const meta = document.createElement('p');
  meta.className = 'meta';
  meta.textContent = [data.meta.type, data.meta.date].filter(Boolean).join(' · ');
  const excerpt = document.createElement('p');
  // Pagefind builds excerpts from the site's own escaped text and adds only <mark> tags.
  excerpt.innerHTML = data.excerpt;
  li.append(h3, meta, excerpt);
  return li;
}

/** Appends the next page of results: only those results' fragments are fetched. */
async function showMoreResults(mine = generation): Promise<void> {
  const next = shown.results.slice(shown.count, shown.count + PAGE_SIZE);
  const page = await Promise.all(next.map((r) => r.data()));
  if (mine !== generation) return;
  const items = page.map((data) => renderResult(data, shown.term));
  resultsEl.append(...items);
  const firstNew = shown.count > 0 ? items[0]?.querySelector('a') : undefined;
  shown.count += items.length;
  const left = shown.results.length - shown.count;
  moreButton.hidden = left <= 0;
  moreButton.textContent = `Show ${Math.min(left, PAGE_SIZE)} more of ${left}`;
  // A keyboard reader continues from the first added result, not from the top of the list.
  firstNew?.focus();
}

/**
 * Loads the filter groups with their counts. Pagefind fetches every filter file for this (the
 * actor filter alone is hundreds of kilobytes in a large corpus), so it waits until the reader
 * asks for filters, or arrives with some chosen. If the files cannot be fetched, the button
 * says so and can be pressed again.
 */
async function loadFilters(selected: URLSearchParams): Promise<boolean> {
  // aria-disabled, not disabled: a disabled button drops the keyboard focus.
  showFilters.setAttribute('aria-disabled', 'true');
  showFilters.textContent = 'Loading filters…';
  try {
    renderFilters(await pagefind.filters(), selected);
    return true;
  } catch {
    showFilters.textContent = 'Filters could not be loaded: try again';
    return false;
  } finally {
    showFilters.removeAttribute('aria-disabled');
  }
}

let filtersLoaded = false;

/** Shows or hides the filter groups, a disclosure the button keeps in step (loading them first). */
async function setFiltersShown(shown: boolean, selected = new URLSearchParams()): Promise<void> {
  if (shown && !filtersLoaded) filtersLoaded = await loadFilters(selected);
  const open = shown && filtersLoaded;
  filtersEl.hidden = !open;
  showFilters.setAttribute('aria-expanded', String(open));
  if (filtersLoaded) showFilters.textContent = open ? 'Hide filters' : 'Show filters';
}

async function startSearch(): Promise<void> {
  pagefind = await import(/* @vite-ignore */ pagefindUrl);
  await pagefind.options({ excerptLength: 24 });
  await pagefind.init();
  const initial = new URLSearchParams(location.search);
  input.value = initial.get('q') ?? '';
  sortSelect.value = initial.get('sort') ?? 'relevance';
  const namesFilters = [...initial.keys()].some((key) => key in FILTER_LABELS);
  if (namesFilters) await setFiltersShown(true, initial);
  showFilters.addEventListener('click', () => {
    if (showFilters.hasAttribute('aria-disabled')) return;
    void setFiltersShown(showFilters.getAttribute('aria-expanded') !== 'true');
  });
  moreButton.addEventListener('click', () => void showMoreResults());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void runSearch();
  });
  input.addEventListener('input', () => void runSearch());
  sortSelect.addEventListener('change', () => void runSearch());
  filtersEl.addEventListener('change', () => void runSearch());
  await runSearch();
  document.documentElement.dataset.searchReady = 'true';
}

void startSearch();
