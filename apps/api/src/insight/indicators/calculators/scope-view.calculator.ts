import type { InsightScopeView } from '@tongke/contracts';
import type { ResolvedScope } from '../../scope/insight-scope';

/** What a query covered, as every view names it. */
export function scopeView(scope: ResolvedScope, from: string, to: string): InsightScopeView {
  const [only] = scope.communities;
  return {
    level: scope.level,
    district: scope.district,
    ...(scope.level !== 'district' && only && { communityId: only.id }),
    ...(scope.schoolId && { schoolId: scope.schoolId }),
    name: scope.name,
    from,
    to,
  };
}
