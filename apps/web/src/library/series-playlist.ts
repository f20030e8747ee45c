import type { ResourceView } from '@tongke/contracts';

// A series plays as a playlist: one resource after another, skipping those that can't play.
// Editors reorder and remove items; ids the caller can't see stay where they are.

/** The first playable resource at or after `from` (index), if any. */
export function playableFrom(resources: readonly ResourceView[], from: number): ResourceView | undefined {
  return resources.slice(Math.max(0, from)).find((r) => r.status === 'ready');
}

/** What plays after `currentId` (the next ready one), or undefined at the end. */
export function nextPlayable(resources: readonly ResourceView[], currentId: string): ResourceView | undefined {
  const index = resources.findIndex((r) => r.id === currentId);
  return index < 0 ? undefined : playableFrom(resources, index + 1);
}

/**
 * `ids` with `id` swapped with its visible neighbour `delta` (-1 up, +1 down) away; unchanged
 * at either end. Hidden ids (not in `visible`) keep their places.
 */
export function moveItem(ids: readonly string[], visible: readonly string[], id: string, delta: -1 | 1): string[] {
  const shown = visible.filter((v) => ids.includes(v));
  const at = shown.indexOf(id);
  const other = shown[at + delta];
  if (at < 0 || other === undefined) return [...ids];
  return ids.map((x) => (x === id ? other : x === other ? id : x));
}

export function removeItem(ids: readonly string[], id: string): string[] {
  return ids.filter((x) => x !== id);
}

/** How many of the series' items the caller can't see (deleted, or not visible to them). */
export function hiddenCount(ids: readonly string[], visible: readonly ResourceView[]): number {
  const seen = new Set(visible.map((r) => r.id));
  return ids.filter((id) => !seen.has(id)).length;
}
