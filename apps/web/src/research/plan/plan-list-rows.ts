import * as Y from 'yjs';

// Rows of the 教学过程 and 作业设计 lists (Y.Array of Y.Map) for rendering: each Y.Map keeps one
// key for its lifetime (a moved item is a new Y.Map, so its editors are rebuilt). Any editor may
// push anything into the shared arrays: entries that are not Y.Maps are skipped, never read.

let nextKey = 1;
const keys = new WeakMap<Y.Map<unknown>, number>();

export function rowKey(map: Y.Map<unknown>): number {
  let key = keys.get(map);
  if (key === undefined) {
    key = nextKey++;
    keys.set(map, key);
  }
  return key;
}

export function rowText(map: Y.Map<unknown>, field: string): Y.Text | null {
  const value = map.get(field);
  return value instanceof Y.Text ? value : null;
}

export function rowNumber(map: Y.Map<unknown>, field: string): number {
  const value = map.get(field);
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

export interface MapRow {
  map: Y.Map<unknown>;
  /** Its index in the Y.Array (entries that are not Y.Maps keep their places). */
  index: number;
}

/** The list's Y.Map entries; anything else an editor pushed into it is not part of the plan and is skipped. */
export function mapRows(list: { forEach(f: (item: unknown, index: number) => void): void }): MapRow[] {
  const rows: MapRow[] = [];
  list.forEach((item, index) => {
    if (item instanceof Y.Map) rows.push({ map: item as Y.Map<unknown>, index });
  });
  return rows;
}

/**
 * Moves the Y.Map at index `from` of `list` to index `to` (the place of another row; Yjs arrays
 * have no move: a copy is re-inserted). Anything but a Y.Map at `from` stays where it is.
 */
export function moveRow(
  list: Y.Array<Y.Map<unknown>>,
  from: number,
  to: number,
  copy: (map: Y.Map<unknown>) => Y.Map<unknown>,
): void {
  if (from === to || from < 0 || from >= list.length || to < 0 || to >= list.length) return;
  const item: unknown = list.get(from);
  if (!(item instanceof Y.Map)) return;
  const doc = list.doc;
  const run = () => {
    const fresh = copy(item as Y.Map<unknown>);
    list.delete(from, 1);
    list.insert(to, [fresh]);
  };
  if (doc) doc.transact(run);
  else run();
}
