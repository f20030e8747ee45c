import { describe, expect, it } from '@jest/globals';
import { lessonMinutes, parseMinutes, processTiming, sumMinutes, writtenMinutes } from './plan-minutes';

describe('plan minutes', () => {
  it('sums minutes, counting bad values as zero', () => {
    expect(sumMinutes([{ minutes: 5 }, { minutes: 10 }, { minutes: -3 }, { minutes: Number.NaN }])).toBe(15);
    expect(sumMinutes([])).toBe(0);
  });

  it('counts only written homework', () => {
    const items = [
      { kind: 'written', minutes: 20 },
      { kind: 'oral', minutes: 10 },
      { kind: 'written', minutes: 15 },
    ];
    expect(writtenMinutes(items)).toBe(35);
  });

  it('reads minutes inputs as whole numbers within range', () => {
    expect(parseMinutes('12')).toBe(12);
    expect(parseMinutes(' 7.6 ')).toBe(8);
    expect(parseMinutes('-4')).toBe(0);
    expect(parseMinutes('abc')).toBe(0);
    expect(parseMinutes(9999)).toBe(240);
  });

  it('compares the steps with a 40 minute primary and a 45 minute junior lesson', () => {
    expect(lessonMinutes(3)).toBe(40);
    expect(lessonMinutes(8)).toBe(45);
    expect(processTiming(0, 3)).toBe('empty');
    expect(processTiming(35, 3)).toBe('under');
    expect(processTiming(40, 3)).toBe('fits');
    expect(processTiming(42, 3)).toBe('over');
    expect(processTiming(42, 7)).toBe('under');
  });
});
