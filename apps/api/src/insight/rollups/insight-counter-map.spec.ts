import {
  accumulate,
  addCounters,
  diffCounters,
  flattenCounters,
  isZero,
  nestCounters,
  pruneZeros,
  subtractCounters,
} from './insight-counter-map';

describe('insight-counter-map', () => {
  it('adds and subtracts, dropping zero results', () => {
    expect(addCounters({ a: 1, b: 2 }, { b: -2, c: 3 })).toEqual({ a: 1, c: 3 });
    expect(subtractCounters({ a: 1, b: 2 }, { a: 1, c: 3 })).toEqual({ b: 2, c: -3 });
  });

  it('diffs from → to', () => {
    expect(diffCounters({ 'c.les.sch': 1, 'c.min': 40 }, { 'c.les.sch': 1, 'c.les.del': 1 })).toEqual({
      'c.les.del': 1,
      'c.min': -40,
    });
    expect(diffCounters({ x: 2 }, { x: 2 })).toEqual({});
  });

  it('accumulates in place with a sign', () => {
    const into = { a: 1 };
    expect(accumulate(into, { a: 2, b: 1 }, -1)).toBe(into);
    expect(into).toEqual({ a: -1, b: -1 });
  });

  it('prunes zeros and tells an all-zero map', () => {
    expect(pruneZeros({ a: 0, b: 1 })).toEqual({ b: 1 });
    expect(isZero({ a: 0 })).toBe(true);
    expect(isZero({})).toBe(true);
    expect(isZero({ a: 0, b: -1 })).toBe(false);
  });

  it('nests flat paths and flattens them back', () => {
    const flat = { 'c.les.del': 2, 'c.min': 40, 's.0123456789abcdef01234567.rcv.del': 1 };
    const tree = nestCounters(flat);
    expect(tree).toEqual({ c: { les: { del: 2 }, min: 40 }, s: { '0123456789abcdef01234567': { rcv: { del: 1 } } } });
    expect(flattenCounters(tree)).toEqual(flat);
    expect(flattenCounters(undefined)).toEqual({});
  });

  it('rejects a path that is both a counter and a parent', () => {
    expect(() => nestCounters({ 'c.les': 1, 'c.les.del': 1 })).toThrow(/clashes/);
    expect(() => nestCounters({ 'c.les.del': 1, 'c.les': 1 })).toThrow(/clashes/);
    expect(() => nestCounters({ 'c.min': 1, 'c.min.x': 1 })).toThrow(/clashes/);
  });
});
