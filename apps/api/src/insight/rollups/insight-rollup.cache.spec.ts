import { InsightRollupCache } from './insight-rollup.cache';

describe(InsightRollupCache.name, () => {
  it('answers an entry only at the version it was read at', () => {
    const cache = new InsightRollupCache(10);
    cache.set('x', '3', { a: 1 });
    expect(cache.get('x', '3')).toEqual({ a: 1 });
    expect(cache.get('x', '4')).toBeUndefined();
    expect(cache.get('x', '3')).toBeUndefined(); // a stale entry is dropped
    cache.set('y', null, {});
    expect(cache.get('y', null)).toEqual({});
  });

  it('drops the least recently used entry past its capacity', () => {
    const cache = new InsightRollupCache(2);
    cache.set('a', '1', { n: 1 });
    cache.set('b', '1', { n: 2 });
    cache.get('a', '1');
    cache.set('c', '1', { n: 3 });
    expect(cache.get('b', '1')).toBeUndefined();
    expect(cache.get('a', '1')).toEqual({ n: 1 });
    expect(cache.size).toBe(2);
  });
});
