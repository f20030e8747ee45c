import { Injectable } from '@nestjs/common';
import { assertCommunityId, assertLocalDay, type Counters } from './insight-contribution';
import { accumulate, pruneZeros } from './insight-counter-map';
import { InsightDayTotalRepository } from './insight-day-total.repository';
import { InsightMonthTotalRepository } from './insight-month-total.repository';
import { type MonthRead, dayTotalId, monthTotalId, planRangeReads } from './insight-rollup-plan';
import { InsightRollupCache } from './insight-rollup.cache';
import { InsightRollupVersions } from './insight-rollup.versions';

/** How many rollup documents the process keeps in memory. */
const CACHE_DOCS = 2000;

/** The documents a read needs, by `_id` → their counters. */
type Loaded = Map<string, Counters>;

/**
 * Sums of the rollups over date ranges: a few `_id` reads per community and month (month totals
 * and cumulative day totals), served from a process cache while the community's version holds.
 */
@Injectable()
export class InsightRollupReader {
  private readonly cache = new InsightRollupCache(CACHE_DOCS);

  constructor(
    private readonly days: InsightDayTotalRepository,
    private readonly months: InsightMonthTotalRepository,
    private readonly versions: InsightRollupVersions,
  ) {}

  /** Counter sums over the local days [from, to] (YYYY-MM-DD, inclusive) per community id (a community without data → empty map). */
  async sumRange(communityIds: string[], from: string, to: string): Promise<Map<string, Counters>> {
    const reads = planReads(communityIds, from, to);
    const loaded = await this.load(communityIds, reads);
    return sumsPerCommunity(communityIds, reads, loaded);
  }

  /** The same for each calendar month [from, to] touches, each clipped to the range, in month order. */
  async sumMonths(
    communityIds: string[],
    from: string,
    to: string,
  ): Promise<{ month: string; sums: Map<string, Counters> }[]> {
    const reads = planReads(communityIds, from, to);
    const loaded = await this.load(communityIds, reads);
    return reads.map((read) => ({ month: read.month, sums: sumsPerCommunity(communityIds, [read], loaded) }));
  }

  /** The counters of every document the reads need, from the cache or the collections. */
  private async load(communityIds: string[], reads: MonthRead[]): Promise<Loaded> {
    const ids = [...new Set(communityIds)];
    const versions = await this.versions.current(ids); // before the documents: a later write re-reads
    const loaded: Loaded = new Map();
    const missing = { day: [] as string[], month: [] as string[] };
    const versionOf = new Map<string, string | null>();
    ids.forEach((communityId, i) => {
      for (const { id, kind } of docsOf(communityId, reads)) {
        versionOf.set(id, versions[i]);
        // Without a version (never written, or lost with Redis) nothing is cached: it could outlive a write.
        const cached = versions[i] === null ? undefined : this.cache.get(id, versions[i]);
        if (cached) loaded.set(id, cached);
        else missing[kind].push(id);
      }
    });
    const [days, months] = await Promise.all([this.days.findSums(missing.day), this.months.findSums(missing.month)]);
    for (const id of [...missing.day, ...missing.month]) {
      const sums = days.get(id) ?? months.get(id) ?? {};
      const version = versionOf.get(id);
      if (version) this.cache.set(id, version, sums);
      loaded.set(id, sums);
    }
    return loaded;
  }
}

/** The month reads of a validated range. */
function planReads(communityIds: string[], from: string, to: string): MonthRead[] {
  communityIds.forEach(assertCommunityId);
  assertLocalDay(from);
  assertLocalDay(to);
  if (from > to) throw new Error(`Insight: range starts (${from}) after it ends (${to})`);
  return planRangeReads(from, to);
}

/** The rollup documents of a community the reads need (deduplicated). */
function docsOf(communityId: string, reads: MonthRead[]): { id: string; kind: 'day' | 'month' }[] {
  const docs = new Map<string, 'day' | 'month'>();
  for (const { plus, minusDay } of reads) {
    if (plus.kind === 'month') docs.set(monthTotalId(communityId, plus.key), 'month');
    else docs.set(dayTotalId(communityId, plus.key), 'day');
    if (minusDay) docs.set(dayTotalId(communityId, minusDay), 'day');
  }
  return [...docs].map(([id, kind]) => ({ id, kind }));
}

/** Σ over the reads of (plus − minus), per community. */
function sumsPerCommunity(communityIds: string[], reads: MonthRead[], loaded: Loaded): Map<string, Counters> {
  const out = new Map<string, Counters>();
  for (const communityId of communityIds) {
    const sums: Counters = {};
    for (const { plus, minusDay } of reads) {
      const plusId = plus.kind === 'month' ? monthTotalId(communityId, plus.key) : dayTotalId(communityId, plus.key);
      accumulate(sums, loaded.get(plusId) ?? {});
      if (minusDay) accumulate(sums, loaded.get(dayTotalId(communityId, minusDay)) ?? {}, -1);
    }
    out.set(communityId, pruneZeros(sums));
  }
  return out;
}
