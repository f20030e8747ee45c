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

/** A group the caller may read, with what they may do in it. */
export interface ReadableGroup {
  group: ResearchGroup;
  access: GroupAccess;
}

export interface AccessibleGroup extends ReadableGroup {
  viewer: ResearchViewer;
}

/** A community whose groups a listing covers: all of them (`all`), or only those the caller is a member of. */
export interface GroupListScope {
  id: Types.ObjectId;
  district: string;
  all: boolean;
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

  /**
   * A caller's own community (all its groups when `all`: admins and research officers read every
   * one) and the district's other communities, where only the groups they are a member of count.
   */
  async communityScopes(own: Types.ObjectId, district: string, all: boolean): Promise<GroupListScope[]> {
    const neighbours = district ? await this.directory.districtCommunities(district) : [];
    return [
      { id: own, district, all },
      ...neighbours.filter((c) => !c._id.equals(own)).map((c) => ({ id: c._id, district, all: false })),
    ];
  }

  /** The groups of the scopes the viewer may read, with their access. */
  async readableIn(viewer: ResearchViewer, scopes: GroupListScope[]): Promise<ReadableGroup[]> {
    const items: ReadableGroup[] = [];
    for (const scope of scopes) {
      const groups = scope.all
        ? await this.groups.findByCommunity(scope.id)
        : await this.groups.findForMember(scope.id, viewer.id);
      for (const group of groups) {
        const access = groupAccess(viewer, { ...group, district: scope.district });
        if (access.read) items.push({ group, access });
      }
    }
    return items;
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
