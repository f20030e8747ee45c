import { describe, expect, it } from '@jest/globals';
import { formatOffset, secondsLeft } from './lesson-clock';

describe('lesson-clock', () => {
  it('formats lesson offsets as mm:ss, past an hour too', () => {
    expect(formatOffset(0)).toBe('00:00');
    expect(formatOffset(61_999)).toBe('01:01');
    expect(formatOffset(95 * 60_000 + 5000)).toBe('95:05');
    expect(formatOffset(-300)).toBe('00:00');
  });

  it('counts whole seconds left until a deadline, never below zero', () => {
    const now = Date.parse('2026-03-02T08:00:00Z');
    expect(secondsLeft('2026-03-02T08:00:30Z', now)).toBe(30);
    expect(secondsLeft('2026-03-02T08:00:00.200Z', now)).toBe(1);
    expect(secondsLeft('2026-03-02T07:59:00Z', now)).toBe(0);
    expect(secondsLeft('garbage', now)).toBe(0);
  });
});
