import { Injectable, Logger } from '@nestjs/common';
import { InsightCommunityLock, LOCK_WAIT_MS } from './insight-community.lock';
import { assertContribution, type Contribution } from './insight-contribution';
import { addCounters } from './insight-counter-map';
import { InsightDayTotalRepository } from './insight-day-total.repository';
import { InsightFactRepository, type StoredFact } from './insight-fact.repository';
import { InsightMonthTotalRepository } from './insight-month-total.repository';
import { type PlacedDelta, planIncrements, type RollupIncrements } from './insight-rollup-plan';
import { InsightRepairStore } from './insight-repair.store';
import { InsightRollupVersions } from './insight-rollup.versions';

/** How long a crashed apply can hold a community's lock; also when its repair marker falls due. */
const APPLY_LOCK_TTL_MS = 30_000;

/**
 * Runs under the locks of the communities locked (`locked`) with the stored fact; answers null when
 * done, or a community it also needs locked (then it is run again with that one too).
 */
type LockedWork = (stored: StoredFact | null, locked: string[]) => Promise<string | null>;

/**
 * Keeps the rollups in step with the facts: each change is applied as (next − stored) to the
 * community's day and month totals, under the community's lock. The fact is the source of truth
 * and is written first; then the totals are incremented. A repair marker (InsightRepairStore) is
 * set before and cleared after: when an increment fails it falls due at once, when the process
 * dies in between it falls due after the lock's TTL, and InsightRollupWriter.repairDue rebuilds
 * the community's totals from its facts. So a retried change finds a zero diff and never counts
 * twice. The community's version is set anew after every fact written.
 */
@Injectable()
export class InsightProjector {
  private readonly logger = new Logger(InsightProjector.name);

  constructor(
    private readonly facts: InsightFactRepository,
    private readonly days: InsightDayTotalRepository,
    private readonly months: InsightMonthTotalRepository,
    private readonly lock: InsightCommunityLock,
    private readonly versions: InsightRollupVersions,
    private readonly repair: InsightRepairStore,
  ) {}

  /** Replaces fact `key`'s contribution (null deletes it): applies (next − stored) to the rollups. A `next.version` older than the stored fact's version is ignored. */
  async put(key: string, next: Contribution | null): Promise<void> {
    if (next) assertContribution(next);
    await this.underLocks(key, next ? [next.communityId] : [], LOCK_WAIT_MS, async (stored) => {
      const old = stored?.contribution;
      if (next && old && next.version !== undefined && next.version < old.version) return null; // stale
      await this.replace(key, stored, next);
      return null;
    });
  }

  /**
   * Recomputes fact `key` from its source: `compute` (which reads the source; null: no fact) runs
   * under the lock of the fact's community, so of two concurrent refreshes the later one always
   * reads the source last and wins (a deleted source cannot be put back by an earlier read).
   * When no fact is stored yet, `compute` first runs unlocked to learn the community.
   */
  async refresh(key: string, compute: () => Promise<Contribution | null>, waitMs = LOCK_WAIT_MS): Promise<void> {
    const hint: string[] = [];
    if (!(await this.facts.find(key))) {
      const first = await compute();
      if (!first) return;
      hint.push(first.communityId);
    }
    await this.underLocks(key, hint, waitMs, async (stored, locked) => {
      const next = await compute();
      if (next) assertContribution(next);
      if (next && !locked.includes(next.communityId)) return next.communityId;
      if (next || stored) await this.replace(key, stored, next);
      return null;
    });
  }

  /** Adds to fact `key` (creating it) and to the rollups: for counted events (a library view, a plan edit-day). */
  async add(key: string, contribution: Contribution, waitMs = LOCK_WAIT_MS): Promise<void> {
    assertContribution(contribution);
    const { communityId, day } = contribution;
    await this.lock.run(
      [communityId],
      APPLY_LOCK_TTL_MS,
      async () => {
        const stored = await this.facts.find(key);
        if (stored && (stored.contribution.communityId !== communityId || stored.contribution.day !== day)) {
          throw new Error(
            `Insight: fact ${key} belongs to ${stored.contribution.communityId} on ${stored.contribution.day}, not ${communityId} on ${day}`,
          );
        }
        const counters = addCounters(stored?.contribution.counters ?? {}, contribution.counters);
        const version = Math.max(stored?.contribution.version ?? 0, contribution.version ?? 0);
        const plan = planIncrements([{ communityId, day, delta: contribution.counters }]);
        // Once the fact holds the event it is counted: a failed increment is left to the repair
        // (failing here would have the event retried and counted twice).
        await this.commit(key, [communityId], plan, () =>
          this.facts.save(key, { communityId, day, counters }, version),
        );
      },
      waitMs,
    );
  }

  /** Runs `work` under the locks of `also` and the stored fact's community (see LockedWork). */
  private async underLocks(key: string, also: string[], waitMs: number, work: LockedWork): Promise<void> {
    let wanted = also;
    for (;;) {
      const peek = await this.facts.find(key);
      const communities = [...new Set([...wanted, ...(peek ? [peek.contribution.communityId] : [])])];
      if (communities.length === 0) return; // no fact and none to write
      const more = await this.lock.run(
        communities,
        APPLY_LOCK_TTL_MS,
        async () => {
          const stored = await this.facts.find(key);
          // The fact moved to a community not locked here meanwhile: look again.
          if (stored && !communities.includes(stored.contribution.communityId)) return stored.contribution.communityId;
          return work(stored, communities);
        },
        waitMs,
      );
      if (more === null) return;
      wanted = [...communities, more];
    }
  }

  /** Under the locks: writes `next` (or deletes the fact), then applies (next − stored) to the rollups. */
  private async replace(key: string, stored: StoredFact | null, next: Contribution | null): Promise<void> {
    const old = stored?.contribution;
    const changes: PlacedDelta[] = [];
    if (old) changes.push({ communityId: old.communityId, day: old.day, delta: negate(old.counters) });
    if (next) changes.push({ communityId: next.communityId, day: next.day, delta: next.counters });
    const touched = [...new Set(changes.map((c) => c.communityId))];
    const write = next
      ? () => this.facts.save(key, next, next.version ?? old?.version ?? 0)
      : () => this.facts.delete(key);
    if (!(await this.commit(key, touched, planIncrements(changes), write))) {
      throw new Error(
        `Insight: the rollups of fact ${key} were not all written; its communities are queued for repair`,
      );
    }
  }

  /**
   * Writes the fact, then the increments, between setting and clearing repair markers of the
   * touched communities; false if an increment failed (the markers are then due now).
   */
  private async commit(
    key: string,
    touched: string[],
    plan: RollupIncrements,
    writeFact: () => Promise<void>,
  ): Promise<boolean> {
    const changes = plan.days.size + plan.months.size > 0;
    const markers = changes ? await this.repair.begin(touched, APPLY_LOCK_TTL_MS) : [];
    await writeFact();
    try {
      // Months first: day totals are then only ever written within a month that has a month
      // total, which is how a rebuild finds every day total to replace (InsightRollupWriter).
      await this.months.increment(plan.months);
      await this.days.increment(plan.days);
    } catch (err) {
      this.logger.error({ err }, `incrementing the rollups of fact ${key} failed; ${touched.join(', ')} to repair`);
      await this.versions.bump(touched).catch(() => undefined); // a part may have been written
      await this.repair.dueNow(markers); // if this fails too, the markers fall due after the TTL
      return false;
    }
    await this.versions.bump(touched);
    await this.repair.clear(markers);
    return true;
  }
}

function negate(c: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(c).map(([k, n]) => [k, -n]));
}
