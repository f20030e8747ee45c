import { getModelToken } from '@nestjs/mongoose';
import type { AuditEntryView } from '@tongke/contracts';
import { type Model, Types } from 'mongoose';
import type { ApiTestApp } from '../../../../../test/support/api-test-app';
import { Classroom } from '../schemas/classroom.schema';
import { Community } from '../schemas/community.schema';
import { School } from '../schemas/school.schema';
import { User } from '../schemas/user.schema';

const demoId = (n: number) => `74e9c0000000000000${n.toString(16).padStart(6, '0')}`;

/** Ids of the seeded demo district (apps/api/src/seed/demo-district.data.ts). */
export const DEMO = {
  community: demoId(1),
  school: { urban: demoId(100), tanghe: demoId(101), shilin: demoId(102), dahu: demoId(103) },
  classroom: { urban: demoId(200), tanghe: demoId(201), shilin: demoId(202), dahu: demoId(203) },
  user: {
    admin: demoId(300),
    musicLi: demoId(301),
    englishZhao: demoId(302),
    assistantLiu: demoId(304),
    research: demoId(305),
    schoolWang: demoId(306),
    districtZhou: demoId(307),
    terminal2: demoId(401),
    terminal3: demoId(402),
  },
  classGroup: { urban4x1: demoId(700), tanghe4x1: demoId(703) },
  pairing: { tanghe: demoId(600) },
} as const;

/** Demo logins used by the org specs. */
export const ORG_LOGINS = ['admin', 'district.zhou', 'school.wang', 'music.li', 'terminal.2', 'research.sun'] as const;
export type OrgLogin = (typeof ORG_LOGINS)[number];

/** Signs every ORG_LOGINS account in once; answers a header builder. */
export async function signInAll(t: ApiTestApp): Promise<(user: OrgLogin) => { Authorization: string }> {
  const tokens = new Map<string, string>();
  for (const u of ORG_LOGINS) tokens.set(u, await t.login(u));
  return (user) => ({ Authorization: `Bearer ${tokens.get(user)}` });
}

export interface OtherCommunity {
  communityId: string;
  schoolId: string;
  classroomId: string;
  userId: string;
}

/** A second community (another district) with a school, a classroom and a teacher, written with the models. */
export async function insertOtherCommunity(t: ApiTestApp): Promise<OtherCommunity> {
  const model = <T>(name: string) => t.app.get<Model<T>>(getModelToken(name));
  const community = await model<Community>(Community.name).create({
    name: `另一联盟 ${new Types.ObjectId().toHexString()}`,
    kind: 'group',
    district: '淇滨区教育局',
  });
  const communityId = community._id;
  const school = await model<School>(School.name).create({
    communityId,
    name: '淇滨区实验小学',
    kind: 'urban',
    stage: 'primary',
  });
  const classroom = await model<Classroom>(Classroom.name).create({
    communityId,
    schoolId: school._id,
    name: '录播教室',
  });
  const user = await model<User>(User.name).create({
    communityId,
    schoolId: school._id,
    username: `other.${new Types.ObjectId().toHexString()}`,
    displayName: '外校老师',
    roles: ['teacher'],
    passwordHash: 'not-a-real-hash',
  });
  return {
    communityId: communityId.toHexString(),
    schoolId: school._id.toHexString(),
    classroomId: classroom._id.toHexString(),
    userId: user._id.toHexString(),
  };
}

/** The newest audit entries of the demo community (as an admin reads them). */
export async function latestAudit(
  t: ApiTestApp,
  auth: { Authorization: string },
  limit = 5,
): Promise<AuditEntryView[]> {
  const res = await t.http.get(`/api/communities/${DEMO.community}/audit-log?limit=${limit}`).set(auth).expect(200);
  return res.body as AuditEntryView[];
}
