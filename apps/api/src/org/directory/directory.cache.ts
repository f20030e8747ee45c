import type { OrgChange } from './org-change';

interface Pending<V> {
  promise: Promise<V | null>;
  /** The invalidation count when the load started. */
  since: number;
  /** The entry's community when known before loading. */
  tag?: string;
}

/**
 * Loaded values keyed by id, each tagged with its community, with the bookkeeping that keeps a
 * load from installing data older than a change: every invalidation is numbered, and a load
 * installs its value only if no change to the value's community (or to everything) came after it
 * started. Concurrent gets of a missing key share one load while nothing changed meanwhile.
 * Misses (null) are not kept.
 */
export class DirectoryCache<V> {
  private readonly entries = new Map<string, { value: V; tag: string }>();
  private readonly pending = new Map<string, Pending<V>>();
  private count = 0;
  private allAt = 0;
  private readonly tagAt = new Map<string, number>();

  constructor(private readonly tagOf: (value: V) => string) {}

  get size(): number {
    return this.entries.size;
  }

  /** The kept value, or the result of `load` (kept unless something it may depend on changed meanwhile). */
  get(key: string, load: () => Promise<V | null>, tag?: string): Promise<V | null> {
    const hit = this.entries.get(key);
    if (hit) return Promise.resolve(hit.value);
    const running = this.pending.get(key);
    if (running && this.unchangedSince(running.since, running.tag)) return running.promise;
    const since = this.count;
    const promise = load().then((value) => {
      if (value !== null && this.unchangedSince(since, this.tagOf(value))) {
        this.entries.set(key, { value, tag: this.tagOf(value) });
      }
      return value;
    });
    this.pending.set(key, { promise, since, tag });
    const forget = () => {
      if (this.pending.get(key)?.promise === promise) this.pending.delete(key);
    };
    promise.then(forget, forget);
    return promise;
  }

  /** Drops the entries of the changed communities (all of them for `{ all: true }`). */
  invalidate(change: OrgChange): void {
    this.count += 1;
    if ('all' in change) {
      this.allAt = this.count;
      this.entries.clear();
      this.pending.clear();
      return;
    }
    const tags = new Set(change.communityIds);
    for (const tag of tags) this.tagAt.set(tag, this.count);
    for (const [key, entry] of this.entries) if (tags.has(entry.tag)) this.entries.delete(key);
    for (const [key, run] of this.pending) if (run.tag === undefined || tags.has(run.tag)) this.pending.delete(key);
  }

  /** Whether no change that may touch `tag` (any change, when the tag isn't known) came after `since`. */
  private unchangedSince(since: number, tag: string | undefined): boolean {
    if (tag === undefined) return this.count === since;
    return this.allAt <= since && (this.tagAt.get(tag) ?? 0) <= since;
  }
}
