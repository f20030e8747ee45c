/** A stored row of a document as compaction sees it. */
export interface StoredRowRef<Id> {
  id: Id;
  kind: 'update' | 'snapshot';
}

/**
 * The rows to merge into one snapshot, or null while the document has fewer than `threshold`
 * rows (a lone snapshot is never compacted). Every row read is merged: the snapshot replaces
 * exactly these, so rows appended meanwhile stay untouched.
 */
export function selectCompaction<Id>(rows: StoredRowRef<Id>[], threshold: number): Id[] | null {
  if (rows.length < Math.max(threshold, 2)) return null;
  return rows.map((r) => r.id);
}

/**
 * Whether a document's stored size stays within `maxBytes` after growing by `addedBytes`, judged
 * from `knownBytes` (an exact size or a bound). `exact` is needed when the cheap bound says no.
 */
export function withinSizeBound(knownBytes: number, addedBytes: number, maxBytes: number): boolean {
  return knownBytes + addedBytes <= maxBytes;
}
