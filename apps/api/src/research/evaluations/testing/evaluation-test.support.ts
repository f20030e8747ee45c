import type { GroupRole } from '@tongke/contracts';
import { Types } from 'mongoose';
import type { ApiTestApp } from '../../../../../../test/support/api-test-app';
import { DEMO } from '../../../org/testing/org-test.support';
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
