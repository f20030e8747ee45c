import { Injectable } from '@nestjs/common';
import type {
  BalanceIndicator,
  BalanceView,
  CoverageView,
  InsightOverview,
  InsightQuery,
  InsightSchoolsView,
  InsightScopesView,
  LibraryUseView,
  TrendView,
} from '@tongke/contracts';
import { Types } from 'mongoose';
import { ResourceRepository } from '../../library/resources/resource.repository';
import { TermRepository } from '../../org/repositories/term.repository';
import type { User } from '../../org/schemas/user.schema';
import { InsightRollupReader } from '../rollups/insight-rollup.reader';
import type { ResolvedScope } from '../scope/insight-scope';
import { InsightScopeResolver } from '../scope/insight-scope.resolver';
import { balanceView } from './calculators/balance.calculator';
import { coverageView } from './calculators/coverage.calculator';
import { libraryUseView, type ResourceUse, topResources } from './calculators/library-use.calculator';
import { overview } from './calculators/overview.calculator';
import { schoolIndicators } from './calculators/school-indicators.calculator';
import { type ScopeCounters, scopeCounters } from './calculators/scope-counters.calculator';
import { scopeView } from './calculators/scope-view.calculator';
import { type MonthCounters, trendView } from './calculators/trend.calculator';

/**
 * The insight views: resolves the caller's scope, reads the rollup sums of its communities for
 * the range (a few `_id` reads per community and month) and hands them to the pure calculators.
 */
@Injectable()
export class InsightService {
  constructor(
    private readonly scopes: InsightScopeResolver,
    private readonly rollups: InsightRollupReader,
    private readonly terms: TermRepository,
    private readonly resources: ResourceRepository,
  ) {}

  /** What the caller may look at: communities with their schools, and their terms (newest first). */
  async scopesFor(user: User): Promise<InsightScopesView> {
    const scope = await this.scopes.resolve(user, {});
    const perCommunity = await Promise.all(
      scope.communities.map((c) => this.terms.findByCommunity(new Types.ObjectId(c.id))),
    );
    const terms = perCommunity
      .flat()
      .sort((a, b) => b.startsOn.localeCompare(a.startsOn) || a.name.localeCompare(b.name))
      .map((t) => ({
        id: t._id.toHexString(),
        communityId: t.communityId.toHexString(),
        name: t.name,
        startDate: t.startsOn,
        endDate: t.endsOn,
      }));
    const communities = scope.communities.map((c) => ({
      id: c.id,
      name: c.name,
      schools: c.schools.map(({ id, name, kind, stage, studentCount }) => ({ id, name, kind, stage, studentCount })),
    }));
    return { level: scope.level, district: scope.district, communities, terms };
  }

  async overview(user: User, q: InsightQuery): Promise<InsightOverview> {
    const { scope, counters } = await this.range(user, q);
    return overview(scopeView(scope, q.from, q.to), counters);
  }

  async schools(user: User, q: InsightQuery): Promise<InsightSchoolsView> {
    const { scope, counters } = await this.range(user, q);
    return { scope: scopeView(scope, q.from, q.to), rows: counters.schools.map(schoolIndicators) };
  }

  async coverage(user: User, q: InsightQuery): Promise<CoverageView> {
    const { scope, counters } = await this.range(user, q);
    return coverageView(scopeView(scope, q.from, q.to), counters);
  }

  async trend(user: User, q: InsightQuery): Promise<TrendView> {
    const scope = await this.scopes.resolve(user, q);
    return trendView(scopeView(scope, q.from, q.to), await this.months(scope, q));
  }

  async library(user: User, q: InsightQuery): Promise<LibraryUseView> {
    const { scope, counters } = await this.range(user, q);
    const top = topResources(counters);
    return libraryUseView(scopeView(scope, q.from, q.to), counters, top, await this.titles(top));
  }

  async balance(user: User, q: InsightQuery & { indicator: BalanceIndicator }): Promise<BalanceView> {
    const scope = await this.scopes.resolve(user, q);
    const [counters, months] = await Promise.all([this.counters(scope, q), this.months(scope, q)]);
    return balanceView(scopeView(scope, q.from, q.to), q.indicator, counters, months);
  }

  private async range(user: User, q: InsightQuery): Promise<{ scope: ResolvedScope; counters: ScopeCounters }> {
    const scope = await this.scopes.resolve(user, q);
    return { scope, counters: await this.counters(scope, q) };
  }

  private async counters(scope: ResolvedScope, q: InsightQuery): Promise<ScopeCounters> {
    const sums = await this.rollups.sumRange(
      scope.communities.map((c) => c.id),
      q.from,
      q.to,
    );
    return scopeCounters(scope, sums);
  }

  private async months(scope: ResolvedScope, q: InsightQuery): Promise<MonthCounters[]> {
    const months = await this.rollups.sumMonths(
      scope.communities.map((c) => c.id),
      q.from,
      q.to,
    );
    return months.map(({ month, sums }) => ({ month, counters: scopeCounters(scope, sums) }));
  }

  /** Titles of the top resources, looked up in the communities whose counters hold them (only those ids). */
  private async titles(top: ResourceUse[]): Promise<Map<string, string>> {
    const idsByCommunity = new Map<string, Types.ObjectId[]>();
    for (const use of top) {
      for (const c of use.communityIds) {
        idsByCommunity.set(c, [...(idsByCommunity.get(c) ?? []), new Types.ObjectId(use.resourceId)]);
      }
    }
    const found = await Promise.all(
      [...idsByCommunity].map(([c, ids]) => this.resources.findByIds(new Types.ObjectId(c), ids)),
    );
    return new Map(found.flat().map((r) => [r._id.toHexString(), r.title]));
  }
}
