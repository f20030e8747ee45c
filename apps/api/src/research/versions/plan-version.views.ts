import type { PlanVersionView } from '@tongke/contracts';
import type { PlanVersion } from './plan-version.schema';

export function planVersionView(v: PlanVersion): PlanVersionView {
  return {
    id: v._id.toHexString(),
    planId: v.planId.toHexString(),
    name: v.name,
    reason: v.reason,
    ...(v.createdBy && { createdBy: { id: v.createdBy.id.toHexString(), name: v.createdBy.name } }),
    createdAt: (v.createdAt ?? new Date()).toISOString(),
    size: v.size,
  };
}
