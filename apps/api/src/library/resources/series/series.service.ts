import { Injectable } from '@nestjs/common';
import { ErrorCode, type SeriesView, type seriesSchema, type updateSeriesSchema } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { Types } from 'mongoose';
import type { z } from 'zod';
import { AuditService } from '../../../audit/audit.service';
import { OrgDirectory } from '../../../org/directory/org-directory.service';
import { changedFields } from '../../../org/shared/changed-fields';
import { found, notFound } from '../../../org/shared/found';
import type { User } from '../../../org/schemas/user.schema';
import {
  audienceOf,
  canEditItem,
  canSeeItem,
  type LibraryItem,
  type LibraryViewer,
} from '../policy/resource-access.policy';
import { ResourceAccess } from '../resource-access.service';
import { ResourceRepository } from '../resource.repository';
import { ResourceViews } from '../resource-views.service';
import { SeriesLinks } from './series-links.service';
import { SeriesRepository } from './series.repository';
import type { Series } from './series.schema';
import { toSeriesView } from './series.views';

export type CreateSeries = z.output<typeof seriesSchema>;
export type UpdateSeries = z.output<typeof updateSeriesSchema>;

/** A series as the access rules see it (series have no processing: always ready). */
const asItem = (s: Series): LibraryItem => ({ ...s, status: 'ready' });

/** A series the caller may see, with the caller. */
interface VisibleSeries {
  viewer: LibraryViewer;
  series: Series;
}

/**
 * Series (课程专辑): ordered playlists of resources. Visible by the same rules as resources;
 * listed resources must be ones the author can see, and readers only get those they can see.
 */
@Injectable()
export class SeriesService {
  constructor(
    private readonly series: SeriesRepository,
    private readonly resources: ResourceRepository,
    private readonly access: ResourceAccess,
    private readonly views: ResourceViews,
    private readonly links: SeriesLinks,
    private readonly directory: OrgDirectory,
    private readonly audit: AuditService,
  ) {}

  async create(user: User, body: CreateSeries): Promise<SeriesView> {
    const communityId = user.communityId;
    if (!communityId) throw new AppError(ErrorCode.BAD_REQUEST, 'a series belongs to a community: yours has none');
    const viewer = await this.access.viewerOf(user);
    const resourceIds = await this.links.checkListable(viewer, body.resourceIds);
    const [community, directory] = await Promise.all([
      this.directory.community(communityId),
      this.directory.of(communityId),
    ]);
    const school = user.schoolId ? directory.school(user.schoolId) : undefined;
    const created = await this.series.insert(communityId, {
      district: found(community, 'community', communityId).district,
      title: body.title,
      description: body.description,
      ...(body.subject && { subject: body.subject }),
      ...(body.grade !== undefined && { grade: body.grade }),
      visibility: body.visibility,
      resourceIds,
      ...(school && { school: { id: school.id, name: school.name } }),
      createdBy: user._id,
    });
    await this.links.link(created._id, resourceIds, true);
    await this.record(user, 'series.create', created, changedFields(body));
    return toSeriesView(created, true);
  }

  /** The series the caller may see, newest first. */
  async list(user: User): Promise<SeriesView[]> {
    const viewer = await this.access.viewerOf(user);
    const all = await this.series.findVisible(audienceOf(viewer));
    return all.map((s) => toSeriesView(s, canEditItem(viewer, asItem(s))));
  }

  /** The series with the resources the caller may see, in order. */
  async get(user: User, id: Types.ObjectId): Promise<SeriesView> {
    const { viewer, series } = await this.visible(user, id);
    return this.fullView(viewer, series);
  }

  async update(user: User, id: Types.ObjectId, body: UpdateSeries): Promise<SeriesView> {
    const { viewer, series } = await this.editable(user, id);
    const { resourceIds, ...fields } = body;
    const next = resourceIds && (await this.links.checkListable(viewer, resourceIds, series.resourceIds));
    const updated = found(
      await this.series.update(series.communityId, id, { ...fields, ...(next && { resourceIds: next }) }),
      'series',
      id,
    );
    if (next) {
      const before = new Set(series.resourceIds.map((r) => r.toHexString()));
      const after = new Set(next.map((r) => r.toHexString()));
      await this.links.link(
        id,
        next.filter((r) => !before.has(r.toHexString())),
        true,
      );
      await this.links.link(
        id,
        series.resourceIds.filter((r) => !after.has(r.toHexString())),
        false,
      );
    }
    await this.record(user, 'series.update', updated, changedFields(body));
    return this.fullView(viewer, updated);
  }

  async remove(user: User, id: Types.ObjectId): Promise<void> {
    const { series } = await this.editable(user, id);
    found((await this.series.delete(series.communityId, id)) || null, 'series', id);
    await this.links.link(id, series.resourceIds, false);
    await this.record(user, 'series.delete', series);
  }

  /** The series, if the caller may change it (404 if they may not see it, 403 if they only may see it). */
  async editable(user: User, id: Types.ObjectId): Promise<VisibleSeries> {
    const visible = await this.visible(user, id);
    if (!canEditItem(visible.viewer, asItem(visible.series))) {
      throw new AppError(
        ErrorCode.FORBIDDEN,
        'only its author and the admins of its school or community may change it',
      );
    }
    return visible;
  }

  /** Takes a deleted resource out of every series listing it. */
  removeResource(seriesIds: Types.ObjectId[], resourceId: Types.ObjectId): Promise<void> {
    return this.series.pullResource(seriesIds, resourceId);
  }

  private async visible(user: User, id: Types.ObjectId): Promise<VisibleSeries> {
    const [viewer, series] = await Promise.all([this.access.viewerOf(user), this.series.findByIdForService(id)]);
    if (!series || !canSeeItem(viewer, asItem(series))) throw notFound('series', id);
    return { viewer, series };
  }

  private async fullView(viewer: LibraryViewer, series: Series): Promise<SeriesView> {
    const loaded = await this.resources.findByIdsForService(series.resourceIds);
    const byId = new Map(loaded.map((r) => [r._id.toHexString(), r]));
    const ordered = series.resourceIds.flatMap((id) => {
      const r = byId.get(id.toHexString());
      return r && canSeeItem(viewer, r) ? [r] : [];
    });
    return toSeriesView(series, canEditItem(viewer, asItem(series)), await this.views.toViews(viewer, ordered));
  }

  private record(user: User, action: string, s: Series, changes?: string[]): Promise<void> {
    return this.audit.record(user, s.communityId, action, { type: 'series', id: s._id, name: s.title }, changes);
  }
}
