import { DEVICE_CODE_ALPHABET, formatDeviceCode, newDeviceCode, normalizeDeviceCode } from './device-code';

describe('device codes', () => {
  it('are 8 characters without look-alikes, and differ', () => {
    const codes = Array.from({ length: 200 }, newDeviceCode);
    for (const code of codes) expect(code).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
    expect(new Set(codes).size).toBe(codes.length);
    expect(DEVICE_CODE_ALPHABET).not.toMatch(/[01ILO]/);
  });

  it('accept what people type: any case, dashes and spaces', () => {
    expect(normalizeDeviceCode('k7qm-3xpa')).toBe('K7QM3XPA');
    expect(normalizeDeviceCode(' K7QM 3XPA ')).toBe('K7QM3XPA');
    expect(normalizeDeviceCode(formatDeviceCode('K7QM3XPA'))).toBe('K7QM3XPA');
  });

  it('reject wrong lengths and characters that never occur', () => {
    expect(normalizeDeviceCode('K7QM-3XP')).toBeNull();
    expect(normalizeDeviceCode('K7QM-3XPAB')).toBeNull();
    expect(normalizeDeviceCode('OOOO-1111')).toBeNull();
    expect(normalizeDeviceCode('K7QM_3XPA')).toBeNull();
  });

  it('show with a dash in the middle', () => {
    expect(formatDeviceCode('K7QM3XPA')).toBe('K7QM-3XPA');
  });
});
