import type { SchoolKind, SchoolStage } from '@tongke/contracts';
import type { Counters } from '../../rollups/insight-contribution';
import type { ResolvedScope, ScopeCommunity, ScopeSchool } from '../../scope/insight-scope';
import { type ScopeCounters, scopeCounters } from '../calculators/scope-counters.calculator';

// Hand-made scopes and counters for the calculator specs.

/** A 24-hex id from a small number (readable in failures). */
export const hexId = (n: number): string => n.toString(16).padStart(24, '0');

export function fixtureSchool(
  n: number,
  communityId: string,
  kind: SchoolKind,
  studentCount: number,
  stage: SchoolStage = 'primary',
): ScopeSchool {
  return { id: hexId(n), name: `学校${n}`, communityId, kind, stage, studentCount };
}

export function fixtureCommunity(n: number, schools: ScopeSchool[]): ScopeCommunity {
  return { id: hexId(n), name: `教共体${n}`, timeZone: 'Asia/Shanghai', schools };
}

export function fixtureScope(communities: ScopeCommunity[], level: ResolvedScope['level'] = 'district'): ResolvedScope {
  const scope: ResolvedScope = { level, district: '测试区教育局', name: '测试区教育局', communities };
  if (level === 'school')
    return { ...scope, name: communities[0].schools[0].name, schoolId: communities[0].schools[0].id };
  return scope;
}

/** Flat counters of one school: `s.<id>.` before every path. */
export function schoolPaths(schoolId: string, counters: Counters): Counters {
  return Object.fromEntries(Object.entries(counters).map(([path, n]) => [`s.${schoolId}.${path}`, n]));
}

/** The split counters of a scope from each community's flat sums. */
export function fixtureCounters(scope: ResolvedScope, sums: Record<string, Counters>): ScopeCounters {
  return scopeCounters(scope, new Map(Object.entries(sums)));
}
