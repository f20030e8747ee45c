import { describe, expect, it } from '@jest/globals';
import { changedFields, cleanText, intInRange } from './form-checks';

describe('form-checks', () => {
  it('trims text and enforces required and max length', () => {
    expect(cleanText('  石林镇小学 ', 64)).toBe('石林镇小学');
    expect(cleanText('   ', 64)).toBeNull();
    expect(cleanText('   ', 64, false)).toBe('');
    expect(cleanText('x'.repeat(65), 64)).toBeNull();
    expect(cleanText('x'.repeat(64), 64)).toBe('x'.repeat(64));
  });

  it('accepts whole numbers within range only', () => {
    expect(intInRange(5, 0, 10)).toBe(5);
    expect(intInRange('7', 0, 10)).toBe(7);
    expect(intInRange(10.5, 0, 20)).toBeNull();
    expect(intInRange(-1, 0, 10)).toBeNull();
    expect(intInRange(11, 0, 10)).toBeNull();
    expect(intInRange('', 0, 10)).toBeNull();
    expect(intInRange(Number.NaN, 0, 10)).toBeNull();
  });

  it('keeps only the changed fields, comparing arrays by value', () => {
    expect(changedFields({ a: 1, b: 'x', c: ['m'] }, { a: 1, b: 'y', c: ['m'] })).toEqual({ b: 'x' });
    expect(changedFields({ c: ['m', 'n'] }, { c: ['m'] })).toEqual({ c: ['m', 'n'] });
  });
});
