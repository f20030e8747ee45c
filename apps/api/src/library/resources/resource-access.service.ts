import { Injectable } from '@nestjs/common';
import { ErrorCode, Role } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { Types } from 'mongoose';
import { OrgDirectory } from '../../org/directory/org-directory.service';
import { notFound } from '../../org/shared/found';
import type { User } from '../../org/schemas/user.schema';
import { canEditItem, canSeeItem, type LibraryViewer } from './policy/resource-access.policy';
import { ResourceRepository } from './resource.repository';
import type { Resource } from './resource.schema';

/** A resource the caller may see, with the caller as the library rules see them. */
export interface VisibleResource {
  viewer: LibraryViewer;
  resource: Resource;
}

/**
 * Applies the access policy (resource-access.policy.ts) to callers and resources: resources the
 * caller may not see are answered as unknown (404), so their existence does not leak.
 */
@Injectable()
export class ResourceAccess {
  constructor(
    private readonly directory: OrgDirectory,
    private readonly resources: ResourceRepository,
  ) {}

  /** The caller as the library rules see them (their community's district, or the district they administer). */
  async viewerOf(user: User): Promise<LibraryViewer> {
    const community = user.communityId ? await this.directory.community(user.communityId) : null;
    const district = user.roles.includes(Role.DISTRICT_ADMIN) ? user.district : community?.district;
    return {
      id: user._id,
      roles: user.roles,
      ...(user.communityId && { communityId: user.communityId }),
      ...(user.schoolId && { schoolId: user.schoolId }),
      ...(district && { district }),
    };
  }

  /** The resource, or 404 if it is unknown or the caller may not see it. */
  async visible(user: User, id: Types.ObjectId): Promise<VisibleResource> {
    const [viewer, resource] = await Promise.all([this.viewerOf(user), this.resources.findByIdForService(id)]);
    if (!resource || !canSeeItem(viewer, resource)) throw notFound('resource', id);
    return { viewer, resource };
  }

  /** The resource, if the caller may change it: 404 if they may not see it, 403 if they only may see it. */
  async editable(user: User, id: Types.ObjectId): Promise<VisibleResource> {
    const found = await this.visible(user, id);
    if (!canEditItem(found.viewer, found.resource)) {
      throw new AppError(
        ErrorCode.FORBIDDEN,
        'only its author and the admins of its school or community may change it',
      );
    }
    return found;
  }
}
