import { getModelToken } from '@nestjs/mongoose';
import type { GroupRole } from '@tongke/contracts';
import { type Model, Types } from 'mongoose';
import type { ApiTestApp } from '../../../../../../test/support/api-test-app';
import { PasswordHasher } from '../../../auth/accounts/password.hasher';
import { User } from '../../../org/schemas/user.schema';
import { DEMO, insertOtherCommunity } from '../../../org/testing/org-test.support';
import { DEMO_PASSWORD } from '../../../seed/demo-district.data';
import { ResearchActivityRepository } from '../../activities/research-activity.repository';
import { ResearchGroupRepository } from '../../groups/research-group.repository';

const oid = (id: string) => new Types.ObjectId(id);
export const ART_CHEN = '74e9c0000000000000' + (303).toString(16).padStart(6, '0');

/** A research group of the demo community written with its repository: `lead` leads, the others as given. */
export async function insertGroup(
  t: ApiTestApp,
  lead: string,
  members: { userId: string; role: Exclude<GroupRole, 'lead'> }[],
): Promise<string> {
  const now = new Date();
  const group = await t.app.get(ResearchGroupRepository).create(oid(DEMO.community), {
    kind: 'group',
    name: `教研组 ${new Types.ObjectId().toHexString()}`,
    description: '',
    grades: [4],
    leadId: oid(lead),
    members: [
      { userId: oid(lead), role: 'lead', joinedAt: now },
      ...members.map((m) => ({ userId: oid(m.userId), role: m.role, joinedAt: now })),
    ],
    mentorships: [],
  });
  return group._id.toHexString();
}

/** A lesson-study activity of the group written with its repository. */
export async function insertActivity(
  t: ApiTestApp,
  groupId: string,
  teacherId: string,
  extra: { rubricId?: string; topic?: string; title?: string } = {},
): Promise<string> {
  const activity = await t.app.get(ResearchActivityRepository).create(oid(DEMO.community), {
    groupId: oid(groupId),
    kind: 'lesson-study',
    title: extra.title ?? '《春晓》一课双研',
    topic: extra.topic ?? '春晓',
    subject: 'music',
    grade: 4,
    teacherId: oid(teacherId),
    plannedAt: new Date(),
    ...(extra.rubricId && { rubricId: extra.rubricId }),
    createdBy: oid(teacherId),
  });
  return activity._id.toHexString();
}

/** A teacher of another community (another district) who can sign in: answers their access token. */
export async function signInOtherCommunity(t: ApiTestApp): Promise<string> {
  const other = await insertOtherCommunity(t);
  const users = t.app.get<Model<User>>(getModelToken(User.name));
  const passwordHash = await t.app.get(PasswordHasher).hash(DEMO_PASSWORD);
  await users.updateOne({ _id: other.userId }, { $set: { passwordHash } }).exec();
  const user = await users.findById(other.userId).lean<User>().orFail().exec();
  return t.login(user.username);
}
