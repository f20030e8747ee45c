import { Injectable } from '@nestjs/common';
import { ErrorCode, Role } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { Types } from 'mongoose';
import { OrgDirectory } from '../../org/directory/org-directory.service';
import { SchoolRepository } from '../../org/repositories/school.repository';
import type { Community } from '../../org/schemas/community.schema';
import type { User } from '../../org/schemas/user.schema';
import type { ResolvedScope, ScopeCommunity, ScopeSchool } from './insight-scope';

/** The query's narrowing (24-hex ids, validated by the DTOs). */
export interface InsightScopeQuery {
  communityId?: string;
  schoolId?: string;
}

const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/**
 * What one insight request may see: a district admin their district's communities, a community
 * admin their community, a school admin their school; `communityId` / `schoolId` narrow it to
 * one community / school inside it (403 for one outside, 404 for an unknown one). Reads only the
 * cached org directory (district lists and community snapshots), so it stays cheap on every request.
 */
@Injectable()
export class InsightScopeResolver {
  constructor(
    private readonly directory: OrgDirectory,
    private readonly schools: SchoolRepository,
  ) {}

  async resolve(user: User, q: InsightScopeQuery): Promise<ResolvedScope> {
    const base = await this.viewerScope(user, q.communityId);
    return q.schoolId ? this.narrowToSchool(base, q.schoolId) : base;
  }

  /** The viewer's whole scope, narrowed to `communityId` if given. */
  private async viewerScope(user: User, communityId: string | undefined): Promise<ResolvedScope> {
    if (user.roles.includes(Role.DISTRICT_ADMIN) && user.district) {
      return this.districtScope(user.district, communityId);
    }
    if (user.communityId && user.roles.includes(Role.COMMUNITY_ADMIN)) {
      return this.ownCommunity(user.communityId, communityId);
    }
    if (user.communityId && user.schoolId && user.roles.includes(Role.SCHOOL_ADMIN)) {
      const community = await this.ownCommunity(user.communityId, communityId);
      return this.narrowToSchool(community, user.schoolId.toHexString());
    }
    throw new AppError(ErrorCode.FORBIDDEN, 'insight needs a district, community or school admin');
  }

  private async districtScope(district: string, communityId: string | undefined): Promise<ResolvedScope> {
    const list = await this.directory.districtCommunities(district);
    if (communityId) {
      const community = list.find((c) => c._id.toHexString() === communityId.toLowerCase());
      if (!community) return this.refuseCommunity(communityId);
      return this.communityLevel(community);
    }
    return {
      level: 'district',
      district,
      name: district,
      communities: await Promise.all(list.map((c) => this.scopeCommunity(c))),
    };
  }

  private async ownCommunity(own: Types.ObjectId, asked: string | undefined): Promise<ResolvedScope> {
    if (asked && asked.toLowerCase() !== own.toHexString()) {
      throw new AppError(ErrorCode.FORBIDDEN, 'you can only look at your own community');
    }
    const community = await this.directory.community(own);
    if (!community) throw new AppError(ErrorCode.NOT_FOUND, `no community ${own.toHexString()}`);
    return this.communityLevel(community);
  }

  private async communityLevel(community: Community): Promise<ResolvedScope> {
    const scoped = await this.scopeCommunity(community);
    return { level: 'community', district: community.district, name: community.name, communities: [scoped] };
  }

  /** 403 for a community that exists (outside the scope), 404 for an unknown id. */
  private async refuseCommunity(communityId: string): Promise<never> {
    const exists = await this.directory.community(new Types.ObjectId(communityId));
    if (exists) throw new AppError(ErrorCode.FORBIDDEN, `community ${communityId} is outside your district`);
    throw new AppError(ErrorCode.NOT_FOUND, `no community ${communityId}`);
  }

  private async narrowToSchool(scope: ResolvedScope, schoolId: string): Promise<ResolvedScope> {
    const key = schoolId.toLowerCase();
    for (const community of scope.communities) {
      const school = community.schools.find((s) => s.id === key);
      if (school) {
        const { district } = scope;
        return {
          level: 'school',
          district,
          name: school.name,
          communities: [{ ...community, schools: [school] }],
          schoolId: key,
        };
      }
    }
    const exists = await this.schools.communityOf(new Types.ObjectId(schoolId));
    if (exists) throw new AppError(ErrorCode.FORBIDDEN, `school ${schoolId} is outside your scope`);
    throw new AppError(ErrorCode.NOT_FOUND, `no school ${schoolId}`);
  }

  private async scopeCommunity(community: Community): Promise<ScopeCommunity> {
    const id = community._id.toHexString();
    const directory = await this.directory.of(community._id);
    const schools: ScopeSchool[] = directory.schoolList().map((s) => ({
      id: s.id.toHexString(),
      name: s.name,
      communityId: id,
      kind: s.kind,
      stage: s.stage,
      studentCount: s.studentCount,
    }));
    return { id, name: community.name, timeZone: community.timeZone ?? DEFAULT_TIME_ZONE, schools };
  }
}
