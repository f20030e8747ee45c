import { Injectable } from '@nestjs/common';
import { ErrorCode, Role, type CollabAccess } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { Types } from 'mongoose';
import { OrgDirectory } from '../../org/directory/org-directory.service';
import { notFound } from '../../org/shared/found';
import type { User } from '../../org/schemas/user.schema';
import { ResearchGroupRepository } from '../groups/research-group.repository';
import type { ResearchGroup } from '../groups/research-group.schema';
import { LessonPlanRepository } from '../plans/lesson-plan.repository';
import type { LessonPlan } from '../plans/lesson-plan.schema';
import { groupAccess, planAccess, type GroupAccess, type ResearchViewer } from './research-access.policy';

export interface AccessibleGroup {
  viewer: ResearchViewer;
  group: ResearchGroup;
  access: GroupAccess;
}

export interface AccessiblePlan extends AccessibleGroup {
  plan: LessonPlan;
  planAccess: CollabAccess;
}

/**
 * Applies the research access policy to callers: groups and plans the caller may not read are
 * answered as unknown (404) so their existence does not leak; readers who may not edit or manage
 * get 403. Every research module checks access through this service.
 */
@Injectable()
export class ResearchAccess {
  constructor(
    private readonly directory: OrgDirectory,
    private readonly groups: ResearchGroupRepository,
    private readonly plans: LessonPlanRepository,
  ) {}

  async viewerOf(user: User): Promise<ResearchViewer> {
    const community = user.communityId ? await this.directory.community(user.communityId) : null;
    const district = user.roles.includes(Role.DISTRICT_ADMIN) ? user.district : community?.district;
    return {
      id: user._id,
      roles: user.roles,
      ...(user.communityId && { communityId: user.communityId }),
      ...(district && { district }),
    };
  }

  /** The group if the caller may read it (404 otherwise). */
  async group(user: User, groupId: Types.ObjectId): Promise<AccessibleGroup> {
    const [viewer, group] = await Promise.all([this.viewerOf(user), this.groups.findByIdForAccess(groupId)]);
    if (!group) throw notFound('research group', groupId);
    const community = await this.directory.community(group.communityId);
    const access = groupAccess(viewer, { ...group, district: community?.district ?? '' });
    if (!access.read) throw notFound('research group', groupId);
    return { viewer, group, access };
  }

  /** The group if the caller may edit in it (leads and members); 403 for other readers. */
  async editableGroup(user: User, groupId: Types.ObjectId): Promise<AccessibleGroup> {
    const found = await this.group(user, groupId);
    if (!found.access.edit) throw new AppError(ErrorCode.FORBIDDEN, 'only the group lead and members may do this');
    return found;
  }

  /** The group if the caller manages it (its lead, community or district admins); 403 for other readers. */
  async managedGroup(user: User, groupId: Types.ObjectId): Promise<AccessibleGroup> {
    const found = await this.group(user, groupId);
    if (!found.access.manage) throw new AppError(ErrorCode.FORBIDDEN, 'only the group lead and admins may do this');
    return found;
  }

  /** The plan if the caller may read it (404 otherwise), with their collab access. */
  async plan(user: User, planId: Types.ObjectId): Promise<AccessiblePlan> {
    const plan = await this.plans.findByIdForAccess(planId);
    if (!plan) throw notFound('lesson plan', planId);
    const found = await this.group(user, plan.groupId).catch((err: unknown) => {
      throw err instanceof AppError && err.code === ErrorCode.NOT_FOUND ? notFound('lesson plan', planId) : err;
    });
    return { ...found, plan, planAccess: planAccess(found.access) as CollabAccess };
  }

  /** The plan if the caller may edit it; 403 for readers (group observers, admins who are not members). */
  async editablePlan(user: User, planId: Types.ObjectId): Promise<AccessiblePlan> {
    const found = await this.plan(user, planId);
    if (found.planAccess !== 'edit') {
      throw new AppError(ErrorCode.FORBIDDEN, 'only the group lead and members may edit its plans');
    }
    return found;
  }
}
