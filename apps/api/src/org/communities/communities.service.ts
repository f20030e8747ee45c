import { Injectable } from '@nestjs/common';
import { type CommunityOverview, type CommunityView, ErrorCode, Role } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { AuditService } from '../../audit/audit.service';
import { assertCommunityAdmin } from '../../auth/community-access.policy';
import type { CommunityScope } from '../../auth/community-scope';
import { ClassGroupsService } from '../class-groups/class-groups.service';
import { ClassroomAdminService } from '../classrooms/classroom-admin.service';
import { PairingsService } from '../pairings/pairings.service';
import { ClassroomRepository } from '../repositories/classroom.repository';
import { CommunityRepository } from '../repositories/community.repository';
import { SchoolRepository } from '../repositories/school.repository';
import type { Community } from '../schemas/community.schema';
import type { User } from '../schemas/user.schema';
import { SchoolsService } from '../schools/schools.service';
import { changedFields } from '../shared/changed-fields';
import { conflictOnDuplicate } from '../shared/duplicate-key';
import { badReference, found } from '../shared/found';
import { toObjectId } from '../shared/object-id';
import { toCommunityView } from './community.views';
import type { CreateCommunityDto } from './dto/create-community.dto';
import type { UpdateCommunityDto } from './dto/update-community.dto';

/** Communities (教共体): district admins create them; their admins edit them; members read them. */
@Injectable()
export class CommunitiesService {
  constructor(
    private readonly communities: CommunityRepository,
    private readonly schoolRepo: SchoolRepository,
    private readonly classroomRepo: ClassroomRepository,
    private readonly schools: SchoolsService,
    private readonly pairings: PairingsService,
    private readonly classrooms: ClassroomAdminService,
    private readonly classGroups: ClassGroupsService,
    private readonly audit: AuditService,
  ) {}

  /** District admins: every community of their district (and their own, if any); others: their own. */
  async listFor(user: User): Promise<CommunityView[]> {
    const district = districtOf(user);
    const list = district ? await this.communities.findByDistrict(district) : [];
    if (user.communityId && !list.some((c) => c._id.equals(user.communityId!))) {
      const own = await this.communities.findById(user.communityId);
      if (own) list.push(own);
    }
    return Promise.all(list.map((c) => this.view(c)));
  }

  get(scope: CommunityScope): Promise<CommunityView> {
    return this.view(scope.community);
  }

  async create(user: User, dto: CreateCommunityDto): Promise<CommunityView> {
    const district = districtOf(user);
    if (!district) throw new AppError(ErrorCode.FORBIDDEN, 'only a district admin with a district creates communities');
    const community = await conflictOnDuplicate(
      this.communities.create({ name: dto.name, kind: dto.kind, district, timeZone: 'Asia/Shanghai' }),
      `a community named ${dto.name} already exists in ${district}`,
    );
    // Filed under the new community, so its admins see how it began.
    const target = { type: 'community', id: community._id, name: community.name };
    await this.audit.record(user, community._id, 'community.create', target, changedFields(dto));
    return this.view(community);
  }

  async update(scope: CommunityScope, dto: UpdateCommunityDto): Promise<CommunityView> {
    assertCommunityAdmin(scope);
    const leadSchoolId = dto.leadSchoolId === undefined ? undefined : toObjectId(dto.leadSchoolId);
    if (leadSchoolId && !(await this.schoolRepo.findOne(scope.communityId, leadSchoolId))) {
      throw badReference('leadSchoolId', leadSchoolId, 'a school');
    }
    const name = dto.name ?? scope.community.name;
    const updated = await conflictOnDuplicate(
      this.communities.update(scope.communityId, { name: dto.name, kind: dto.kind, leadSchoolId }),
      `a community named ${name} already exists in ${scope.community.district}`,
    );
    const community = found(updated, 'community', scope.communityId);
    const target = { type: 'community', id: community._id, name: community.name };
    await this.audit.record(scope.user, scope.communityId, 'community.update', target, changedFields(dto));
    return this.view(community);
  }

  /** The community page: the community, its schools, pairings, classrooms and class groups at once. */
  async overview(scope: CommunityScope): Promise<CommunityOverview> {
    const [schools, pairings, classrooms, classGroups] = await Promise.all([
      this.schools.list(scope),
      this.pairings.list(scope),
      this.classrooms.list(scope),
      this.classGroups.list(scope),
    ]);
    const community = toCommunityView(scope.community, {
      schoolCount: schools.length,
      classroomCount: classrooms.length,
    });
    return { community, schools, pairings, classrooms, classGroups };
  }

  private async view(community: Community): Promise<CommunityView> {
    const [schoolCount, classroomCount] = await Promise.all([
      this.schoolRepo.countByCommunity(community._id),
      this.classroomRepo.countByCommunity(community._id),
    ]);
    return toCommunityView(community, { schoolCount, classroomCount });
  }
}

function districtOf(user: User): string | undefined {
  return user.roles.includes(Role.DISTRICT_ADMIN) && user.district ? user.district : undefined;
}
