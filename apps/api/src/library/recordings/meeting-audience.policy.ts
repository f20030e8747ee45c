import type { LiveSessionKind } from '@tongke/contracts';
import type { Types } from 'mongoose';
import { distinctIds } from '../../org/shared/object-id';

/** The parts of a live session its recording's audience is made from. */
export interface RecordedParties {
  kind?: LiveSessionKind;
  leadTeacherId: Types.ObjectId;
  memberIds?: Types.ObjectId[];
  observerIds?: Types.ObjectId[];
}

/**
 * Who may see a recording besides research officers and admins (Resource.audienceIds): for a
 * meeting (网络教研, private to its research group) its host, members and listed observers — the
 * group's people when it started; for a lesson nobody is singled out (undefined: its visibility rules).
 */
export function meetingAudience(session: RecordedParties): Types.ObjectId[] | undefined {
  if (session.kind !== 'meeting') return undefined;
  const ids = [session.leadTeacherId, ...(session.memberIds ?? []), ...(session.observerIds ?? [])];
  return distinctIds(ids);
}
