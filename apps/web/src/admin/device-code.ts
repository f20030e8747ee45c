import type { DeviceCodeResponse } from '@tongke/contracts';

/** The pairing code as the terminal's /device page shows it: `K7QM3XPA` → `K7QM-3XPA`. */
export function formatDeviceCode(code: string): string {
  const plain = code.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  return plain.length === 8 ? `${plain.slice(0, 4)}-${plain.slice(4)}` : code.toUpperCase();
}

/** Whole seconds until the code expires (0 once it has). */
export function secondsLeft(code: Pick<DeviceCodeResponse, 'expiresAt'>, now = Date.now()): number {
  const left = Math.ceil((Date.parse(code.expiresAt) - now) / 1000);
  return Number.isFinite(left) && left > 0 ? left : 0;
}

/** m:ss for the countdown. */
export function countdown(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
