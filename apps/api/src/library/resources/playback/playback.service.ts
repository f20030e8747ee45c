import { Injectable } from '@nestjs/common';
import { type DownloadView, ErrorCode, type PlaybackView } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { Types } from 'mongoose';
import { InsightSignals } from '../../../insight/signals/insight-signals.service';
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
 * counts: one view per user and resource per half hour, one download per download link (each
 * counted one also goes to insight).
 */
@Injectable()
export class PlaybackService {
  constructor(
    private readonly access: ResourceAccess,
    private readonly resources: ResourceRepository,
    private readonly links: ResourceMediaLinks,
    private readonly recentViews: RecentViewsStore,
    private readonly signals: InsightSignals,
  ) {}

  async playback(user: User, id: Types.ObjectId): Promise<PlaybackView> {
    const resource = ready((await this.access.visible(user, id)).resource);
    if (await this.recentViews.firstViewLately(resource._id, user._id)) {
      await this.resources.increment(resource.communityId, resource._id, 'views');
      await this.signalUse('lib.view', user, resource);
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
    await this.signalUse('lib.download', user, resource);
    const { base, expiresAt } = this.links.sign(resource._id.toHexString());
    return {
      url: `${base}/video.mp4?download=1`,
      filename: downloadFilename(resource.title),
      expiresAt: expiresAt.toISOString(),
    };
  }

  private signalUse(kind: 'lib.view' | 'lib.download', user: User, resource: Resource): Promise<void> {
    const at = new Date().toISOString();
    return this.signals.used({ kind, userId: user._id.toHexString(), resourceId: resource._id.toHexString(), at });
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
