/** Refusals after which a broadcast viewer (WatchPage) tries again by itself, and how soon. */
const RETRY_BASE_MS: Record<string, number> = {
  /** The lesson has not started yet (the broadcast starts with it). */
  LESSON_NOT_OPEN: 5000,
  /** No media node answered. */
  UNAVAILABLE: 10_000,
};
const RETRY_MAX_MS = 30_000;

/** How long to wait before the `attempt`-th retry (0-based) after `code`, or null: don't retry. */
export function watchRetryDelay(code: string | undefined, attempt: number): number | null {
  const base = code ? RETRY_BASE_MS[code] : undefined;
  if (base === undefined) return null;
  return Math.min(RETRY_MAX_MS, base * 2 ** Math.max(0, Math.min(attempt, 4)));
}
