import { describe, expect, it } from 'vitest';
import { listingPageHref, pagerNumbers, splitPages } from '../../../src/lib/pagination.ts';

describe('splitting a listing into pages', () => {
  it.each([
    { items: 0, size: 10, sizes: [0] },
    { items: 10, size: 10, sizes: [10] },
    { items: 11, size: 10, sizes: [10, 1] },
    { items: 25, size: 10, sizes: [10, 10, 5] },
  ])('splits $items items into pages of $size as $sizes', ({ items, size, sizes }) => {
    const list = Array.from({ length: items }, (_, i) => i);
    const pages = splitPages(list, size);
    expect(pages.map((p) => p.items.length)).toEqual(sizes);
    expect(pages.flatMap((p) => p.items)).toEqual(list);
    expect(pages.map((p) => [p.number, p.count])).toEqual(
      sizes.map((_, i) => [i + 1, sizes.length]),
    );
  });

  it('gives the first page the listing’s own address and the others page/N/ under it', () => {
    expect(listingPageHref('/articles/', 1)).toBe('/articles/');
    expect(listingPageHref('/articles/', 7)).toBe('/articles/page/7/');
  });
});

describe('the numbers a pager links', () => {
  it.each([
    { current: 1, count: 1, numbers: [1] },
    { current: 1, count: 3, numbers: [1, 2, 3] },
    { current: 1, count: 100, numbers: [1, 2, 3, null, 100] },
    { current: 50, count: 100, numbers: [1, null, 48, 49, 50, 51, 52, null, 100] },
    { current: 4, count: 7, numbers: [1, 2, 3, 4, 5, 6, 7] },
    { current: 100, count: 100, numbers: [1, null, 98, 99, 100] },
  ])('on page $current of $count: $numbers', ({ current, count, numbers }) => {
    expect(pagerNumbers(current, count)).toEqual(numbers);
  });
});
