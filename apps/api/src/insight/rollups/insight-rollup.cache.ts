import type { Counters } from './insight-contribution';

interface Entry {
  /** The community's rollup version when the document was read (null: never written). */
  version: string | null;
  /** The document's counters (empty when it does not exist). */
  sums: Counters;
}

/**
 * Recently read rollup documents in process memory, least recently used dropped first. An entry
 * is valid only while its community's version (bumped in Redis after every write) is unchanged.
 */
export class InsightRollupCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly capacity: number) {}

  /** The document's counters if cached at `version`, else undefined. */
  get(id: string, version: string | null): Counters | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    this.entries.delete(id);
    if (entry.version !== version) return undefined;
    this.entries.set(id, entry); // most recently used last
    return entry.sums;
  }

  set(id: string, version: string | null, sums: Counters): void {
    this.entries.delete(id);
    this.entries.set(id, { version, sums });
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
