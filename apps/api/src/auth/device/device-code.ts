import { randomInt } from 'node:crypto';

/** Letters and digits that can't be mistaken for one another (no 0/O, 1/I/L). */
export const DEVICE_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const DEVICE_CODE_LENGTH = 8;
/** A pairing code works this long, once. */
export const DEVICE_CODE_TTL_MS = 10 * 60_000;

/** A new random pairing code, e.g. `K7QM3XPA` (shown as `K7QM-3XPA`). */
export function newDeviceCode(): string {
  let code = '';
  for (let i = 0; i < DEVICE_CODE_LENGTH; i++) code += DEVICE_CODE_ALPHABET[randomInt(DEVICE_CODE_ALPHABET.length)];
  return code;
}

/** The code as typed on a terminal (any case, with dashes or spaces) in its canonical form, or null if it can't be one. */
export function normalizeDeviceCode(typed: string): string | null {
  const code = typed.replace(/[\s-]/g, '').toUpperCase();
  if (code.length !== DEVICE_CODE_LENGTH) return null;
  return [...code].every((c) => DEVICE_CODE_ALPHABET.includes(c)) ? code : null;
}

/** `K7QM3XPA` → `K7QM-3XPA`. */
export function formatDeviceCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
