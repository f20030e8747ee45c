import { Types } from 'mongoose';

/** An ObjectId from a DTO field already validated with `@IsMongoId()`. */
export function toObjectId(id: string): Types.ObjectId {
  return new Types.ObjectId(id);
}

/** `toObjectId` for optional fields: undefined stays undefined. */
export function toOptionalObjectId(id: string | undefined): Types.ObjectId | undefined {
  return id === undefined ? undefined : new Types.ObjectId(id);
}

/** The ids without repeats, in first-seen order. */
export function distinctIds(ids: Iterable<Types.ObjectId>): Types.ObjectId[] {
  return [...new Map([...ids].map((id) => [id.toHexString(), id])).values()];
}
