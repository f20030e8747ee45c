import type { CollabAccess, LessonPlanView } from '@tongke/contracts';
import type { PeopleLookup } from '../access/district-people.directory';
import { personRef } from '../groups/research-group.views';
import type { LessonPlan } from './lesson-plan.schema';

export function toLessonPlanView(plan: LessonPlan, directory: PeopleLookup, access: CollabAccess): LessonPlanView {
  return {
    id: plan._id.toString(),
    communityId: plan.communityId.toString(),
    groupId: plan.groupId.toString(),
    title: plan.title,
    topic: plan.topic ?? '',
    subject: plan.subject,
    grade: plan.grade,
    ...(plan.textbookEdition && { textbookEdition: plan.textbookEdition }),
    ...(plan.chapter && { chapter: plan.chapter }),
    author: personRef(directory, plan.authorId),
    access,
    createdAt: (plan.createdAt ?? new Date(0)).toISOString(),
    updatedAt: (plan.updatedAt ?? plan.createdAt ?? new Date(0)).toISOString(),
  };
}
