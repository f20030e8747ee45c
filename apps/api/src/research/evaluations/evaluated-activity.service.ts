import { Injectable } from '@nestjs/common';
import { ErrorCode, type RubricView } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { Types } from 'mongoose';
import { notFound } from '../../org/shared/found';
import type { User } from '../../org/schemas/user.schema';
import type { AccessibleGroup } from '../access/research-access.service';
import { ResearchAccess } from '../access/research-access.service';
import { ResearchActivityRepository } from '../activities/research-activity.repository';
import type { ResearchActivity } from '../activities/research-activity.schema';
import { RubricCatalog } from '../rubrics/rubric.catalog';

export interface EvaluatedActivity extends AccessibleGroup {
  activity: ResearchActivity;
}

/**
 * Loads a research activity for its evaluations: readers of its group (members, observers,
 * research officers, admins) get it; everyone else a 404, as if it did not exist.
 */
@Injectable()
export class EvaluatedActivities {
  constructor(
    private readonly activities: ResearchActivityRepository,
    private readonly access: ResearchAccess,
    private readonly catalog: RubricCatalog,
  ) {}

  async readable(user: User, activityId: Types.ObjectId): Promise<EvaluatedActivity> {
    const activity = await this.activities.findByIdForAccess(activityId);
    if (!activity) throw notFound('research activity', activityId);
    const found = await this.access.group(user, activity.groupId).catch((err: unknown) => {
      throw err instanceof AppError && err.code === ErrorCode.NOT_FOUND
        ? notFound('research activity', activityId)
        : err;
    });
    return { ...found, activity };
  }

  /** The activity's rubric (the built-in one unless it names another). */
  async rubricOf(activity: ResearchActivity): Promise<RubricView> {
    const rubric = await this.catalog.find(activity.communityId, activity.rubricId);
    if (!rubric) throw new AppError(ErrorCode.CONFLICT, `the activity's rubric ${activity.rubricId} no longer exists`);
    return rubric;
  }
}
