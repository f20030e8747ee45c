import { Injectable } from '@nestjs/common';
import { InsightCommunityLock } from './insight-community.lock';
import { assertContribution, type Contribution } from './insight-contribution';
import { addCounters } from './insight-counter-map';
import { InsightDayTotalRepository } from './insight-day-total.repository';
import { InsightFactRepository, type StoredFact } from './insight-fact.repository';
import { InsightMonthTotalRepository } from './insight-month-total.repository';
import { type PlacedDelta, planIncrements } from './insight-rollup-plan';
import { InsightRollupVersions } from './insight-rollup.versions';

/** How long a crashed apply can hold a community's lock. */
const APPLY_LOCK_TTL_MS = 30_000;

/**
 * Keeps the rollups in step with the facts: each change is applied as (next − stored) to the
 * community's day and month totals, under the community's lock, then its version is bumped.
 */
@Injectable()
export class InsightProjector {
  constructor(
    private readonly facts: InsightFactRepository,
    private readonly days: InsightDayTotalRepository,
    private readonly months: InsightMonthTotalRepository,
    private readonly lock: InsightCommunityLock,
    private readonly versions: InsightRollupVersions,
  ) {}

  /** Replaces fact `key`'s contribution (null deletes it): applies (next − stored) to the rollups. A `next.version` older than the stored fact's version is ignored. */
  async put(key: string, next: Contribution | null): Promise<void> {
    if (next) assertContribution(next);
    for (;;) {
      const peek = await this.facts.find(key);
      const communities = [next?.communityId, peek?.contribution.communityId].filter((c): c is string => !!c);
      if (communities.length === 0) return; // deleting a fact that does not exist
      const done = await this.lock.run(communities, APPLY_LOCK_TTL_MS, async () => {
        const stored = await this.facts.find(key);
        // The fact moved to a community not locked here meanwhile: look again.
        if (stored && !communities.includes(stored.contribution.communityId)) return false;
        await this.replace(key, stored, next);
        return true;
      });
      if (done) return;
    }
  }

  /** Adds to fact `key` (creating it) and to the rollups: for counted events (a library view, a plan edit-day). */
  async add(key: string, contribution: Contribution): Promise<void> {
    assertContribution(contribution);
    const { communityId, day } = contribution;
    await this.lock.run([communityId], APPLY_LOCK_TTL_MS, async () => {
      const stored = await this.facts.find(key);
      if (stored && (stored.contribution.communityId !== communityId || stored.contribution.day !== day)) {
        throw new Error(
          `Insight: fact ${key} belongs to ${stored.contribution.communityId} on ${stored.contribution.day}, not ${communityId} on ${day}`,
        );
      }
      const counters = addCounters(stored?.contribution.counters ?? {}, contribution.counters);
      const version = Math.max(stored?.contribution.version ?? 0, contribution.version ?? 0);
      await this.applyDeltas([{ communityId, day, delta: contribution.counters }]);
      await this.facts.save(key, { communityId, day, counters }, version);
      await this.versions.bump([communityId]);
    });
  }

  /** Under the locks: diffs `next` against the stored fact, writes the rollups, then the fact. */
  private async replace(key: string, stored: StoredFact | null, next: Contribution | null): Promise<void> {
    const old = stored?.contribution;
    if (next && old && next.version !== undefined && next.version < old.version) return; // stale
    const changes: PlacedDelta[] = [];
    if (old) changes.push({ communityId: old.communityId, day: old.day, delta: negate(old.counters) });
    if (next) changes.push({ communityId: next.communityId, day: next.day, delta: next.counters });
    const touched = await this.applyDeltas(changes);
    if (next) await this.facts.save(key, next, next.version ?? old?.version ?? 0);
    else await this.facts.delete(key);
    await this.versions.bump(touched);
  }

  /** Increments the day and month totals by the deltas (day and month writes in parallel); answers the communities touched. */
  private async applyDeltas(changes: PlacedDelta[]): Promise<string[]> {
    const { days, months } = planIncrements(changes);
    await Promise.all([this.days.increment(days), this.months.increment(months)]);
    return days.size + months.size === 0 ? [] : [...new Set(changes.map((c) => c.communityId))];
  }
}

function negate(c: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(c).map(([k, n]) => [k, -n]));
}
