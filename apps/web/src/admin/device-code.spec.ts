import { describe, expect, it } from '@jest/globals';
import { countdown, formatDeviceCode, secondsLeft } from './device-code';

describe(formatDeviceCode.name, () => {
  it('shows 8-character codes with a dash in the middle', () => {
    expect(formatDeviceCode('K7QM3XPA')).toBe('K7QM-3XPA');
    expect(formatDeviceCode('k7qm-3xpa')).toBe('K7QM-3XPA');
    expect(formatDeviceCode('ABC')).toBe('ABC');
  });
});

describe(secondsLeft.name, () => {
  it('counts whole seconds down to 0', () => {
    const now = Date.parse('2026-03-02T08:00:00Z');
    expect(secondsLeft({ expiresAt: '2026-03-02T08:10:00Z' }, now)).toBe(600);
    expect(secondsLeft({ expiresAt: '2026-03-02T08:00:00.200Z' }, now)).toBe(1);
    expect(secondsLeft({ expiresAt: '2026-03-02T07:59:00Z' }, now)).toBe(0);
    expect(secondsLeft({ expiresAt: 'not a date' }, now)).toBe(0);
  });
});

describe(countdown.name, () => {
  it('formats m:ss', () => {
    expect(countdown(600)).toBe('10:00');
    expect(countdown(65)).toBe('1:05');
    expect(countdown(0)).toBe('0:00');
  });
});
