import { Injectable } from '@nestjs/common';
import { ErrorCode, planDocId, type CompareView } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { Types } from 'mongoose';
import type { User } from '../../org/schemas/user.schema';
import { ResearchPeople } from '../access/research-people.service';
import { ResearchAccess } from '../access/research-access.service';
import { ActivityAccess, type AccessibleActivity } from '../activities/activity-access.service';
import { ActivityViewsService } from '../activities/activity-views.service';
import { CollabDocuments } from '../collab/collab-documents.service';
import { EvaluationReportService } from '../evaluations/evaluation-report.service';
import { toLessonPlanView } from '../plans/lesson-plan.views';

type Lesson = CompareView['lessons'][number];

/**
 * 同课异构: 2-4 lessons side by side — each activity, its plan (view and content) and its
 * evaluation report. Every activity must be readable by the caller (404 otherwise).
 */
@Injectable()
export class CompareService {
  constructor(
    private readonly activities: ActivityAccess,
    private readonly views: ActivityViewsService,
    private readonly research: ResearchAccess,
    private readonly documents: CollabDocuments,
    private readonly people: ResearchPeople,
    private readonly reports: EvaluationReportService,
  ) {}

  async compare(user: User, activityIds: string[]): Promise<CompareView> {
    const found = await Promise.all(activityIds.map((id) => this.activities.activity(user, new Types.ObjectId(id))));
    return { lessons: await Promise.all(found.map((f) => this.lesson(user, f))) };
  }

  private async lesson(user: User, found: AccessibleActivity): Promise<Lesson> {
    const [activity, plan, report] = await Promise.all([
      this.views.toView(found.activity, found.group, found.canManage),
      this.plan(user, found.activity.planId),
      this.reports.reportOf(found.activity),
    ]);
    return { activity, ...(plan && { plan }), report };
  }

  /** The linked plan's view and content, if the plan still exists. */
  private async plan(user: User, planId: Types.ObjectId | undefined): Promise<Lesson['plan']> {
    if (!planId) return undefined;
    const found = await this.research.plan(user, planId).catch((err: unknown) => {
      if (err instanceof AppError && err.code === ErrorCode.NOT_FOUND) return null;
      throw err;
    });
    if (!found) return undefined;
    const [directory, content] = await Promise.all([
      this.people.ofCommunity(found.plan.communityId),
      this.documents.readContent(planDocId(found.plan._id.toHexString())),
    ]);
    return { view: toLessonPlanView(found.plan, directory, found.planAccess), content };
  }
}
