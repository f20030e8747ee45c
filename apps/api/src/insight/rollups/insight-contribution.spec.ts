import { assertContribution } from './insight-contribution';

const ok = { communityId: '0123456789abcdef01234567', day: '2024-02-29', counters: { 'c.les.del': 1 }, version: 3 };

describe('assertContribution', () => {
  it('accepts a well-formed contribution', () => {
    expect(() => assertContribution(ok)).not.toThrow();
  });

  it.each([
    [{ ...ok, communityId: 'abc' }, /community id/],
    [{ ...ok, day: '2023-02-29' }, /local day/],
    [{ ...ok, day: '2024-2-01' }, /local day/],
    [{ ...ok, counters: { 'c.les.del': Number.NaN } }, /finite/],
    [{ ...ok, counters: { 'c.les.del': Infinity } }, /finite/],
    [{ ...ok, counters: { 'c.les-x': 1 } }, /counter path/],
    [{ ...ok, counters: { 'c..x': 1 } }, /counter path/],
    [{ ...ok, counters: { 'c.les': 1, 'c.les.del': 1 } }, /clashes/],
    [{ ...ok, version: Number.NaN }, /version/],
  ])('rejects %j', (c, message) => {
    expect(() => assertContribution(c)).toThrow(message);
  });
});
