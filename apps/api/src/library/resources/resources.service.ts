import { Injectable } from '@nestjs/common';
import { LIBRARY_LIMITS, type ResourcePage, type ResourceView, type UpdateResourceRequest } from '@tongke/contracts';
import { Types } from 'mongoose';
import { AuditService } from '../../audit/audit.service';
import type { User } from '../../org/schemas/user.schema';
import { changedFields } from '../../org/shared/changed-fields';
import { found } from '../../org/shared/found';
import type { ResourceSearchQueryDto } from './dto/resource-search.query';
import { FavouriteRepository } from './favourites/favourite.repository';
import { ResourceFilesStore } from './media/resource-files.store';
import { audienceOf } from './policy/resource-access.policy';
import { ResourceAccess } from './resource-access.service';
import { type ResourceFilter, ResourceRepository } from './resource.repository';
import type { Resource } from './resource.schema';
import { ResourceViews } from './resource-views.service';
import { SearchTokenizer } from './search/search-tokenizer';
import { SeriesService } from './series/series.service';

export const DEFAULT_PAGE_SIZE = 20;

/** Optional text fields a PATCH clears with an empty string. */
const CLEARABLE = ['textbookEdition', 'chapter'] as const;

/** The library's resources: search, reading, editing and deleting (creating: ResourceFactory). */
@Injectable()
export class ResourcesService {
  constructor(
    private readonly resources: ResourceRepository,
    private readonly access: ResourceAccess,
    private readonly views: ResourceViews,
    private readonly tokenizer: SearchTokenizer,
    private readonly favourites: FavouriteRepository,
    private readonly series: SeriesService,
    private readonly files: ResourceFilesStore,
    private readonly audit: AuditService,
  ) {}

  /** One page of the resources the caller may see that match the query. */
  async search(user: User, query: ResourceSearchQueryDto): Promise<ResourcePage> {
    const viewer = await this.access.viewerOf(user);
    const page = query.page ?? 1;
    const pageSize = Math.min(query.pageSize ?? DEFAULT_PAGE_SIZE, LIBRARY_LIMITS.pageSizeMax);
    const filter: ResourceFilter = {
      ...(query.q && { tokens: this.tokenizer.tokenize(query.q) }),
      subject: query.subject,
      grade: query.grade,
      textbookEdition: query.textbookEdition,
      chapter: query.chapter,
      tag: query.tag,
      kind: query.kind,
      ...(query.seriesId && { seriesId: new Types.ObjectId(query.seriesId) }),
      ...(query.favourites && { ids: await this.favourites.resourceIdsOf(user._id) }),
    };
    const slice = await this.resources.search(audienceOf(viewer), filter, query.sort ?? 'newest', {
      skip: (page - 1) * pageSize,
      limit: pageSize,
    });
    return { items: await this.views.toViews(viewer, slice.items), total: slice.total, page, pageSize };
  }

  async get(user: User, id: Types.ObjectId): Promise<ResourceView> {
    const { viewer, resource } = await this.access.visible(user, id);
    return this.views.toView(viewer, resource);
  }

  /** Changes the metadata (its author, the admins of its school, community or district); re-indexes it for search. */
  async update(user: User, id: Types.ObjectId, body: UpdateResourceRequest): Promise<ResourceView> {
    const { viewer, resource } = await this.access.editable(user, id);
    const set: Partial<Resource> = { ...body };
    const unset = CLEARABLE.filter((k) => body[k] === '');
    for (const k of unset) delete set[k];
    const next = { ...resource, ...set };
    for (const k of unset) delete next[k];
    set.searchTokens = this.tokenizer.resourceTokens(next);
    const updated = found(await this.resources.update(resource.communityId, id, set, [...unset]), 'resource', id);
    await this.record(user, 'resource.update', updated, changedFields(body));
    return this.views.toView(viewer, updated);
  }

  /** Deletes the resource, its favourites, its places in series and its files. */
  async remove(user: User, id: Types.ObjectId): Promise<void> {
    const { resource } = await this.access.editable(user, id);
    found((await this.resources.delete(resource.communityId, id)) || null, 'resource', id);
    await this.favourites.deleteByResource(resource.communityId, id);
    await this.series.removeResource(resource.seriesIds ?? [], id);
    await this.files.removeAll(id.toHexString());
    await this.record(user, 'resource.delete', resource);
  }

  private record(user: User, action: string, r: Resource, changes?: string[]): Promise<void> {
    return this.audit.record(user, r.communityId, action, { type: 'resource', id: r._id, name: r.title }, changes);
  }
}
