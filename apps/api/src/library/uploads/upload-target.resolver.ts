import { Injectable } from '@nestjs/common';
import { ErrorCode, LIBRARY_LIMITS, Role, type UploadMetadata } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { Types } from 'mongoose';
import { communityScopeOf } from '../../auth/community-access.policy';
import { OrgDirectory } from '../../org/directory/org-directory.service';
import type { Community } from '../../org/schemas/community.schema';
import type { User } from '../../org/schemas/user.schema';
import { canEditItem } from '../resources/policy/resource-access.policy';
import { ResourceAccess } from '../resources/resource-access.service';
import { SeriesRepository } from '../resources/series/series.repository';

/** Where an uploader's video goes and whom it names. */
export interface UploadTarget {
  communityId: Types.ObjectId;
  /** The uploader, if a teacher (the resource names them and their school). */
  teacherId?: Types.ObjectId;
  /** The uploader's school in that community, if any. */
  schoolId?: Types.ObjectId;
  /** The series the video joins. */
  seriesId?: Types.ObjectId;
}

/**
 * Resolves an upload's community (the uploader's own; a district admin names one of their district
 * in `communityId`), teacher, school and series, refusing what the uploader may not reach.
 */
@Injectable()
export class UploadTargetResolver {
  constructor(
    private readonly directory: OrgDirectory,
    private readonly access: ResourceAccess,
    private readonly series: SeriesRepository,
  ) {}

  /** The target of `user`'s upload into `communityId` (default: the one the metadata names, else their own). */
  async resolve(user: User, metadata: UploadMetadata, communityId = metadata.communityId): Promise<UploadTarget> {
    const community = await this.communityOf(user, communityId);
    const member = user.communityId?.equals(community._id) === true;
    return {
      communityId: community._id,
      ...(user.roles.includes(Role.TEACHER) && { teacherId: user._id }),
      ...(member && user.schoolId && { schoolId: user.schoolId }),
      ...(metadata.seriesId && { seriesId: await this.seriesOf(user, community, metadata.seriesId) }),
    };
  }

  private async communityOf(user: User, requested: string | undefined): Promise<Community> {
    const id = requested ? new Types.ObjectId(requested) : user.communityId;
    if (!id) {
      throw new AppError(
        ErrorCode.BAD_REQUEST,
        'communityId is required: a district-wide account names the community the video belongs to',
      );
    }
    const community = await this.directory.community(id);
    if (!community) throw new AppError(ErrorCode.NOT_FOUND, `communityId: no community ${id.toHexString()}`);
    if (!communityScopeOf(user, community)) {
      throw new AppError(ErrorCode.FORBIDDEN, 'you can only upload into your own community');
    }
    return community;
  }

  /** A series of the community that the uploader may add to (its author, or an admin managing it), with room left. */
  private async seriesOf(user: User, community: Community, rawId: string): Promise<Types.ObjectId> {
    const series = await this.series.findOne(community._id, new Types.ObjectId(rawId));
    if (!series) throw new AppError(ErrorCode.NOT_FOUND, `seriesId: no series ${rawId} in this community`);
    const viewer = await this.access.viewerOf(user);
    if (!canEditItem(viewer, { ...series, status: 'ready' })) {
      throw new AppError(
        ErrorCode.FORBIDDEN,
        'seriesId: only its author and the admins managing it may add to this series',
      );
    }
    if (series.resourceIds.length >= LIBRARY_LIMITS.seriesResourcesMax) {
      throw new AppError(
        ErrorCode.CONFLICT,
        `seriesId: the series is full (${LIBRARY_LIMITS.seriesResourcesMax} videos)`,
      );
    }
    return series._id;
  }
}
