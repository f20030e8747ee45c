import { PlanEditDedupe } from './plan-edit.dedupe';

const at = (iso: string) => new Date(iso);

describe(PlanEditDedupe.name, () => {
  it('sees a (plan, user) pair again only within its 15-minute bucket', () => {
    const d = new PlanEditDedupe();
    expect(d.seen('p', 'u', at('2030-03-04T02:00:00Z'))).toBe(false);
    d.remember('p', 'u', at('2030-03-04T02:00:00Z'));
    expect(d.seen('p', 'u', at('2030-03-04T02:14:59Z'))).toBe(true);
    expect(d.seen('p', 'v', at('2030-03-04T02:05:00Z'))).toBe(false);
    expect(d.seen('q', 'u', at('2030-03-04T02:05:00Z'))).toBe(false);
    // Shanghai's midnight is 16:00Z, on a bucket boundary: the next local day is never hidden.
    d.remember('p', 'u', at('2030-03-04T15:59:00Z'));
    expect(d.seen('p', 'u', at('2030-03-04T16:00:00Z'))).toBe(false);
  });

  it('forgets the previous bucket when a new one starts, and ignores late edits of an old one', () => {
    const d = new PlanEditDedupe();
    d.remember('p', 'u', at('2030-03-04T02:00:00Z'));
    d.remember('q', 'u', at('2030-03-04T02:20:00Z'));
    expect(d.seen('p', 'u', at('2030-03-04T02:01:00Z'))).toBe(false);
    d.remember('p', 'u', at('2030-03-04T02:01:00Z'));
    expect(d.seen('q', 'u', at('2030-03-04T02:21:00Z'))).toBe(true);
  });
});
