import { Injectable } from '@nestjs/common';
import { ErrorCode, Role, type GroupCandidateView } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { Types } from 'mongoose';
import { OrgDirectory } from '../../org/directory/org-directory.service';
import { UserRepository } from '../../org/repositories/user.repository';
import type { User } from '../../org/schemas/user.schema';
import { ResearchAccess } from '../access/research-access.service';
import { participantProblem } from './research-group.rules';

/** The people of a community who may join its research groups (member pickers of group managers). */
@Injectable()
export class GroupCandidatesService {
  constructor(
    private readonly users: UserRepository,
    private readonly directory: OrgDirectory,
    private readonly access: ResearchAccess,
  ) {}

  async list(user: User, communityId?: Types.ObjectId): Promise<GroupCandidateView[]> {
    const community = await this.communityOf(user, communityId);
    const directory = await this.directory.of(community);
    const people = (await this.users.findByCommunity(community)).filter(
      (u) => participantProblem(directory, u._id, 'userId') === null,
    );
    return people.map((u) => {
      const school = u.schoolId ? directory.school(u.schoolId) : undefined;
      return {
        id: u._id.toHexString(),
        name: u.displayName,
        ...(school && { schoolId: school.id.toHexString(), schoolName: school.name }),
      };
    });
  }

  private async communityOf(user: User, communityId?: Types.ObjectId): Promise<Types.ObjectId> {
    if (user.roles.includes(Role.DISTRICT_ADMIN)) {
      if (!communityId) throw new AppError(ErrorCode.BAD_REQUEST, 'communityId is required for district admins');
      const viewer = await this.access.viewerOf(user);
      const community = await this.directory.community(communityId);
      if (!community || community.district !== viewer.district) {
        throw new AppError(ErrorCode.FORBIDDEN, `community ${communityId.toHexString()} is not in your district`);
      }
      return community._id;
    }
    if (!user.communityId || (communityId && !communityId.equals(user.communityId))) {
      throw new AppError(ErrorCode.FORBIDDEN, 'you may only list the people of your own community');
    }
    return user.communityId;
  }
}
