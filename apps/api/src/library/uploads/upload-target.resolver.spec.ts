import { ErrorCode, LIBRARY_LIMITS, Role, type UploadMetadata } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { Types } from 'mongoose';
import type { OrgDirectory } from '../../org/directory/org-directory.service';
import type { Community } from '../../org/schemas/community.schema';
import type { User } from '../../org/schemas/user.schema';
import type { ResourceAccess } from '../resources/resource-access.service';
import type { SeriesRepository } from '../resources/series/series.repository';
import type { Series } from '../resources/series/series.schema';
import { UploadTargetResolver } from './upload-target.resolver';

const DISTRICT = '汤河区教育局';
const community = { _id: new Types.ObjectId(), district: DISTRICT, name: '联盟', kind: 'community' } as Community;
const elsewhere = { _id: new Types.ObjectId(), district: '淇滨区教育局', name: '另一联盟', kind: 'group' } as Community;
const school = new Types.ObjectId();

const user = (roles: Role[], extra: Partial<User> = {}): User =>
  ({ _id: new Types.ObjectId(), displayName: '李静', roles, subjects: [], ...extra }) as User;
const teacher = user([Role.TEACHER], { communityId: community._id, schoolId: school });
const metadata = (extra: Partial<UploadMetadata> = {}): UploadMetadata => ({
  filename: 'a.mp4',
  title: '微课',
  description: '',
  subject: 'music',
  grade: 4,
  tags: [],
  visibility: 'community',
  ...extra,
});

describe(UploadTargetResolver.name, () => {
  let series: Series[];
  let resolver: UploadTargetResolver;

  beforeEach(() => {
    series = [];
    const directory = {
      community: (id: Types.ObjectId) => Promise.resolve([community, elsewhere].find((c) => c._id.equals(id)) ?? null),
    } as unknown as OrgDirectory;
    const access = {
      viewerOf: (u: User) =>
        Promise.resolve({
          id: u._id,
          roles: u.roles,
          communityId: u.communityId,
          schoolId: u.schoolId,
          district: DISTRICT,
        }),
    } as unknown as ResourceAccess;
    const seriesRepo = {
      findOne: (communityId: Types.ObjectId, id: Types.ObjectId) =>
        Promise.resolve(series.find((s) => s._id.equals(id) && s.communityId.equals(communityId)) ?? null),
    } as unknown as SeriesRepository;
    resolver = new UploadTargetResolver(directory, access, seriesRepo);
  });

  async function refusal(u: User, m: UploadMetadata): Promise<[ErrorCode, string]> {
    const err = await resolver.resolve(u, m).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    return [(err as AppError).code, (err as AppError).message];
  }

  const aSeries = (createdBy: Types.ObjectId, resourceIds: Types.ObjectId[] = []): Series =>
    ({
      _id: new Types.ObjectId(),
      communityId: community._id,
      district: DISTRICT,
      visibility: 'community',
      createdBy,
      resourceIds,
    }) as Series;

  it("puts a teacher's video in their community, naming them and their school", async () => {
    expect(await resolver.resolve(teacher, metadata())).toEqual({
      communityId: community._id,
      teacherId: teacher._id,
      schoolId: school,
    });
  });

  it('names no teacher for an admin or research officer', async () => {
    const research = user([Role.RESEARCH_OFFICER], { communityId: community._id });
    expect(await resolver.resolve(research, metadata())).toEqual({ communityId: community._id });
  });

  it('lets a district admin upload only into a community of their district, which they must name', async () => {
    const zhou = user([Role.DISTRICT_ADMIN], { district: DISTRICT });
    expect((await refusal(zhou, metadata()))[0]).toBe(ErrorCode.BAD_REQUEST);
    expect(await resolver.resolve(zhou, metadata({ communityId: community._id.toHexString() }))).toEqual({
      communityId: community._id,
    });
    expect(await refusal(zhou, metadata({ communityId: elsewhere._id.toHexString() }))).toEqual([
      ErrorCode.FORBIDDEN,
      'you can only upload into your own community',
    ]);
    const unknown = new Types.ObjectId().toHexString();
    expect(await refusal(zhou, metadata({ communityId: unknown }))).toEqual([
      ErrorCode.NOT_FOUND,
      `communityId: no community ${unknown}`,
    ]);
  });

  it("refuses a member's upload into another community", async () => {
    const m = metadata({ communityId: elsewhere._id.toHexString() });
    expect((await refusal(teacher, m))[0]).toBe(ErrorCode.FORBIDDEN);
  });

  it('adds the video to a series of the community the uploader may edit, with room left', async () => {
    const own = aSeries(teacher._id);
    series.push(own);
    const target = await resolver.resolve(teacher, metadata({ seriesId: own._id.toHexString() }));
    expect(target.seriesId).toEqual(own._id);

    const missing = new Types.ObjectId().toHexString();
    expect(await refusal(teacher, metadata({ seriesId: missing }))).toEqual([
      ErrorCode.NOT_FOUND,
      `seriesId: no series ${missing} in this community`,
    ]);
    const someoneElses = aSeries(new Types.ObjectId());
    const full = aSeries(
      teacher._id,
      Array.from({ length: LIBRARY_LIMITS.seriesResourcesMax }, () => new Types.ObjectId()),
    );
    series.push(someoneElses, full);
    expect((await refusal(teacher, metadata({ seriesId: someoneElses._id.toHexString() })))[0]).toBe(
      ErrorCode.FORBIDDEN,
    );
    expect((await refusal(teacher, metadata({ seriesId: full._id.toHexString() })))[0]).toBe(ErrorCode.CONFLICT);
    const admin = user([Role.COMMUNITY_ADMIN], { communityId: community._id });
    expect((await resolver.resolve(admin, metadata({ seriesId: someoneElses._id.toHexString() }))).seriesId).toEqual(
      someoneElses._id,
    );
  });
});
