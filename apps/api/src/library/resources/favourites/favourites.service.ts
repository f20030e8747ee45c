import { Injectable } from '@nestjs/common';
import type { ResourceView } from '@tongke/contracts';
import type { Types } from 'mongoose';
import type { User } from '../../../org/schemas/user.schema';
import { found } from '../../../org/shared/found';
import { ResourceAccess } from '../resource-access.service';
import { ResourceRepository } from '../resource.repository';
import { ResourceViews } from '../resource-views.service';
import { FavouriteRepository } from './favourite.repository';

/**
 * Favourites (收藏): marking is idempotent, and a resource's `favourites` counter moves only
 * when a mark is really added or removed (the unique index decides between racing calls).
 */
@Injectable()
export class FavouritesService {
  constructor(
    private readonly access: ResourceAccess,
    private readonly favourites: FavouriteRepository,
    private readonly resources: ResourceRepository,
    private readonly views: ResourceViews,
  ) {}

  /** Marks the resource (already marked: nothing changes); answers its view. */
  async add(user: User, id: Types.ObjectId): Promise<ResourceView> {
    const { viewer, resource } = await this.access.visible(user, id);
    if (await this.favourites.add(user._id, resource)) {
      await this.resources.increment(resource.communityId, id, 'favourites', 1);
    }
    return this.views.toView(viewer, await this.reload(resource.communityId, id));
  }

  /** Unmarks the resource (not marked: nothing changes); answers its view. */
  async remove(user: User, id: Types.ObjectId): Promise<ResourceView> {
    const { viewer, resource } = await this.access.visible(user, id);
    if (await this.favourites.remove(user._id, id)) {
      await this.resources.increment(resource.communityId, id, 'favourites', -1);
    }
    return this.views.toView(viewer, await this.reload(resource.communityId, id));
  }

  private async reload(communityId: Types.ObjectId, id: Types.ObjectId) {
    return found(await this.resources.findOne(communityId, id), 'resource', id);
  }
}
