import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  type CreateMentorshipRequest,
  type ResearchGroupView,
  type SetMemberRequest,
} from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { Types } from 'mongoose';
import type { User } from '../../org/schemas/user.schema';
import { notFound } from '../../org/shared/found';
import { ResearchPeople } from '../access/research-people.service';
import { GroupWrites } from './group-writes.service';
import { ResearchGroupRepository } from './research-group.repository';
import { assertParticipants, withMemberRole } from './research-group.rules';
import type { Mentorship } from './research-group.schema';
import { ResearchGroupsService } from './research-groups.service';

export type CreateMentorshipBody = Required<CreateMentorshipRequest>;

/** Members and 师徒结对 of a group: its lead and admins manage them. */
@Injectable()
export class GroupMembershipService {
  constructor(
    private readonly groups: ResearchGroupRepository,
    private readonly people: ResearchPeople,
    private readonly groupViews: ResearchGroupsService,
    private readonly writes: GroupWrites,
  ) {}

  /**
   * Adds `userId` (of any community of the group's district) to the group, or changes their role
   * (not the lead's: hand the lead over with PATCH). Members must be able to use research (400).
   */
  async setMember(user: User, id: Types.ObjectId, userId: Types.ObjectId, body: SetMemberRequest) {
    await this.writes.managed(user, id, async ({ group }) => {
      if (group.leadId.equals(userId)) {
        throw new AppError(ErrorCode.CONFLICT, "the lead's role is changed by naming another lead (PATCH leadId)");
      }
      const people = await this.people.ofCommunity(group.communityId);
      assertParticipants(people, [{ id: userId, field: 'userId', role: body.role }]);
      const members = withMemberRole(group, userId, body.role, new Date());
      await this.groups.update(group.communityId, id, { members });
    });
    return this.groupViews.viewAs(user, id);
  }

  /** Removes a member (and their mentorships); the lead cannot be removed (409). */
  async removeMember(user: User, id: Types.ObjectId, userId: Types.ObjectId): Promise<ResearchGroupView> {
    await this.writes.managed(user, id, async ({ group }) => {
      if (group.leadId.equals(userId)) {
        throw new AppError(ErrorCode.CONFLICT, 'the lead cannot be removed: name another lead first');
      }
      if (!group.members.some((m) => m.userId.equals(userId))) throw notFound('member of this group', userId);
      const involves = (m: Mentorship) => m.mentorId.equals(userId) || m.menteeId.equals(userId);
      await this.groups.update(group.communityId, id, {
        members: group.members.filter((m) => !m.userId.equals(userId)),
        mentorships: group.mentorships.filter((m) => !involves(m)),
      });
    });
    return this.groupViews.viewAs(user, id);
  }

  async addMentorship(user: User, id: Types.ObjectId, body: CreateMentorshipBody): Promise<ResearchGroupView> {
    await this.writes.managed(user, id, async ({ group }) => {
      const mentorId = new Types.ObjectId(body.mentorId);
      const menteeId = new Types.ObjectId(body.menteeId);
      for (const [field, userId] of [
        ['mentorId', mentorId],
        ['menteeId', menteeId],
      ] as const) {
        if (!group.members.some((m) => m.userId.equals(userId))) {
          throw new AppError(ErrorCode.BAD_REQUEST, `${field} ${userId.toHexString()} is not a member of this group`);
        }
      }
      if (group.mentorships.some((m) => m.mentorId.equals(mentorId) && m.menteeId.equals(menteeId))) {
        throw new AppError(ErrorCode.CONFLICT, 'these two are already paired as mentor and mentee');
      }
      const mentorship: Mentorship = {
        _id: new Types.ObjectId(),
        mentorId,
        menteeId,
        since: new Date(),
        note: body.note,
      };
      await this.groups.update(group.communityId, id, { mentorships: [...group.mentorships, mentorship] });
    });
    return this.groupViews.viewAs(user, id);
  }

  async removeMentorship(user: User, id: Types.ObjectId, mentorshipId: Types.ObjectId): Promise<ResearchGroupView> {
    await this.writes.managed(user, id, async ({ group }) => {
      if (!group.mentorships.some((m) => m._id.equals(mentorshipId))) throw notFound('mentorship', mentorshipId);
      await this.groups.update(group.communityId, id, {
        mentorships: group.mentorships.filter((m) => !m._id.equals(mentorshipId)),
      });
    });
    return this.groupViews.viewAs(user, id);
  }
}
