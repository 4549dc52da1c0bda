import type { APIRoute } from 'astro';
import { toCsv } from '../../lib/csv.ts';
import { paths } from '../../lib/format.ts';
import { getSiteIndex } from '../../lib/site-index.ts';

/** Every event as one CSV row, oldest first, for spreadsheets. */
export const GET: APIRoute = async ({ site }) => {
  const index = await getSiteIndex();
  const rows = index.eventsByDate.map(({ id, data }) => [
    id,
    data.date,
    data.datePrecision,
    data.approximate,
    data.title,
    data.articles.length,
    data.articles.join(' '),
    data.actors.join(' '),
    data.topics.join(' '),
    new URL(paths.event(id), site).href,
  ]);
  const header = [
    'id',
    'date',
    'precision',
    'approximate',
    'title',
    'articleCount',
    'articles',
    'actors',
    'topics',
    'url',
  ];
  return new Response(toCsv([header, ...rows]), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};
