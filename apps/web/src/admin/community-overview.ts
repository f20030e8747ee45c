import type { CommunityOverview, SchoolView } from '@tongke/contracts';

/** A school row of the overview with its rooms and classes counted. */
export interface SchoolRow extends SchoolView {
  classroomCount: number;
  classGroupCount: number;
  /** Names of the schools it is actively paired with (either side). */
  pairedWith: string[];
}

export interface OverviewTotals {
  schools: number;
  classrooms: number;
  classGroups: number;
  students: number;
  activePairings: number;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** Names of the schools each school is actively paired with (either side). */
function activePartners(overview: CommunityOverview): Map<string, string[]> {
  const names = new Map(overview.schools.map((s) => [s.id, s.name]));
  const partners = new Map<string, string[]>();
  const add = (schoolId: string, otherId: string) => {
    const list = partners.get(schoolId) ?? [];
    const name = names.get(otherId) ?? '?';
    if (!list.includes(name)) partners.set(schoolId, [...list, name]);
  };
  for (const p of overview.pairings.filter((x) => x.active)) {
    add(p.leadSchoolId, p.memberSchoolId);
    add(p.memberSchoolId, p.leadSchoolId);
  }
  return partners;
}

/** Schools of the overview: the lead school first, urban before rural, then by name; with their counts. */
export function schoolRows(overview: CommunityOverview): SchoolRow[] {
  const rooms = countBy(overview.classrooms, (c) => c.schoolId);
  const classes = countBy(overview.classGroups, (g) => g.schoolId);
  const partners = activePartners(overview);
  const rank = (s: SchoolView) => (s.isLead ? 0 : s.kind === 'urban' ? 1 : 2);
  return [...overview.schools]
    .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'zh-CN'))
    .map((s) => ({
      ...s,
      classroomCount: rooms.get(s.id) ?? 0,
      classGroupCount: classes.get(s.id) ?? 0,
      pairedWith: partners.get(s.id) ?? [],
    }));
}

export function overviewTotals(overview: CommunityOverview): OverviewTotals {
  return {
    schools: overview.schools.length,
    classrooms: overview.classrooms.length,
    classGroups: overview.classGroups.length,
    students: overview.schools.reduce((sum, s) => sum + s.studentCount, 0),
    activePairings: overview.pairings.filter((p) => p.active).length,
  };
}
