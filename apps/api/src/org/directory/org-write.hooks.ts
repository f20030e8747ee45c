import type { CallbackError, Connection, Document, Model, Query, Schema } from 'mongoose';
import { ALL_CHANGED, communityIdsIn, mergeChanges, type OrgChange } from './org-change';

/** Per connection (one per API app), who hears its writes; OrgDirectory registers on its own connection. */
const listenersOf = new WeakMap<Connection, Set<OrgWriteListener>>();

/** Hears a write to a watched collection; the write answers only after every listener settled. */
export type OrgWriteListener = (change: OrgChange) => Promise<void>;

/** Which field names a document's community: `communityId`, or `_id` for the communities themselves. */
export type CommunityKey = '_id' | 'communityId';

const QUERY_WRITES = [
  'updateOne',
  'updateMany',
  'findOneAndUpdate',
  'replaceOne',
  'deleteOne',
  'deleteMany',
  'findOneAndDelete',
  'findOneAndReplace',
] as const;
const QUERY = { document: false, query: true } as const;
const DOCUMENT = { document: true, query: false } as const;
/** Set in pre-save when a stored document moves to another community (the old one isn't known after). */
const MOVED = 'orgWriteMoved';

type Next = (err?: CallbackError) => void;
/** `Schema.post` without mongoose's per-operation overloads (one hook here serves several kinds of operation). */
type PostHooks = {
  post(method: string | readonly string[], options: Record<string, boolean>, fn: (...args: never[]) => void): unknown;
};
type AnyQuery = Query<unknown, unknown>;
type AnyDoc = Document & Record<string, unknown>;

/** Calls `listener` after every write to a watched collection on `connection`; answers a function that stops it. */
export function onOrgWrite(connection: Connection, listener: OrgWriteListener): () => void {
  const listeners = listenersOf.get(connection) ?? new Set<OrgWriteListener>();
  listenersOf.set(connection, listeners.add(listener));
  return () => listeners.delete(listener);
}

/**
 * Makes every write to the schema's collection (through any model compiled from it: repositories,
 * specs, the seeder) tell the listeners of its connection which communities it touched, after it
 * succeeded or failed (a failed bulk insert may have written part of its rows).
 */
export function watchOrgWrites(schema: Schema, key: CommunityKey): void {
  const hooks = schema as unknown as PostHooks;
  watchQueryWrites(hooks, key);
  watchDocumentWrites(schema, hooks, key);
  watchModelWrites(hooks, key);
}

const ON_ERROR = { errorHandler: true };

const changeOfDocs = (docs: unknown[], key: CommunityKey) =>
  mergeChanges(docs.map((d) => communityIdsIn((d as Record<string, unknown>)[key])));

function watchQueryWrites(hooks: PostHooks, key: CommunityKey): void {
  hooks.post(QUERY_WRITES, QUERY, function (this: AnyQuery, _res: unknown, next: Next) {
    settle(this.model.db, queryChange(this, key), next);
  });
  hooks.post(
    QUERY_WRITES,
    { ...QUERY, ...ON_ERROR },
    function (this: AnyQuery, err: CallbackError, _res: unknown, next: Next) {
      settle(this.model.db, queryChange(this, key), () => next(err));
    },
  );
}

function watchDocumentWrites(schema: Schema, hooks: PostHooks, key: CommunityKey): void {
  const changeOf = (doc: AnyDoc) => (doc.$locals[MOVED] ? ALL_CHANGED : changeOfDocs([doc], key));
  schema.pre('save', function (this: AnyDoc) {
    this.$locals[MOVED] = !this.isNew && this.isModified(key);
  });
  hooks.post('save', DOCUMENT, function (this: AnyDoc, _doc: unknown, next: Next) {
    settle(connectionOf(this), changeOf(this), next);
  });
  hooks.post('save', ON_ERROR, function (this: AnyDoc, err: CallbackError, _doc: unknown, next: Next) {
    settle(connectionOf(this), changeOf(this), () => next(err));
  });
  hooks.post('deleteOne', DOCUMENT, function (this: AnyDoc, _res: unknown, next: Next) {
    settle(connectionOf(this), changeOfDocs([this], key), next);
  });
}

/** Bulk inserts and bulk writes (a failed one may have written part of its rows: everything counts as changed). */
function watchModelWrites(hooks: PostHooks, key: CommunityKey): void {
  hooks.post('insertMany', {}, function (this: Model<unknown>, docs: unknown[], next: Next) {
    settle(this.db, changeOfDocs(docs, key), next);
  });
  hooks.post('insertMany', ON_ERROR, function (this: Model<unknown>, err: CallbackError, _docs: unknown, next: Next) {
    settle(this.db, ALL_CHANGED, () => next(err));
  });
  hooks.post('bulkWrite', {}, function (this: Model<unknown>, _res: unknown, next: Next) {
    settle(this.db, ALL_CHANGED, next);
  });
  hooks.post('bulkWrite', ON_ERROR, function (this: Model<unknown>, err: CallbackError, _res: unknown, next: Next) {
    settle(this.db, ALL_CHANGED, () => next(err));
  });
}

/** The communities a query write touched: its filter's, and the ones its update moves documents to. */
export function queryChange(q: Pick<AnyQuery, 'getFilter' | 'getUpdate'>, key: CommunityKey): OrgChange {
  const update = q.getUpdate() as unknown;
  if (Array.isArray(update)) return ALL_CHANGED; // an aggregation-pipeline update
  const u = (update ?? {}) as Record<string, Record<string, unknown> | undefined>;
  if (u.$unset?.[key] !== undefined || u.$rename) return ALL_CHANGED;
  const targets = [u, u.$set, u.$setOnInsert].filter((part) => part?.[key] !== undefined);
  return mergeChanges([communityIdsIn(q.getFilter()[key]), ...targets.map((part) => communityIdsIn(part?.[key]))]);
}

function connectionOf(doc: AnyDoc): Connection | undefined {
  return (doc.constructor as Partial<Model<unknown>>).db;
}

function settle(connection: Connection | undefined, change: OrgChange, next: () => void): void {
  const listeners = [...((connection && listenersOf.get(connection)) ?? [])];
  Promise.all(listeners.map((listener) => listener(change))).then(
    () => next(),
    () => next(),
  );
}
