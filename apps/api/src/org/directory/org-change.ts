import { Types } from 'mongoose';

/** Which communities' org data (schools, classrooms, accounts, the community itself) a write touched. */
export type OrgChange = { all: true } | { communityIds: string[] };

export const ALL_CHANGED: OrgChange = { all: true };

/** The change's message on the Redis channel, naming the process that wrote (it skips its own). */
export function encodeOrgChange(change: OrgChange, origin: string): string {
  return JSON.stringify({ origin, ...change });
}

/** Decodes a channel message; anything malformed counts as "everything changed". */
export function decodeOrgChange(message: string): { origin?: string; change: OrgChange } {
  try {
    const parsed = JSON.parse(message) as { origin?: unknown; all?: unknown; communityIds?: unknown };
    const origin = typeof parsed.origin === 'string' ? parsed.origin : undefined;
    const ids = parsed.communityIds;
    if (parsed.all !== true && Array.isArray(ids) && ids.every((id) => typeof id === 'string')) {
      return { origin, change: { communityIds: ids } };
    }
    return { origin, change: ALL_CHANGED };
  } catch {
    return { change: ALL_CHANGED };
  }
}

/** The community ids `value` names exactly (an id, or `{ $in: ids }`), or undefined if it doesn't. */
export function communityIdsIn(value: unknown): string[] | undefined {
  const one = idOf(value);
  if (one) return [one];
  if (value && typeof value === 'object' && Object.keys(value).length === 1 && '$in' in value) {
    const list = (value as { $in: unknown }).$in;
    if (!Array.isArray(list)) return undefined;
    const ids = list.map(idOf);
    return ids.every((id) => id !== undefined) ? ids : undefined;
  }
  return undefined;
}

/** One change for several parts: everything if any part is unknown. */
export function mergeChanges(parts: (string[] | undefined)[]): OrgChange {
  if (parts.some((p) => p === undefined)) return ALL_CHANGED;
  return { communityIds: [...new Set(parts.flatMap((p) => p ?? []))] };
}

function idOf(value: unknown): string | undefined {
  if (value instanceof Types.ObjectId) return value.toHexString();
  if (typeof value === 'string' && /^[0-9a-fA-F]{24}$/.test(value)) return value.toLowerCase();
  return undefined;
}
