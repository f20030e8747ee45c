import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  Role,
  type CreateGroupRequest,
  type ResearchGroupView,
  type UpdateGroupRequest,
} from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { Types } from 'mongoose';
import { OrgDirectory } from '../../org/directory/org-directory.service';
import { CommunityRepository } from '../../org/repositories/community.repository';
import type { User } from '../../org/schemas/user.schema';
import { conflictOnDuplicate } from '../../org/shared/duplicate-key';
import { found as foundOr } from '../../org/shared/found';
import type { ResearchViewer } from '../access/research-access.policy';
import { type GroupListScope, ResearchAccess } from '../access/research-access.service';
import { ResearchPeople } from '../access/research-people.service';
import { ResearchGroupViews } from './research-group-views.service';
import { GroupWrites } from './group-writes.service';
import { ResearchGroupRepository } from './research-group.repository';
import { assertParticipants, initialMembers, withNewLead } from './research-group.rules';
import type { ResearchGroup } from './research-group.schema';

export type CreateGroupBody = Required<Omit<CreateGroupRequest, 'leadId' | 'subject'>> &
  Pick<CreateGroupRequest, 'leadId' | 'subject'>;

const ADMIN_ROLES: readonly Role[] = [Role.COMMUNITY_ADMIN, Role.DISTRICT_ADMIN];
const isAdmin = (user: User) => user.roles.some((r) => ADMIN_ROLES.includes(r));

/** 教研组 / 名师工作室: listing, creating and changing groups (members: GroupMembershipService). */
@Injectable()
export class ResearchGroupsService {
  constructor(
    private readonly groups: ResearchGroupRepository,
    private readonly access: ResearchAccess,
    private readonly views: ResearchGroupViews,
    private readonly directory: OrgDirectory,
    private readonly communities: CommunityRepository,
    private readonly writes: GroupWrites,
    private readonly people: ResearchPeople,
  ) {}

  /**
   * The groups the caller may read: a district admin's of one community (or all of their district);
   * anyone else's of their community, and those they are a member of in the district's other communities.
   */
  async list(user: User, communityId?: Types.ObjectId): Promise<ResearchGroupView[]> {
    const viewer = await this.access.viewerOf(user);
    const scopes = await this.listScopes(user, viewer, communityId);
    return this.views.views(await this.access.readableIn(viewer, scopes));
  }

  async create(user: User, body: CreateGroupBody, communityId?: Types.ObjectId): Promise<ResearchGroupView> {
    const community = await this.creationCommunity(user, communityId);
    if (body.leadId && !isAdmin(user) && body.leadId !== user._id.toHexString()) {
      throw new AppError(ErrorCode.FORBIDDEN, 'only admins may name another lead');
    }
    if (!body.leadId && !user.communityId?.equals(community)) {
      throw new AppError(ErrorCode.BAD_REQUEST, 'leadId is required: name a user of the community to lead the group');
    }
    const leadId = body.leadId ? new Types.ObjectId(body.leadId) : user._id;
    const others = body.members.map((m) => ({ userId: new Types.ObjectId(m.userId), role: m.role }));
    assertParticipants(await this.people.ofCommunity(community), [
      { id: leadId, field: 'leadId', role: 'lead' },
      ...others.map((m, i) => ({ id: m.userId, field: `members[${i}].userId`, role: m.role })),
    ]);
    const group = await conflictOnDuplicate(
      this.groups.create(community, {
        kind: body.kind,
        name: body.name,
        description: body.description,
        ...(body.subject && { subject: body.subject }),
        grades: body.grades,
        leadId,
        members: initialMembers(leadId, others, new Date()),
        mentorships: [],
      }),
      `the community already has a research group named ${body.name}`,
    );
    return this.viewAs(user, group._id);
  }

  async get(user: User, id: Types.ObjectId): Promise<ResearchGroupView> {
    return this.views.view(await this.access.group(user, id));
  }

  async update(user: User, id: Types.ObjectId, body: UpdateGroupRequest): Promise<ResearchGroupView> {
    await this.writes.managed(user, id, async ({ group }) => {
      const { leadId, ...fields } = body;
      const set: Partial<ResearchGroup> = { ...fields };
      if (leadId && !group.leadId.equals(leadId)) {
        const newLead = new Types.ObjectId(leadId);
        const people = await this.people.ofCommunity(group.communityId);
        assertParticipants(people, [{ id: newLead, field: 'leadId', role: 'lead' }]);
        Object.assign(set, { leadId: newLead, members: withNewLead(group, newLead, new Date()) });
      }
      await conflictOnDuplicate(
        this.groups.update(group.communityId, id, set),
        `the community already has a research group named ${body.name ?? group.name}`,
      );
    });
    return this.viewAs(user, id);
  }

  /** The group as the caller now sees it (404 if they no longer may). */
  viewAs(user: User, id: Types.ObjectId): Promise<ResearchGroupView> {
    return this.get(user, id);
  }

  /** The communities whose groups a listing covers, and whether all their groups are candidates. */
  private async listScopes(
    user: User,
    viewer: ResearchViewer,
    communityId?: Types.ObjectId,
  ): Promise<GroupListScope[]> {
    if (user.roles.includes(Role.DISTRICT_ADMIN)) {
      const communities = communityId
        ? [await this.districtCommunity(viewer, communityId)]
        : await this.communities.findByDistrict(viewer.district ?? '');
      return communities.map((c) => ({ id: c._id, district: c.district, all: true }));
    }
    if (!user.communityId) return [];
    const own = user.communityId;
    if (communityId && !communityId.equals(own)) {
      throw new AppError(ErrorCode.FORBIDDEN, 'you may only list the research groups of your own community');
    }
    const all = user.roles.includes(Role.COMMUNITY_ADMIN) || user.roles.includes(Role.RESEARCH_OFFICER);
    return this.access.communityScopes(own, viewer.district ?? '', all);
  }

  private async districtCommunity(viewer: ResearchViewer, communityId: Types.ObjectId) {
    const community = await this.directory.community(communityId);
    if (!community || community.district !== viewer.district) {
      throw new AppError(ErrorCode.FORBIDDEN, `community ${communityId.toHexString()} is not in your district`);
    }
    return community;
  }

  /** The community a new group belongs to: the caller's, or for district admins `?communityId=` of their district. */
  private async creationCommunity(user: User, communityId?: Types.ObjectId): Promise<Types.ObjectId> {
    if (user.roles.includes(Role.DISTRICT_ADMIN)) {
      if (!communityId) throw new AppError(ErrorCode.BAD_REQUEST, 'communityId is required for district admins');
      return (await this.districtCommunity(await this.access.viewerOf(user), communityId))._id;
    }
    if (communityId && user.communityId?.equals(communityId) !== true) {
      throw new AppError(ErrorCode.FORBIDDEN, 'you may only create research groups in your own community');
    }
    return foundOr(user.communityId, 'community of the caller', user._id);
  }
}
