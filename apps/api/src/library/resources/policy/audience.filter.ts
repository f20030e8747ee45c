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
  audienceIds: Types.ObjectId | { $exists: false };
}

type Condition = Partial<AudienceFields>;

/**
 * The access policy's audience (see `canSeeItem`) as a Mongo query: `$or` of the ways in (by
 * visibility or community only to unrestricted items; restricted ones to their listed accounts and
 * their community's research officers; creators and admins to everything they manage).
 * `hasStatus`: the documents carry a status and only `ready` ones are shown to plain viewers
 * (resources); series have none.
 */
export function audienceFilter(a: LibraryAudience, hasStatus: boolean): { $or: Condition[] } {
  const ready: Condition = hasStatus ? { status: 'ready' } : {};
  const open: Condition = { ...ready, audienceIds: { $exists: false } };
  const any: Condition[] = [{ ...open, visibility: 'public' }, { createdBy: a.userId }];
  if (a.communityId) any.push({ ...open, communityId: a.communityId });
  if (a.district) any.push({ ...open, visibility: 'district', district: a.district });
  if (hasStatus) any.push({ ...ready, audienceIds: a.userId });
  if (a.researchOf) any.push({ ...ready, communityId: a.researchOf });
  if (a.manages.district) any.push({ district: a.manages.district });
  if (a.manages.communityId) any.push({ communityId: a.manages.communityId });
  if (a.manages.school && a.communityId) any.push({ communityId: a.communityId, 'school.id': a.manages.school });
  return { $or: any };
}
