import { describe, expect, it } from '@jest/globals';
import { watchRetryDelay } from './watch-retry';

describe(watchRetryDelay.name, () => {
  it('waits for a lesson that has not started, longer each time, at most 30 s', () => {
    expect([0, 1, 2, 3, 9].map((n) => watchRetryDelay('LESSON_NOT_OPEN', n))).toEqual([
      5000, 10_000, 20_000, 30_000, 30_000,
    ]);
    expect(watchRetryDelay('UNAVAILABLE', 0)).toBe(10_000);
  });

  it('does not retry refusals that waiting cannot fix', () => {
    for (const code of ['FORBIDDEN', 'BROADCAST_CLOSED', 'LESSON_ENDED', 'NOT_FOUND', undefined]) {
      expect(watchRetryDelay(code, 0)).toBeNull();
    }
  });
});
