import { describe, expect, it } from '@jest/globals';
import { LIBRARY_LIMITS } from '@tongke/contracts/library/resource-values';
import {
  apiSearchParams,
  hasFilters,
  LIBRARY_PAGE_SIZE,
  pageCount,
  parseStartTime,
  queryFromRoute,
  routeFromQuery,
  withFilter,
} from './library-query';

describe('library query ↔ URL', () => {
  it('reads a full search from the URL', () => {
    expect(
      queryFromRoute({
        q: ' 音乐 ',
        subject: 'music',
        grade: '4',
        textbookEdition: '人教版',
        chapter: '第三单元',
        tag: '合唱',
        kind: 'recording',
        seriesId: '0123456789abcdef01234567',
        favourites: '1',
        sort: 'most_viewed',
        page: '3',
      }),
    ).toEqual({
      q: '音乐',
      subject: 'music',
      grade: 4,
      textbookEdition: '人教版',
      chapter: '第三单元',
      tag: '合唱',
      kind: 'recording',
      seriesId: '0123456789abcdef01234567',
      favourites: true,
      sort: 'most_viewed',
      page: 3,
    });
  });

  it('drops invalid or empty values instead of failing', () => {
    expect(
      queryFromRoute({
        q: '   ',
        subject: 'cooking',
        grade: '12',
        kind: 'live',
        sort: 'oldest',
        page: '0',
        seriesId: '../etc',
        favourites: 'no',
      }),
    ).toEqual({});
    expect(queryFromRoute({ grade: '4.5', page: '-2' })).toEqual({});
    expect(queryFromRoute({ q: ['数学', '语文'], grade: [null] })).toEqual({ q: '数学' });
  });

  it('clips the search text to the contract limit', () => {
    expect(queryFromRoute({ q: '音'.repeat(500) }).q).toHaveLength(LIBRARY_LIMITS.queryMax);
  });

  it('writes a search back without defaults, and reads it again unchanged', () => {
    const q = {
      q: '草原放牧',
      subject: 'music' as const,
      grade: 4,
      favourites: true,
      sort: 'most_viewed' as const,
      page: 2,
    };
    const route = routeFromQuery(q);
    expect(route).toEqual({
      q: '草原放牧',
      subject: 'music',
      grade: '4',
      favourites: '1',
      sort: 'most_viewed',
      page: '2',
    });
    expect(queryFromRoute(route)).toEqual(q);
    expect(routeFromQuery({ sort: 'newest', page: 1, favourites: false })).toEqual({});
  });

  it('builds the API query with the page size (booleans as true)', () => {
    const params = new URLSearchParams(apiSearchParams({ q: '音乐', favourites: true, chapter: '第一章' }).slice(1));
    expect(params.get('q')).toBe('音乐');
    expect(params.get('favourites')).toBe('true');
    expect(params.get('chapter')).toBe('第一章');
    expect(params.get('pageSize')).toBe(String(LIBRARY_PAGE_SIZE));
    expect(apiSearchParams({}, 500)).toBe(`?pageSize=${LIBRARY_LIMITS.pageSizeMax}`);
  });

  it('goes back to page 1 when a filter changes, and knows when filters are set', () => {
    expect(withFilter({ q: '音乐', page: 4, sort: 'most_viewed' }, { grade: 4 })).toEqual({
      q: '音乐',
      grade: 4,
      sort: 'most_viewed',
    });
    expect(withFilter({ subject: 'music', page: 2 }, { subject: undefined })).toEqual({});
    expect(hasFilters({ sort: 'most_viewed', page: 3 })).toBe(false);
    expect(hasFilters({ chapter: '第一章' })).toBe(true);
    expect(hasFilters({ favourites: true })).toBe(true);
  });

  it('counts pages', () => {
    expect(pageCount(0, 12)).toBe(1);
    expect(pageCount(12, 12)).toBe(1);
    expect(pageCount(13, 12)).toBe(2);
  });

  it('reads ?t= as seconds or a clock', () => {
    expect(parseStartTime('95')).toBe(95);
    expect(parseStartTime('95s')).toBe(95);
    expect(parseStartTime('1:35')).toBe(95);
    expect(parseStartTime('1:02:03')).toBe(3723);
    expect(parseStartTime(['30', '40'])).toBe(30);
    for (const bad of [undefined, null, '', 'abc', '-5', '1:75', '1.5', '1:2']) expect(parseStartTime(bad)).toBe(0);
  });
});
