import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { Types } from 'mongoose';
import { canSeeItem, type LibraryViewer } from '../policy/resource-access.policy';
import { ResourceRepository } from '../resource.repository';
import type { Resource } from '../resource.schema';

/**
 * The two sides of series membership: a series' ordered `resourceIds` and each resource's
 * `seriesIds` (kept in step here, per community of the resources).
 */
@Injectable()
export class SeriesLinks {
  constructor(private readonly resources: ResourceRepository) {}

  /**
   * The ids as ObjectIds, deduplicated in order; 400 naming the first that is unknown or that the
   * viewer may not see (ids in `kept`, already in the series, may stay whatever the viewer sees;
   * those of deleted resources are dropped).
   */
  async checkListable(viewer: LibraryViewer, ids: string[], kept: Types.ObjectId[] = []): Promise<Types.ObjectId[]> {
    const wanted = [...new Set(ids.map((id) => id.toLowerCase()))].map((id) => new Types.ObjectId(id));
    const keptIds = new Set(kept.map((id) => id.toHexString()));
    const found = new Map(
      (await this.resources.findByIdsForService(wanted)).map((r) => [r._id.toHexString(), r] as const),
    );
    const bad = wanted.find((id) => {
      const resource = found.get(id.toHexString());
      return !keptIds.has(id.toHexString()) && (!resource || !canSeeItem(viewer, resource));
    });
    if (bad) throw new AppError(ErrorCode.BAD_REQUEST, `resourceIds: no resource ${bad.toHexString()} you can see`);
    // A kept id whose resource was deleted meanwhile just drops out.
    return wanted.filter((id) => found.has(id.toHexString()));
  }

  /** Adds (or, `member` false, removes) the series to the resources' `seriesIds`. */
  async link(seriesId: Types.ObjectId, ids: Types.ObjectId[], member: boolean): Promise<void> {
    if (ids.length === 0) return;
    const byCommunity = new Map<string, Resource[]>();
    for (const r of await this.resources.findByIdsForService(ids)) {
      const key = r.communityId.toHexString();
      byCommunity.set(key, [...(byCommunity.get(key) ?? []), r]);
    }
    for (const group of byCommunity.values()) {
      const ids = group.map((r) => r._id);
      await this.resources.setSeries(group[0].communityId, ids, seriesId, member);
    }
  }
}
