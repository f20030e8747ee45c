import { Injectable } from '@nestjs/common';
import { type DownloadView, ErrorCode, type PlaybackView } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { Types } from 'mongoose';
import type { User } from '../../../org/schemas/user.schema';
import { downloadFilename } from '../media/download-filename';
import { ResourceMediaLinks } from '../media/resource-media.links';
import { ResourceAccess } from '../resource-access.service';
import { ResourceRepository } from '../resource.repository';
import type { Resource, ResourceMedia } from '../resource.schema';
import { RecentViewsStore } from './recent-views.store';

type ReadyResource = Resource & { media: ResourceMedia };

/**
 * Playback and download links of ready resources (signed, see ResourceMediaLinks), and the
 * counts: one view per user and resource per half hour, one download per download link.
 */
@Injectable()
export class PlaybackService {
  constructor(
    private readonly access: ResourceAccess,
    private readonly resources: ResourceRepository,
    private readonly links: ResourceMediaLinks,
    private readonly recentViews: RecentViewsStore,
  ) {}

  async playback(user: User, id: Types.ObjectId): Promise<PlaybackView> {
    const resource = ready((await this.access.visible(user, id)).resource);
    if (await this.recentViews.firstViewLately(resource._id, user._id)) {
      await this.resources.increment(resource.communityId, resource._id, 'views');
    }
    const { base, expiresAt } = this.links.sign(resource._id.toHexString());
    return {
      hlsUrl: `${base}/hls/master.m3u8`,
      mp4Url: `${base}/video.mp4`,
      posterUrl: `${base}/poster.jpg`,
      thumbnails: { url: `${base}/thumbs.jpg`, ...resource.media.thumbnails },
      durationS: resource.media.durationS,
      expiresAt: expiresAt.toISOString(),
    };
  }

  async download(user: User, id: Types.ObjectId): Promise<DownloadView> {
    const resource = ready((await this.access.visible(user, id)).resource);
    await this.resources.increment(resource.communityId, resource._id, 'downloads');
    const { base, expiresAt } = this.links.sign(resource._id.toHexString());
    return {
      url: `${base}/video.mp4?download=1`,
      filename: downloadFilename(resource.title),
      expiresAt: expiresAt.toISOString(),
    };
  }
}

/** The resource if it is published; NOT_READY (409) while it is processing or after it failed. */
function ready(resource: Resource): ReadyResource {
  if (resource.status === 'ready' && resource.media) return resource as ReadyResource;
  const why =
    resource.status === 'failed'
      ? `processing failed${resource.processing.error ? `: ${resource.processing.error}` : ''}`
      : `it is still being processed (${resource.processing.stage})`;
  throw new AppError(ErrorCode.NOT_READY, `this resource can't be played yet: ${why}`);
}
