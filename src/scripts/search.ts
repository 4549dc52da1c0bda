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
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  sub_results: PagefindSubResult[];
}
interface PagefindSearch {
  results: Array<{ id: string; data: () => Promise<PagefindResultData> }>;
}
interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  search: (term: string | null, options?: Record<string, unknown>) => Promise<PagefindSearch | null>;
  debouncedSearch: (term: string | null, options?: Record<string, unknown>, ms?: number) => Promise<PagefindSearch | null>;
}

const PAGE_SIZE = 20;
const FILTER_LABELS: Record<string, string> = { type: 'Page type', outlet: 'Outlet', topic: 'Topic', actor: 'Actor', year: 'Year' };

const form = document.querySelector<HTMLFormElement>('#search-form')!;
const input = document.querySelector<HTMLInputElement>('#search-input')!;
const sortSelect = document.querySelector<HTMLSelectElement>('#search-sort')!;
const statusEl = document.querySelector<HTMLElement>('#search-status')!;
const resultsEl = document.querySelector<HTMLOListElement>('#search-results')!;
const filtersEl = document.querySelector<HTMLElement>('#search-filters')!;

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

function renderFilters(available: Record<string, Record<string, number>>, selected: URLSearchParams): void {
  const order = ['type', 'outlet', 'topic', 'actor', 'year'];
  const names = Object.keys(available).sort((a, b) => (order.indexOf(a) + 99) % 99 - (order.indexOf(b) + 99) % 99);
  filtersEl.replaceChildren(
    ...names.map((name) => {
      const fieldset = document.createElement('fieldset');
      const legend = document.createElement('legend');
      legend.textContent = FILTER_LABELS[name] ?? name;
      fieldset.append(legend);
      const values = Object.keys(available[name]!).sort((a, b) => (name === 'year' ? b.localeCompare(a) : a.localeCompare(b)));
      for (const value of values) {
        const label = document.createElement('label');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.name = name;
        box.value = value;
        box.checked = selected.getAll(name).includes(value);
        label.append(box, ` ${value} (${available[name]![value]})`);
        const row = document.createElement('div');
        row.append(label);
        fieldset.append(row);
      }
      return fieldset;
    }),
  );
}

/** Builds a link that opens the page at the paragraph that matched, with the words highlighted. */
function linkToMatch(data: PagefindResultData, term: string): string {
  const sub = data.sub_results.find((s) => s.anchor && /^p-\d+$/.test(s.anchor.id)) ?? data.sub_results[0];
  const base = (sub?.url ?? data.url).split('#')[0]!;
  const anchor = sub?.anchor?.id ? `#${sub.anchor.id}` : '#';
  const words = term.trim() ? `:~:text=${encodeURIComponent(term.trim())}` : '';
  return words || anchor !== '#' ? `${base}${anchor}${words}` : base;
}

let generation = 0;

async function runSearch(): Promise<void> {
  const mine = ++generation;
  const term = input.value.trim();
  const filters = readFilters();
  const sort = sortSelect.value === 'relevance' ? undefined : { date: sortSelect.value === 'date-asc' ? 'asc' : 'desc' };
  const params = new URLSearchParams();
  if (term) params.set('q', term);
  if (sortSelect.value !== 'relevance') params.set('sort', sortSelect.value);
  for (const [name, { any }] of Object.entries(filters)) for (const value of any) params.append(name, value);
  history.replaceState(null, '', params.size ? `?${params}` : location.pathname);

  if (!term && Object.keys(filters).length === 0) {
    resultsEl.replaceChildren();
    statusEl.textContent = 'Type a word or choose a filter to search.';
    return;
  }
  statusEl.textContent = 'Searching…';
  const search = await pagefind.search(term || null, { filters, sort });
  if (mine !== generation || !search) return;
  const page = await Promise.all(search.results.slice(0, PAGE_SIZE).map((r) => r.data()));
  if (mine !== generation) return;
  const count = search.results.length;
  statusEl.textContent = `${count} result${count === 1 ? '' : 's'}${term ? ` for “${term}”` : ''}${count > PAGE_SIZE ? `, showing the first ${PAGE_SIZE}` : ''}.`;
  resultsEl.replaceChildren(
    ...page.map((data) => {
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
    }),
  );
}

async function startSearch(): Promise<void> {
  pagefind = await import(/* @vite-ignore */ pagefindUrl);
  await pagefind.options({ excerptLength: 24 });
  await pagefind.init();
  const initial = new URLSearchParams(location.search);
  input.value = initial.get('q') ?? '';
  sortSelect.value = initial.get('sort') ?? 'relevance';
  renderFilters(await pagefind.filters(), initial);
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
