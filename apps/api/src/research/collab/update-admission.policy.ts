import * as Y from 'yjs';

// Whether a client's Yjs update may enter a document: every piece of it must integrate at once
// (nothing may wait for history the document lacks, e.g. an edit built on an update the server
// refused), and the listed root lists (教学过程/作业设计) may receive only Y.Map entries.

type Struct = Y.Item | Y.GC | Y.Skip;
interface DeleteSet {
  clients: Map<number, { clock: number; len: number }[]>;
}

export const MISSING_HISTORY = 'this edit builds on changes the server refused; reload the plan';
export const NOT_A_MAP = 'the 教学过程 and 作业设计 lists hold only step/item maps; reload the plan';

/** The structs of the update grouped by client, each group sorted by clock. */
function byClient(structs: Struct[]): Map<number, Struct[]> {
  const groups = new Map<number, Struct[]>();
  for (const s of structs) {
    const group = groups.get(s.id.client) ?? [];
    group.push(s);
    groups.set(s.id.client, group);
  }
  for (const group of groups.values()) group.sort((a, b) => a.id.clock - b.id.clock);
  return groups;
}

/** Each client's next clock once the update is applied; null if the update has a gap (missing history). */
function knownEnds(store: Y.Doc['store'], groups: Map<number, Struct[]>): Map<number, number> | null {
  const ends = new Map<number, number>();
  for (const [client, group] of groups) {
    let next = Y.getState(store, client);
    for (const s of group) {
      if (s instanceof Y.Skip || s.id.clock > next) return null;
      next = Math.max(next, s.id.clock + s.length);
    }
    ends.set(client, next);
  }
  return ends;
}

/** Resolves ids to structs of the update or of the document. */
class StructLookup {
  constructor(
    private readonly store: Y.Doc['store'],
    private readonly groups: Map<number, Struct[]>,
  ) {}

  find(id: Y.ID): Struct | undefined {
    const inUpdate = this.groups
      .get(id.client)
      ?.find((s) => s.id.clock <= id.clock && id.clock < s.id.clock + s.length);
    if (inUpdate) return inUpdate;
    try {
      return Y.getItem(this.store, id) as Struct;
    } catch {
      return undefined;
    }
  }

  /** The name of the root type the item belongs to directly (null if nested, GC'd or unknown). */
  rootOf(start: Y.Item, maxHops: number): string | null {
    let item: Struct | undefined = start;
    for (let hop = 0; hop <= maxHops && item instanceof Y.Item; hop++) {
      const parent: unknown = item.parent;
      if (typeof parent === 'string') return parent;
      if (parent instanceof Y.AbstractType) return parent._item === null ? Y.findRootTypeKey(parent) : null;
      if (parent instanceof Y.ID) return null;
      const ref: Y.ID | null = item.origin ?? item.rightOrigin;
      item = ref ? this.find(ref) : undefined;
    }
    return null;
  }
}

const isMapEntry = (item: Y.Item) =>
  item.content instanceof Y.ContentDeleted ||
  (item.content instanceof Y.ContentType && item.content.type instanceof Y.Map);

/** Every id the update refers to exists in the document or in the update itself. */
function refersToKnown(structs: Struct[], ds: DeleteSet, store: Y.Doc['store'], ends: Map<number, number>): boolean {
  const end = (client: number) => ends.get(client) ?? Y.getState(store, client);
  const known = (id: Y.ID | null) => !id || id.clock < end(id.client);
  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue;
    const parent: unknown = s.parent;
    if (!known(s.origin) || !known(s.rightOrigin)) return false;
    if (parent instanceof Y.ID && !known(parent)) return false;
  }
  for (const [client, deletes] of ds.clients) {
    if (deletes.some((d) => d.clock + d.len > end(client))) return false;
  }
  return true;
}

/**
 * Why `update` may not enter `doc` (a message for the client), or null if it may. `mapLists` are
 * root lists that may hold only Y.Map entries. The update must be well-formed (decodable).
 */
export function admissionProblem(doc: Y.Doc, update: Uint8Array, mapLists: readonly string[]): string | null {
  const { structs, ds } = Y.decodeUpdate(update) as { structs: Struct[]; ds: DeleteSet };
  const groups = byClient(structs);
  const ends = knownEnds(doc.store, groups);
  if (!ends || !refersToKnown(structs, ds, doc.store, ends)) return MISSING_HISTORY;
  if (!mapLists.length) return null;
  const lookup = new StructLookup(doc.store, groups);
  for (const s of structs) {
    if (!(s instanceof Y.Item) || isMapEntry(s)) continue;
    const root = lookup.rootOf(s, structs.length);
    if (root !== null && mapLists.includes(root)) return NOT_A_MAP;
  }
  return null;
}
