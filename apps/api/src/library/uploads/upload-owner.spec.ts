import { ErrorCode, Role } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { Types } from 'mongoose';
import { assertUploadOwner, OWNER_METADATA_KEY, ownerOf, UPLOADER_ROLES, withOwner } from './upload-owner';

describe('upload owner', () => {
  const me = new Types.ObjectId();
  const community = new Types.ObjectId();
  const owner = { userId: me.toHexString(), communityId: community.toHexString() };

  it('lets teachers, admins and research officers upload, not terminals or assistants', () => {
    expect([...UPLOADER_ROLES].sort()).toEqual(
      [Role.TEACHER, Role.SCHOOL_ADMIN, Role.COMMUNITY_ADMIN, Role.DISTRICT_ADMIN, Role.RESEARCH_OFFICER].sort(),
    );
    expect(UPLOADER_ROLES).not.toContain(Role.TERMINAL);
    expect(UPLOADER_ROLES).not.toContain(Role.ASSISTANT);
  });

  it('stores the owner beside the client metadata and reads it back', () => {
    const stored = withOwner({ title: '微课', chapter: null, skipped: undefined }, owner);
    expect(stored).toEqual({ title: '微课', chapter: null, [OWNER_METADATA_KEY]: JSON.stringify(owner) });
    expect(ownerOf(stored)).toEqual(owner);
  });

  it('replaces an owner the client tried to send', () => {
    const forged = { [OWNER_METADATA_KEY]: JSON.stringify({ ...owner, userId: new Types.ObjectId().toHexString() }) };
    expect(ownerOf(withOwner(forged, owner))).toEqual(owner);
  });

  it.each([
    ['no metadata', undefined],
    ['no owner', { title: 'x' }],
    ['not JSON', { [OWNER_METADATA_KEY]: '{oops' }],
    ['JSON null', { [OWNER_METADATA_KEY]: 'null' }],
    ['a bad user id', { [OWNER_METADATA_KEY]: JSON.stringify({ ...owner, userId: '../x' }) }],
    ['no community', { [OWNER_METADATA_KEY]: JSON.stringify({ userId: owner.userId }) }],
  ])('reads %s as no owner', (_case, metadata) => {
    expect(ownerOf(metadata)).toBeNull();
  });

  it('lets only the uploader touch an upload (403 for anyone else, or an upload without an owner)', () => {
    expect(assertUploadOwner(owner, me)).toBe(owner);
    for (const [who, recorded] of [
      [new Types.ObjectId(), owner],
      [me, null],
    ] as const) {
      let error: unknown;
      try {
        assertUploadOwner(recorded, who);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe(ErrorCode.FORBIDDEN);
    }
  });
});
