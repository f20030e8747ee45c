import * as Y from 'yjs';

// Rows of the 教学过程 and 作业设计 lists (Y.Array of Y.Map) for rendering: each Y.Map keeps one
// key for its lifetime (a moved item is a new Y.Map, so its editors are rebuilt).

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

/** Moves item `from` of `list` by `delta` (Yjs arrays have no move: a copy is re-inserted). */
export function moveRow(
  list: Y.Array<Y.Map<unknown>>,
  from: number,
  delta: number,
  copy: (map: Y.Map<unknown>) => Y.Map<unknown>,
): void {
  const to = from + delta;
  if (from < 0 || from >= list.length || to < 0 || to >= list.length) return;
  const doc = list.doc;
  const run = () => {
    const fresh = copy(list.get(from));
    list.delete(from, 1);
    list.insert(to, [fresh]);
  };
  if (doc) doc.transact(run);
  else run();
}
