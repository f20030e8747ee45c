import { Role } from '@tongke/contracts';
import { Types } from 'mongoose';
import { CommunityDirectory } from '../../org/directory/community-directory';
import type { OrgDirectory } from '../../org/directory/org-directory.service';
import type { SchoolRepository } from '../../org/repositories/school.repository';
import type { Community } from '../../org/schemas/community.schema';
import type { School } from '../../org/schemas/school.schema';
import type { User } from '../../org/schemas/user.schema';
import { InsightScopeResolver } from './insight-scope.resolver';

const DISTRICT = '测试区教育局';
const oid = () => new Types.ObjectId();
const community = (name: string, district = DISTRICT): Community =>
  ({ _id: oid(), name, kind: 'community', district, timeZone: 'Asia/Shanghai' }) as Community;
const school = (c: Community, name: string, kind: 'urban' | 'rural', studentCount: number): School =>
  ({ _id: oid(), communityId: c._id, name, kind, stage: 'primary', studentCount }) as School;

describe(InsightScopeResolver.name, () => {
  const a = community('甲教共体');
  const b = community('乙教共体');
  const foreign = community('外区教共体', '外区教育局');
  const [a1, a2, b1, f1] = [
    school(a, '甲一', 'urban', 900),
    school(a, '甲二', 'rural', 90),
    school(b, '乙一', 'rural', 50),
    school(foreign, '外一', 'urban', 10),
  ];
  const all = [a, b, foreign];
  const schools = [a1, a2, b1, f1];
  const directory = {
    districtCommunities: jest.fn((d: string) => Promise.resolve(all.filter((c) => c.district === d))),
    community: jest.fn((id: Types.ObjectId) => Promise.resolve(all.find((c) => c._id.equals(id)) ?? null)),
    of: jest.fn((id: Types.ObjectId) =>
      Promise.resolve(new CommunityDirectory(id, { schools, classrooms: [], users: [] })),
    ),
  };
  const schoolRepo = {
    communityOf: jest.fn((id: Types.ObjectId) =>
      Promise.resolve(schools.find((s) => s._id.equals(id))?.communityId ?? null),
    ),
  };
  const resolver = new InsightScopeResolver(
    directory as unknown as OrgDirectory,
    schoolRepo as unknown as SchoolRepository,
  );
  const user = (roles: Role[], extra: Partial<User> = {}) => ({ _id: oid(), roles, ...extra }) as User;
  const districtAdmin = user([Role.DISTRICT_ADMIN], { district: DISTRICT });
  const communityAdmin = user([Role.COMMUNITY_ADMIN], { communityId: a._id });
  const schoolAdmin = user([Role.SCHOOL_ADMIN], { communityId: a._id, schoolId: a2._id });
  const hex = (x: { _id: Types.ObjectId }) => x._id.toHexString();
  const code = (p: Promise<unknown>) =>
    p.then(
      () => 'ok',
      (e: { code?: string }) => e.code,
    );

  it("gives a district admin the district's communities with their schools (stage, students)", async () => {
    const scope = await resolver.resolve(districtAdmin, {});
    expect(scope).toMatchObject({ level: 'district', district: DISTRICT, name: DISTRICT });
    expect(scope.schoolId).toBeUndefined();
    expect(scope.communities.map((c) => [c.name, c.timeZone, c.schools.map((s) => s.name)])).toEqual([
      ['甲教共体', 'Asia/Shanghai', ['甲一', '甲二']],
      ['乙教共体', 'Asia/Shanghai', ['乙一']],
    ]);
    expect(scope.communities[0].schools[1]).toEqual({
      id: hex(a2),
      name: '甲二',
      communityId: hex(a),
      kind: 'rural',
      stage: 'primary',
      studentCount: 90,
    });
  });

  it('narrows a district admin to a community or school of the district; 403 outside, 404 unknown', async () => {
    expect(await resolver.resolve(districtAdmin, { communityId: hex(b) })).toMatchObject({
      level: 'community',
      name: '乙教共体',
    });
    const one = await resolver.resolve(districtAdmin, { schoolId: hex(b1).toUpperCase() });
    expect(one).toMatchObject({ level: 'school', name: '乙一', schoolId: hex(b1) });
    expect(one.communities).toHaveLength(1);
    expect(one.communities[0].schools.map((s) => s.id)).toEqual([hex(b1)]);
    expect(await code(resolver.resolve(districtAdmin, { communityId: hex(foreign) }))).toBe('FORBIDDEN');
    expect(await code(resolver.resolve(districtAdmin, { communityId: oid().toHexString() }))).toBe('NOT_FOUND');
    expect(await code(resolver.resolve(districtAdmin, { schoolId: hex(f1) }))).toBe('FORBIDDEN');
    expect(await code(resolver.resolve(districtAdmin, { schoolId: oid().toHexString() }))).toBe('NOT_FOUND');
    expect(await code(resolver.resolve(districtAdmin, { communityId: hex(a), schoolId: hex(b1) }))).toBe('FORBIDDEN');
  });

  it('keeps a community admin in their community', async () => {
    expect(await resolver.resolve(communityAdmin, {})).toMatchObject({ level: 'community', name: '甲教共体' });
    expect(await resolver.resolve(communityAdmin, { communityId: hex(a) })).toMatchObject({ level: 'community' });
    expect(await code(resolver.resolve(communityAdmin, { communityId: hex(b) }))).toBe('FORBIDDEN');
    expect(await code(resolver.resolve(communityAdmin, { schoolId: hex(b1) }))).toBe('FORBIDDEN');
    expect(await resolver.resolve(communityAdmin, { schoolId: hex(a1) })).toMatchObject({
      level: 'school',
      name: '甲一',
    });
  });

  it('keeps a school admin in their school', async () => {
    const scope = await resolver.resolve(schoolAdmin, {});
    expect(scope).toMatchObject({ level: 'school', name: '甲二', schoolId: hex(a2), district: DISTRICT });
    expect(scope.communities.map((c) => c.schools.map((s) => s.name))).toEqual([['甲二']]);
    expect(await resolver.resolve(schoolAdmin, { schoolId: hex(a2), communityId: hex(a) })).toMatchObject({
      level: 'school',
    });
    expect(await code(resolver.resolve(schoolAdmin, { schoolId: hex(a1) }))).toBe('FORBIDDEN');
    expect(await code(resolver.resolve(schoolAdmin, { communityId: hex(b) }))).toBe('FORBIDDEN');
  });

  it('refuses other roles, and admins without their district or community', async () => {
    expect(await code(resolver.resolve(user([Role.TEACHER], { communityId: a._id }), {}))).toBe('FORBIDDEN');
    expect(await code(resolver.resolve(user([Role.DISTRICT_ADMIN]), {}))).toBe('FORBIDDEN');
    expect(await code(resolver.resolve(user([Role.SCHOOL_ADMIN], { communityId: a._id }), {}))).toBe('FORBIDDEN');
  });
});
