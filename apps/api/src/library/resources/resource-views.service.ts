import { Injectable } from '@nestjs/common';
import type { ResourceView } from '@tongke/contracts';
import { FavouriteRepository } from './favourites/favourite.repository';
import { ResourceMediaLinks } from './media/resource-media.links';
import { canEditItem, type LibraryViewer } from './policy/resource-access.policy';
import type { Resource } from './resource.schema';
import { toResourceView } from './resource.views';

/** Turns stored resources into the caller's views: their favourite marks, whether they may edit, signed posters. */
@Injectable()
export class ResourceViews {
  constructor(
    private readonly favourites: FavouriteRepository,
    private readonly links: ResourceMediaLinks,
  ) {}

  async toView(viewer: LibraryViewer, resource: Resource): Promise<ResourceView> {
    const [view] = await this.toViews(viewer, [resource]);
    return view;
  }

  /** In the given order; the caller must already be allowed to see every one. */
  async toViews(viewer: LibraryViewer, resources: Resource[]): Promise<ResourceView[]> {
    const marked = await this.favourites.markedAmong(
      viewer.id,
      resources.map((r) => r._id),
    );
    return resources.map((r) =>
      toResourceView(r, {
        favourite: marked.has(r._id.toHexString()),
        canEdit: canEditItem(viewer, r),
        ...(r.status === 'ready' && { posterUrl: `${this.links.sign(r._id.toHexString()).base}/poster.jpg` }),
      }),
    );
  }
}
