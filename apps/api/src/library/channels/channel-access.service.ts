import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { Types } from 'mongoose';
import { zoneOf } from '../../live/policy/local-dates';
import { OrgDirectory } from '../../org/directory/org-directory.service';
import type { User } from '../../org/schemas/user.schema';
import { ChannelRepository } from './channel.repository';
import type { Channel } from './channel.schema';
import { audienceOf, canManageChannel, canWatchChannel, type ChannelViewer } from './policy/channel-access.policy';

/** A channel the caller reached, with the caller as the access rules see them. */
export interface ReachedChannel {
  channel: Channel;
  viewer: ChannelViewer;
}

/** Resolves callers into viewers and loads the channels they may watch or manage (404 / 403 otherwise). */
@Injectable()
export class ChannelAccess {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly directory: OrgDirectory,
  ) {}

  /** The account with its community's district (district admins: the district they administer). */
  async viewerOf(user: User): Promise<ChannelViewer> {
    const community = user.communityId ? await this.directory.community(user.communityId) : null;
    const district = community?.district ?? user.district;
    return {
      roles: user.roles,
      ...(user.communityId && { communityId: user.communityId }),
      ...(district && { district }),
    };
  }

  async visible(user: User): Promise<{ channels: Channel[]; viewer: ChannelViewer }> {
    const viewer = await this.viewerOf(user);
    return { channels: await this.channels.findVisible(audienceOf(viewer)), viewer };
  }

  /** A channel the caller may watch; 404 for unknown ids and channels they can't see. */
  async watchable(user: User, id: Types.ObjectId): Promise<ReachedChannel> {
    const viewer = await this.viewerOf(user);
    const channel = await this.channels.findVisibleById(audienceOf(viewer), id);
    if (!channel || !canWatchChannel(viewer, channel)) throw noChannel(id);
    return { channel, viewer };
  }

  /** A channel the caller manages; 403 if they only watch it. */
  async manageable(user: User, id: Types.ObjectId): Promise<ReachedChannel> {
    const reached = await this.watchable(user, id);
    if (!canManageChannel(reached.viewer, reached.channel)) {
      throw new AppError(
        ErrorCode.FORBIDDEN,
        "only the community admins of the channel's community and its district admins manage it",
      );
    }
    return reached;
  }

  /** The IANA zone of the channel's community. */
  async zoneOf(channel: Channel): Promise<string> {
    return zoneOf((await this.directory.community(channel.communityId)) ?? {});
  }
}

export function noChannel(id: Types.ObjectId | string): AppError {
  return new AppError(ErrorCode.NOT_FOUND, `no channel ${id.toString()}`);
}
