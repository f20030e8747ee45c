import { Injectable, Logger } from '@nestjs/common';
import { InsightCommunityLock } from './insight-community.lock';
import { assertCommunityId, assertContribution, type Contribution, type Counters } from './insight-contribution';
import { accumulate } from './insight-counter-map';
import { InsightDayTotalRepository } from './insight-day-total.repository';
import { InsightFactRepository } from './insight-fact.repository';
import { InsightMonthTotalRepository } from './insight-month-total.repository';
import { daysToMonthEnd, monthOf } from './insight-local-day';
import { buildTotals, dayTotalId, monthOfTotalId } from './insight-rollup-plan';
import { InsightRepairStore } from './insight-repair.store';
import { InsightRollupVersions } from './insight-rollup.versions';

/** How long a crashed bulk rewrite can hold a community's lock. */
const BULK_LOCK_TTL_MS = 120_000;
/** Repair markers read per sweep. */
const REPAIR_BATCH = 200;

/** A fact to store: its key and contribution. */
export interface FactInput {
  key: string;
  contribution: Contribution;
}

/** Bulk writes of a community's facts and rollups: rebuilds and seeding. */
@Injectable()
export class InsightRollupWriter {
  private readonly logger = new Logger(InsightRollupWriter.name);

  constructor(
    private readonly facts: InsightFactRepository,
    private readonly days: InsightDayTotalRepository,
    private readonly months: InsightMonthTotalRepository,
    private readonly lock: InsightCommunityLock,
    private readonly versions: InsightRollupVersions,
    private readonly repair: InsightRepairStore,
  ) {}

  /** Bulk: replaces the community's facts whose key starts with one of `prefixes` (e.g. ['les:', 'eval:', 'act:']) by `facts`, then recomputes the community's rollups from all its stored facts. For rebuilds and seeding (thousands of facts). */
  async replaceFacts(communityId: string, prefixes: string[], facts: FactInput[]): Promise<void> {
    assertFacts(communityId, prefixes, facts);
    const covered = (key: string) => prefixes.some((p) => key.startsWith(p));
    await this.lock.run([communityId], BULK_LOCK_TTL_MS, async () => {
      const own = await this.facts.findCommunity(communityId);
      const ownKeys = new Set(own.map((f) => f.key));
      const foreign = (await this.facts.findByKeys(facts.map((f) => f.key).filter((k) => !ownKeys.has(k))))[0];
      if (foreign)
        throw new Error(`Insight: fact ${foreign.key} belongs to community ${foreign.contribution.communityId}`);
      await this.facts.deleteByKeys(own.filter((f) => covered(f.key)).map((f) => f.key));
      await this.facts.insertMany(facts);
      const kept = own.filter((f) => !covered(f.key)).map((f) => f.contribution);
      await this.writeTotals(communityId, [...kept, ...facts.map((f) => f.contribution)]);
    });
    await this.versions.bump([communityId]);
  }

  /** Recomputes the community's rollups from its stored facts. */
  async rebuildRollups(communityId: string): Promise<void> {
    assertCommunityId(communityId);
    await this.lock.run([communityId], BULK_LOCK_TTL_MS, async () => {
      const facts = await this.facts.findCommunity(communityId);
      await this.writeTotals(
        communityId,
        facts.map((f) => f.contribution),
      );
    });
    await this.versions.bump([communityId]);
  }

  /**
   * Rebuilds the rollups of every community with a repair marker due at `now` (an incremental
   * write that failed or died half-way, see InsightProjector), then clears those markers; a
   * failed rebuild leaves its markers for the next sweep. Answers the communities rebuilt.
   */
  async repairDue(now = Date.now()): Promise<string[]> {
    const due = await this.repair.due(now, REPAIR_BATCH);
    const rebuilt: string[] = [];
    for (const [communityId, markers] of due) {
      try {
        await this.rebuildRollups(communityId);
        await this.repair.clear(markers);
        rebuilt.push(communityId);
      } catch (err) {
        this.logger.error({ err }, `repairing the rollups of community ${communityId} failed; it is tried again`);
      }
    }
    return rebuilt;
  }

  /**
   * Replaces the community's day and month totals by those of the contributions. Day totals are
   * only ever written within a month that has a month total (the projector writes months first),
   * so the old month totals (a scan of the small month collection) and the contributions' months
   * name every old day total: they are deleted by `_id`.
   */
  private async writeTotals(communityId: string, contributions: Contribution[]): Promise<void> {
    const byDay = new Map<string, Counters>();
    for (const c of contributions) byDay.set(c.day, accumulate(byDay.get(c.day) ?? {}, c.counters));
    const { days, months } = buildTotals(communityId, byDay);
    const oldMonths = await this.months.idsOfCommunity(communityId);
    const covered = new Set([...oldMonths.map(monthOfTotalId), ...[...byDay.keys()].map(monthOf)]);
    const oldDays = [...covered].flatMap((month) =>
      daysToMonthEnd(`${month}-01`).map((day) => dayTotalId(communityId, day)),
    );
    await Promise.all([
      this.days.replaceCommunity(communityId, oldDays, days),
      this.months.replaceCommunity(communityId, oldMonths, months),
    ]);
  }
}

/** Throws unless every fact is valid, of the community, covered by a prefix, and its key unique. */
function assertFacts(communityId: string, prefixes: string[], facts: FactInput[]): void {
  assertCommunityId(communityId);
  if (prefixes.length === 0 || prefixes.some((p) => !p))
    throw new Error('Insight: replaceFacts needs non-empty prefixes');
  const keys = new Set<string>();
  for (const { key, contribution } of facts) {
    assertContribution(contribution);
    if (contribution.communityId !== communityId) {
      throw new Error(`Insight: fact ${key} is of community ${contribution.communityId}, not ${communityId}`);
    }
    if (!prefixes.some((p) => key.startsWith(p))) throw new Error(`Insight: fact ${key} has none of the prefixes`);
    if (keys.has(key)) throw new Error(`Insight: fact ${key} is given twice`);
    keys.add(key);
  }
}
