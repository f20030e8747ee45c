import { Injectable } from '@nestjs/common';
import { ErrorCode, type GroupCandidateView } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { Types } from 'mongoose';
import { OrgDirectory } from '../../org/directory/org-directory.service';
import { UserRepository } from '../../org/repositories/user.repository';
import type { User } from '../../org/schemas/user.schema';
import { ResearchAccess } from '../access/research-access.service';
import { ResearchPeople } from '../access/research-people.service';
import { mayHoldGroupRole, participantProblem } from './research-group.rules';

/**
 * The people who may join the research groups of a community (member pickers of group managers):
 * those of every community of its district, the community's own first.
 */
@Injectable()
export class GroupCandidatesService {
  constructor(
    private readonly users: UserRepository,
    private readonly directory: OrgDirectory,
    private readonly access: ResearchAccess,
    private readonly people: ResearchPeople,
  ) {}

  async list(user: User, communityId?: Types.ObjectId): Promise<GroupCandidateView[]> {
    const people = await this.people.ofCommunity(await this.communityOf(user, communityId));
    const views: GroupCandidateView[] = [];
    for (const community of people.communityIds()) {
      const name = (await this.directory.community(community))?.name ?? '';
      const accounts = (await this.users.findByCommunity(community)).filter(
        (u) => participantProblem(people, u._id, 'userId', 'observer') === null,
      );
      for (const u of accounts) {
        const school = u.schoolId ? people.school(u.schoolId) : undefined;
        views.push({
          id: u._id.toHexString(),
          name: u.displayName,
          communityId: community.toHexString(),
          communityName: name,
          ...(school && { schoolId: school.id.toHexString(), schoolName: school.name }),
          canEdit: mayHoldGroupRole(u.roles, 'member'),
        });
      }
    }
    return views;
  }

  /** The caller's community, or `communityId` if it is of the caller's district (required for district admins). */
  private async communityOf(user: User, communityId?: Types.ObjectId): Promise<Types.ObjectId> {
    if (!communityId) {
      if (user.communityId) return user.communityId;
      throw new AppError(ErrorCode.BAD_REQUEST, 'communityId is required for district admins');
    }
    const [viewer, community] = await Promise.all([this.access.viewerOf(user), this.directory.community(communityId)]);
    if (!community || !viewer.district || community.district !== viewer.district) {
      throw new AppError(ErrorCode.FORBIDDEN, `community ${communityId.toHexString()} is not in your district`);
    }
    return community._id;
  }
}
