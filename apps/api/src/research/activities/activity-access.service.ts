import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { Types } from 'mongoose';
import { OrgDirectory } from '../../org/directory/org-directory.service';
import { notFound } from '../../org/shared/found';
import type { User } from '../../org/schemas/user.schema';
import { ResearchAccess, type AccessibleGroup, type ReadableGroup } from '../access/research-access.service';
import { ActivityGuests } from './activity-guests.service';
import { ResearchActivityRepository } from './research-activity.repository';
import type { ResearchActivity } from './research-activity.schema';

export interface AccessibleActivity extends AccessibleGroup {
  activity: ResearchActivity;
  /** Its teacher (host), the group's lead and the admins who manage the group. */
  canManage: boolean;
  /** The activity's teacher. */
  isTeacher: boolean;
  /** The group's lead. */
  isLead: boolean;
}

/**
 * Access to research activities through their group (ResearchAccess): activities of groups the
 * caller may not read answer 404; readers who may not change them get 403.
 */
@Injectable()
export class ActivityAccess {
  constructor(
    private readonly research: ResearchAccess,
    private readonly activities: ResearchActivityRepository,
    private readonly directory: OrgDirectory,
    private readonly guests: ActivityGuests,
  ) {}

  /**
   * The activity if the caller may read its group (404 otherwise). A reader from another community
   * of the district is let into its lesson and recording (ActivityGuests).
   */
  async activity(user: User, id: Types.ObjectId): Promise<AccessibleActivity> {
    const activity = await this.activities.findByIdForAccess(id);
    if (!activity) throw notFound('research activity', id);
    const found = await this.research.group(user, activity.groupId).catch((err: unknown) => {
      throw err instanceof AppError && err.code === ErrorCode.NOT_FOUND ? notFound('research activity', id) : err;
    });
    await this.guests.admit(user, activity);
    const isTeacher = activity.teacherId.equals(user._id);
    const isLead = found.access.role === 'lead';
    return { ...found, activity, isTeacher, isLead, canManage: isTeacher || found.access.manage };
  }

  /** The activity if the caller manages it (its teacher, the group lead, admins); 403 for other readers. */
  async managed(user: User, id: Types.ObjectId): Promise<AccessibleActivity> {
    const found = await this.activity(user, id);
    if (!found.canManage) {
      throw new AppError(ErrorCode.FORBIDDEN, "only the activity's teacher, the group lead and admins may change it");
    }
    return found;
  }

  /**
   * The groups the caller may read, with their access: those of their community (all of them for
   * admins and research officers), and those they are a member of in the district's other communities.
   */
  async readableGroups(user: User): Promise<ReadableGroup[]> {
    if (!user.communityId) return [];
    const [viewer, community] = await Promise.all([
      this.research.viewerOf(user),
      this.directory.community(user.communityId),
    ]);
    const scopes = await this.research.communityScopes(user.communityId, community?.district ?? '', true);
    return this.research.readableIn(viewer, scopes);
  }
}
