import { Types } from 'mongoose';
import type { LiveSession } from '../schemas/live-session.schema';

/** A stored session as the index keeps it: every field of the lean document, ids as hex, dates as epoch ms. */
type Encoded = Record<string, unknown>;

const ID_FIELDS = ['_id', 'communityId', 'leadTeacherId', 'createdBy', 'scheduleId', 'termId', 'resourceId'] as const;
const ID_LIST_FIELDS = ['classroomIds', 'memberIds', 'observerIds'] as const;
const DATE_FIELDS = ['plannedStart', 'plannedEnd', 'startedAt', 'endedAt', 'createdAt', 'updatedAt'] as const;
/** Mongoose's version key: not part of the session. */
const SKIPPED = new Set(['__v']);

const isOneOf = <T extends string>(list: readonly T[], key: string): key is T =>
  (list as readonly string[]).includes(key);

/**
 * Turns a lean live session into a compact JSON string and back: ObjectIds and Dates are
 * restored, so view code works on decoded sessions exactly as on documents read from Mongo.
 */
export function encodeSession(session: LiveSession): string {
  const out: Encoded = {};
  for (const [key, value] of Object.entries(session)) {
    if (value === undefined || SKIPPED.has(key)) continue;
    if (isOneOf(ID_FIELDS, key)) out[key] = (value as Types.ObjectId).toHexString();
    else if (isOneOf(ID_LIST_FIELDS, key)) out[key] = (value as Types.ObjectId[]).map((id) => id.toHexString());
    else if (isOneOf(DATE_FIELDS, key)) out[key] = (value as Date).getTime();
    else out[key] = value;
  }
  return JSON.stringify(out);
}

export function decodeSession(json: string): LiveSession {
  const raw = JSON.parse(json) as Encoded;
  const out: Encoded = {};
  for (const [key, value] of Object.entries(raw)) {
    if (isOneOf(ID_FIELDS, key)) out[key] = new Types.ObjectId(value as string);
    else if (isOneOf(ID_LIST_FIELDS, key)) out[key] = (value as string[]).map((id) => new Types.ObjectId(id));
    else if (isOneOf(DATE_FIELDS, key)) out[key] = new Date(value as number);
    else out[key] = value;
  }
  return out as unknown as LiveSession;
}
