import type { BellPeriod } from '@tongke/contracts';
import { bellScheduleProblem, fitsPeriod, nearestPeriod } from './bell-periods.policy';

const rural: BellPeriod[] = [
  { index: 1, startsAt: '08:30', endsAt: '09:10' },
  { index: 2, startsAt: '09:20', endsAt: '10:00' },
  { index: 3, startsAt: '10:40', endsAt: '11:20' },
];

describe(bellScheduleProblem.name, () => {
  it('accepts ordered, non-overlapping periods numbered 1..n (and an empty schedule)', () => {
    expect(bellScheduleProblem(rural)).toBeNull();
    expect(bellScheduleProblem([])).toBeNull();
  });

  it('names what is wrong', () => {
    expect(bellScheduleProblem([rural[0], { ...rural[1], index: 3 }])).toBe(
      'periods must be numbered 1..2 in order (found 3 at 2)',
    );
    expect(bellScheduleProblem([rural[0], { index: 2, startsAt: '09:00', endsAt: '09:40' }])).toBe(
      'period 2 (09:00) starts before period 1 ends (09:10)',
    );
    expect(bellScheduleProblem([{ index: 1, startsAt: '08:30', endsAt: '08:35' }])).toBe(
      'period 1 (08:30–08:35) must last 10–180 minutes',
    );
    expect(bellScheduleProblem([{ index: 1, startsAt: '09:00', endsAt: '08:00' }])).toMatch(/must last/);
    const many = Array.from({ length: 13 }, (_, i) => ({ index: i + 1, startsAt: '08:00', endsAt: '08:40' }));
    expect(bellScheduleProblem(many)).toBe('a bell schedule has at most 12 periods');
  });
});

describe(fitsPeriod.name, () => {
  it('lets start and end each be off by the tolerance, not more', () => {
    expect(fitsPeriod(rural[0], '08:30', '09:10')).toBe(true);
    expect(fitsPeriod(rural[0], '08:25', '09:15')).toBe(true);
    expect(fitsPeriod(rural[0], '08:24', '09:10')).toBe(false);
    expect(fitsPeriod(rural[0], '08:30', '09:16')).toBe(false);
  });
});

describe(nearestPeriod.name, () => {
  it('picks the period with the least start + end difference', () => {
    expect(nearestPeriod(rural, '08:50', '09:30')).toEqual(rural[0]);
    expect(nearestPeriod(rural, '09:50', '10:30')).toEqual(rural[1]);
    expect(nearestPeriod([], '09:50', '10:30')).toBeUndefined();
  });
});
