import { type CoverageView, type InsightScopeView, SUBJECTS, type Subject } from '@tongke/contracts';
import { coverage, receivedMinutes } from './counter-values.calculator';
import type { ScopeCounters } from './scope-counters.calculator';

/**
 * The coverage heat-map: one row per rural (receiving) school of the scope with the delivered
 * hours it received per subject; columns are the subjects any row requires or received, in
 * curriculum order.
 */
export function coverageView(view: InsightScopeView, sc: ScopeCounters): CoverageView {
  const rows = sc.schools
    .filter((s) => s.school.kind === 'rural')
    .map(({ school, community, counters }) => {
      const hours: Partial<Record<Subject, number>> = {};
      for (const [subject, minutes] of Object.entries(receivedMinutes(counters))) {
        hours[subject as Subject] = minutes / 60;
      }
      const { required, covered } = coverage(school.stage, counters);
      return { schoolId: school.id, schoolName: school.name, communityName: community.name, hours, required, covered };
    });
  const used = new Set<Subject>(rows.flatMap((r) => [...r.required, ...(Object.keys(r.hours) as Subject[])]));
  return { scope: view, subjects: SUBJECTS.filter((s) => used.has(s)), rows };
}
