import { DirectoryCache } from './directory.cache';

interface Entry {
  id: string;
  community: string;
  name: string;
}

/** A load the test finishes by hand. */
function deferred(value: Entry | null) {
  let finish!: () => void;
  const done = new Promise<Entry | null>((resolve) => (finish = () => resolve(value)));
  return { load: jest.fn(() => done), finish };
}

describe(DirectoryCache.name, () => {
  const a1: Entry = { id: 'a1', community: 'A', name: 'old' };
  let cache: DirectoryCache<Entry>;

  beforeEach(() => {
    cache = new DirectoryCache<Entry>((e) => e.community);
  });

  it('keeps a loaded value and answers it without loading again', async () => {
    const load = jest.fn(() => Promise.resolve(a1));
    expect(await cache.get('a1', load)).toBe(a1);
    expect(await cache.get('a1', load)).toBe(a1);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('shares one load between concurrent first gets', async () => {
    const d = deferred(a1);
    const both = Promise.all([cache.get('a1', d.load), cache.get('a1', d.load, 'A')]);
    d.finish();
    expect(await both).toEqual([a1, a1]);
    expect(d.load).toHaveBeenCalledTimes(1);
  });

  it('does not keep misses', async () => {
    const load = jest.fn(() => Promise.resolve(null));
    expect(await cache.get('x', load)).toBeNull();
    expect(await cache.get('x', load)).toBeNull();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("drops the changed community's entries and keeps the others", async () => {
    const b1: Entry = { id: 'b1', community: 'B', name: 'b' };
    await cache.get('a1', () => Promise.resolve(a1));
    await cache.get('b1', () => Promise.resolve(b1));
    cache.invalidate({ communityIds: ['A'] });
    expect(cache.size).toBe(1);
    const reload = jest.fn(() => Promise.resolve({ ...a1, name: 'new' }));
    expect(await cache.get('a1', reload)).toEqual({ ...a1, name: 'new' });
    expect(await cache.get('b1', () => Promise.reject(new Error('not kept')))).toBe(b1);
  });

  it('drops everything on an all-change', async () => {
    await cache.get('a1', () => Promise.resolve(a1));
    cache.invalidate({ all: true });
    expect(cache.size).toBe(0);
  });

  it('does not keep a load that a change of its community overtook, nor share it afterwards', async () => {
    const stale = deferred(a1);
    const first = cache.get('a1', stale.load, 'A');
    cache.invalidate({ communityIds: ['A'] });
    const fresh = { ...a1, name: 'new' };
    const second = cache.get('a1', () => Promise.resolve(fresh), 'A');
    stale.finish();
    expect(await first).toBe(a1); // the caller that asked before the change gets what it read
    expect(await second).toBe(fresh);
    expect(await cache.get('a1', () => Promise.reject(new Error('kept')))).toBe(fresh);
  });

  it('does not keep a load of unknown community that any change overtook, unless it was for another community', async () => {
    const overtaken = deferred(a1);
    const p = cache.get('a1', overtaken.load);
    cache.invalidate({ communityIds: ['A'] });
    overtaken.finish();
    await p;
    expect(cache.size).toBe(0);

    const other = deferred(a1);
    const q = cache.get('a1', other.load);
    cache.invalidate({ communityIds: ['B'] });
    other.finish();
    await q;
    expect(cache.size).toBe(1); // B's change can't have touched an entry of A
  });

  it('does not keep a load that an all-change overtook', async () => {
    const d = deferred(a1);
    const p = cache.get('a1', d.load, 'A');
    cache.invalidate({ all: true });
    d.finish();
    await p;
    expect(cache.size).toBe(0);
  });

  it('lets a failed load be retried', async () => {
    await expect(cache.get('a1', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await cache.get('a1', () => Promise.resolve(a1))).toBe(a1);
  });
});
