import { planDocId } from '@tongke/contracts';
import { EMPTY_PLAN_CONTENT, encodePlanContent } from '@tongke/contracts/research/plan-doc';
import { Types } from 'mongoose';
import type { ApiTestApp } from '../../../../../../test/support/api-test-app';
import { DEMO } from '../../../org/testing/org-test.support';
import { ResearchGroupRepository } from '../../groups/research-group.repository';
import { LessonPlanRepository } from '../../plans/lesson-plan.repository';
import { CollabDocuments } from '../collab-documents.service';

/** art.chen (demo teacher), an observer of the fixture groups. */
export const ART_CHEN_ID = '74e9c000000000000000012f';

export interface PlanFixture {
  planId: string;
  docId: string;
}

/**
 * A research group of the demo community (music.li leads, english.zhao member, art.chen
 * observer) with one empty plan, written through the repositories and CollabDocuments.
 */
export async function groupWithPlan(t: ApiTestApp, name: string): Promise<PlanFixture> {
  const communityId = new Types.ObjectId(DEMO.community);
  const now = new Date();
  const member = (id: string, role: 'lead' | 'member' | 'observer') => ({
    userId: new Types.ObjectId(id),
    role,
    joinedAt: now,
  });
  const group = await t.app.get(ResearchGroupRepository).create(communityId, {
    kind: 'group',
    name: `${name} ${new Types.ObjectId().toHexString()}`,
    description: '',
    subject: 'music',
    grades: [4],
    leadId: new Types.ObjectId(DEMO.user.musicLi),
    members: [
      member(DEMO.user.musicLi, 'lead'),
      member(DEMO.user.englishZhao, 'member'),
      member(ART_CHEN_ID, 'observer'),
    ],
    mentorships: [],
  });
  const plan = await t.app.get(LessonPlanRepository).create(communityId, {
    groupId: group._id,
    title: '《草原放牧》教学设计',
    topic: '草原放牧',
    subject: 'music',
    grade: 4,
    authorId: new Types.ObjectId(DEMO.user.musicLi),
  });
  const docId = planDocId(plan._id.toHexString());
  await t.app.get(CollabDocuments).create(docId, communityId, encodePlanContent(EMPTY_PLAN_CONTENT));
  return { planId: plan._id.toHexString(), docId };
}
