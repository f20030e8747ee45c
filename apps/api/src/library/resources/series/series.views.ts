import type { ResourceView, SeriesView } from '@tongke/contracts';
import type { Series } from './series.schema';

export function toSeriesView(s: Series, canEdit: boolean, resources?: ResourceView[]): SeriesView {
  return {
    id: s._id.toString(),
    communityId: s.communityId.toString(),
    title: s.title,
    description: s.description ?? '',
    ...(s.subject && { subject: s.subject }),
    ...(s.grade !== undefined && { grade: s.grade }),
    visibility: s.visibility,
    resourceIds: s.resourceIds.map((id) => id.toString()),
    ...(resources && { resources }),
    canEdit,
    createdAt: s.createdAt.toISOString(),
  };
}
