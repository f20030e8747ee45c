// Small checks the admin forms share; they mirror the API's class-validator rules (ORG_LIMITS).

/** The trimmed text, or null when it is empty (and required) or longer than `max`. */
export function cleanText(value: string, max: number, required = true): string | null {
  const trimmed = value.trim();
  if (trimmed.length > max || (required && !trimmed)) return null;
  return trimmed;
}

/** The number when it is an integer in [min, max], else null (`''` from an empty number input is null). */
export function intInRange(value: unknown, min: number, max: number): number | null {
  if (value === '' || value === null || value === undefined) return null;
  const n = Number(value);
  return Number.isInteger(n) && n >= min && n <= max ? n : null;
}

/** A form's first problem, or the request to send. */
export type FormResult<T, P extends string> = { ok: true; value: T } | { ok: false; problem: P };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = <P extends string>(problem: P): { ok: false; problem: P } => ({ ok: false, problem });

/** The keys of `next` whose values differ from `current` (for PATCH bodies with only the changes). */
export function changedFields<T extends object>(next: T, current: Partial<T>): Partial<T> {
  const patch: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T)[]) {
    if (!sameValue(next[key], current[key])) patch[key] = next[key];
  }
  return patch;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}
