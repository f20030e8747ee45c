import { Types } from 'mongoose';
import { communityIdsIn, decodeOrgChange, encodeOrgChange, mergeChanges } from './org-change';
import { queryChange } from './org-write.hooks';

describe('org changes', () => {
  const a = new Types.ObjectId();
  const b = new Types.ObjectId();

  it('round-trips a change with its origin, and reads anything malformed as "all"', () => {
    expect(decodeOrgChange(encodeOrgChange({ communityIds: [a.toHexString()] }, 'p1'))).toEqual({
      origin: 'p1',
      change: { communityIds: [a.toHexString()] },
    });
    expect(decodeOrgChange(encodeOrgChange({ all: true }, 'p1')).change).toEqual({ all: true });
    expect(decodeOrgChange('not json').change).toEqual({ all: true });
    expect(decodeOrgChange('{"communityIds":[1]}').change).toEqual({ all: true });
  });

  it('reads community ids from exact ids and $in lists only', () => {
    expect(communityIdsIn(a)).toEqual([a.toHexString()]);
    expect(communityIdsIn(a.toHexString().toUpperCase())).toEqual([a.toHexString()]);
    expect(communityIdsIn({ $in: [a, b] })).toEqual([a.toHexString(), b.toHexString()]);
    expect(communityIdsIn({ $ne: a })).toBeUndefined();
    expect(communityIdsIn({ $in: [a, 'x'] })).toBeUndefined();
    expect(communityIdsIn(undefined)).toBeUndefined();
  });

  it('merges parts, any unknown part making it "all"', () => {
    expect(mergeChanges([[a.toHexString()], [a.toHexString(), b.toHexString()]])).toEqual({
      communityIds: [a.toHexString(), b.toHexString()],
    });
    expect(mergeChanges([[a.toHexString()], undefined])).toEqual({ all: true });
  });

  describe('queryChange', () => {
    const q = (filter: Record<string, unknown>, update?: unknown) => ({
      getFilter: () => filter,
      getUpdate: () => update as never,
    });

    it("names the filter's community", () => {
      expect(queryChange(q({ _id: b, communityId: a }, { $set: { displayName: 'x' } }), 'communityId')).toEqual({
        communityIds: [a.toHexString()],
      });
      expect(queryChange(q({ _id: a }, { $set: { name: 'x' } }), '_id')).toEqual({ communityIds: [a.toHexString()] });
    });

    it('is "all" when the filter names no community (an account by id alone)', () => {
      expect(queryChange(q({ _id: b }, { $set: { passwordHash: 'h' } }), 'communityId')).toEqual({ all: true });
    });

    it('adds the community an update moves documents to, and is "all" for unset, rename or pipelines', () => {
      expect(queryChange(q({ communityId: a }, { $set: { communityId: b } }), 'communityId')).toEqual({
        communityIds: [a.toHexString(), b.toHexString()],
      });
      expect(queryChange(q({ communityId: a }, { communityId: b, name: 'r' }), 'communityId')).toEqual({
        communityIds: [a.toHexString(), b.toHexString()],
      });
      expect(queryChange(q({ communityId: a }, { $unset: { communityId: 1 } }), 'communityId')).toEqual({ all: true });
      expect(queryChange(q({ communityId: a }, { $rename: { x: 'y' } }), 'communityId')).toEqual({ all: true });
      expect(queryChange(q({ communityId: a }, [{ $set: { x: 1 } }]), 'communityId')).toEqual({ all: true });
    });
  });
});
