import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../../src/lib/csv.ts';
import { formatDate, formatEventDate, plural } from '../../../src/lib/format.ts';
import { circleLayout, shortLabel, strokeWidth } from '../../../src/lib/graph-layout.ts';
import { claimLabel, claimTable } from '../../../src/lib/variants.ts';
import { countByKind, groupBySide, sideOf } from '../../../src/lib/voices.ts';

const actors = new Map([
  ['russia', { data: { name: 'Russia', kind: 'country', affiliation: null } }],
  ['azerbaijan', { data: { name: 'Azerbaijan', kind: 'country', affiliation: null } }],
  ['peskov', { data: { name: 'Dmitry Peskov', kind: 'person', affiliation: 'russia' } }],
  [
    'mfa-az',
    { data: { name: 'Foreign Ministry', kind: 'organisation', affiliation: 'azerbaijan' } },
  ],
  ['analyst', { data: { name: 'Someone', kind: 'person', affiliation: null } }],
]);

describe('voices', () => {
  it('places a country as its own side and anyone else by affiliation', () => {
    expect(sideOf('russia', actors)).toBe('russia');
    expect(sideOf('peskov', actors)).toBe('russia');
    expect(sideOf('analyst', actors)).toBeNull();
    expect(sideOf('unknown-id', actors)).toBeNull();
    expect(sideOf(null, actors)).toBeNull();
  });

  it('groups by side, largest first, unplaced voices last', () => {
    const quotes = [
      { s: 'analyst' },
      { s: 'peskov' },
      { s: 'russia' },
      { s: 'mfa-az' },
      { s: null },
    ];
    const groups = groupBySide(quotes, (q) => q.s, actors);
    expect(groups.map((g) => [g.label, g.items.length])).toEqual([
      ['Russia voices', 2],
      ['Azerbaijan voices', 1],
      ['Unplaced or unattributed voices', 2],
    ]);
  });

  it('counts speakers by kind, unresolved ones as unknown', () => {
    expect(
      countByKind(
        [{ s: 'peskov' }, { s: 'analyst' }, { s: 'mfa-az' }, { s: null }],
        (q) => q.s,
        actors,
      ),
    ).toEqual([
      { kind: 'person', count: 2 },
      { kind: 'organisation', count: 1 },
      { kind: 'unknown', count: 1 },
    ]);
  });
});

describe('event variants', () => {
  it('lines up claims key by key and marks only real disagreements', () => {
    const rows = claimTable([
      { claims: { dead: '38', cause: 'missile' } },
      { claims: { dead: '38' } },
      { claims: { dead: '38 ', cause: 'gunfire' } },
    ]);
    expect(rows).toEqual([
      { key: 'cause', values: ['missile', null, 'gunfire'], differs: true },
      { key: 'dead', values: ['38', '38', '38 '], differs: false },
    ]);
    expect(claimTable([])).toEqual([]);
  });

  it('spells claim keys as words', () => {
    expect(claimLabel('officialReason')).toBe('official reason');
    expect(claimLabel('people_aboard')).toBe('people aboard');
  });
});

describe('graph layout', () => {
  it('puts the first node at the top and spaces the rest evenly', () => {
    const [a, b, c, d] = circleLayout(['a', 'b', 'c', 'd'], 100, 50, 10);
    expect([a, b, c, d]).toEqual([
      { id: 'a', x: 100, y: 40 },
      { id: 'b', x: 110, y: 50 },
      { id: 'c', x: 100, y: 60 },
      { id: 'd', x: 90, y: 50 },
    ]);
  });

  it('scales strokes to the heaviest weight and shortens long labels', () => {
    expect(strokeWidth(10, 10, 1, 5)).toBe(5);
    expect(strokeWidth(0, 10, 1, 5)).toBe(1);
    expect(strokeWidth(3, 0)).toBe(0.75);
    expect(shortLabel('Russian House (Russkiy Dom)', 15)).toBe('Russian House…');
    expect(shortLabel('FSB')).toBe('FSB');
  });
});

describe('CSV and formatting', () => {
  it('quotes only fields that need it and ends lines with CRLF', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField(null)).toBe('');
    expect(
      toCsv([
        ['id', 'n'],
        ['x', 3],
      ]),
    ).toBe('id,n\r\nx,3\r\n');
  });

  it('formats dates at their precision', () => {
    expect(formatDate('2024-12-25')).toBe('25 December 2024');
    expect(formatEventDate('2025-06', 'late')).toBe('late June 2025');
    expect(formatEventDate('2014', null)).toBe('2014');
    expect(plural(1, 'article')).toBe('1 article');
    expect(plural(2, 'city', 'cities')).toBe('2 cities');
  });
});
