import type { Types } from 'mongoose';
import type { LibraryAudience } from './resource-access.policy';

/** The fields of a library document (resource or series) the audience conditions look at. */
interface AudienceFields {
  communityId: Types.ObjectId;
  district: string;
  visibility: string;
  status?: string;
  createdBy: Types.ObjectId;
  'school.id'?: Types.ObjectId;
}

type Condition = Partial<AudienceFields>;

/**
 * The access policy's audience (see `canSeeItem`) as a Mongo query: `$or` of the ways in.
 * `hasStatus`: the documents carry a status and only `ready` ones are shown to plain viewers
 * (resources); series have none.
 */
export function audienceFilter(a: LibraryAudience, hasStatus: boolean): { $or: Condition[] } {
  const ready: Condition = hasStatus ? { status: 'ready' } : {};
  const any: Condition[] = [{ ...ready, visibility: 'public' }, { createdBy: a.userId }];
  if (a.communityId) any.push({ ...ready, communityId: a.communityId });
  if (a.district) any.push({ ...ready, visibility: 'district', district: a.district });
  if (a.manages.district) any.push({ district: a.manages.district });
  if (a.manages.communityId) any.push({ communityId: a.manages.communityId });
  if (a.manages.school && a.communityId) any.push({ communityId: a.communityId, 'school.id': a.manages.school });
  return { $or: any };
}
