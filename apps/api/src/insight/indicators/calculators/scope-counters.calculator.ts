import type { Counters } from '../../rollups/insight-contribution';
import type { ResolvedScope, ScopeCommunity, ScopeSchool } from '../../scope/insight-scope';

/** One school of the scope with its counters (paths without the `s.<schoolId>.` prefix). */
export interface SchoolCounters {
  school: ScopeSchool;
  community: ScopeCommunity;
  counters: Counters;
}

/** One community of the scope with its community-wide counters (paths without the `c.` prefix). */
export interface CommunityCounters {
  community: ScopeCommunity;
  counters: Counters;
}

/** The counters a scope may see, split per community and per school (every school of the scope has an entry). */
export interface ScopeCounters {
  scope: ResolvedScope;
  communities: CommunityCounters[];
  schools: SchoolCounters[];
}

const SCHOOL_ID = /^[0-9a-f]{24}$/;

/**
 * Splits the flat sums of the scope's communities (InsightRollupReader) into community-wide and
 * per-school counters, keeping only the schools in scope (one pass over each community's paths).
 */
export function scopeCounters(scope: ResolvedScope, sums: ReadonlyMap<string, Counters>): ScopeCounters {
  const communities: CommunityCounters[] = [];
  const schools: SchoolCounters[] = [];
  for (const community of scope.communities) {
    const bySchool = new Map<string, Counters>(community.schools.map((s) => [s.id, {}]));
    const own: Counters = {};
    for (const [path, amount] of Object.entries(sums.get(community.id) ?? {})) {
      if (path.startsWith('c.')) add(own, path.slice(2), amount);
      else if (path.startsWith('s.')) {
        const target = bySchool.get(path.slice(2, 26));
        if (target && path[26] === '.' && SCHOOL_ID.test(path.slice(2, 26))) add(target, path.slice(27), amount);
      }
    }
    communities.push({ community, counters: own });
    for (const school of community.schools) schools.push({ school, community, counters: bySchool.get(school.id)! });
  }
  return { scope, communities, schools };
}

function add(target: Counters, path: string, amount: number): void {
  target[path] = (target[path] ?? 0) + amount;
}
