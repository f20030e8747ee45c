import { Injectable } from '@nestjs/common';
import { type ChannelView, type createChannelSchema, ErrorCode, type UpdateChannelRequest } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { Types } from 'mongoose';
import type { z } from 'zod';
import { AuditService } from '../../audit/audit.service';
import { zoneOf } from '../../live/policy/local-dates';
import { OrgDirectory } from '../../org/directory/org-directory.service';
import type { User } from '../../org/schemas/user.schema';
import { changedFields } from '../../org/shared/changed-fields';
import { conflictOnDuplicate } from '../../org/shared/duplicate-key';
import { ResourceRepository } from '../resources/resource.repository';
import { ChannelAccess, noChannel } from './channel-access.service';
import { ChannelRepository } from './channel.repository';
import type { Channel } from './channel.schema';
import { ChannelViews } from './channel.views';
import { audienceProblem, canManageChannel } from './policy/channel-access.policy';
import { ProgrammeEntryRepository } from './programme-entry.repository';

/** POST /api/library/channels body, defaults applied. */
export type CreateChannelBody = z.output<typeof createChannelSchema>;

const UPCOMING_CHECK_MAX = 1000;
const duplicateName = (name: string) => `the community already has a channel named ${name}`;

/** Rebroadcast channels (空中云课堂): everyone reads the ones they may watch; admins write them. */
@Injectable()
export class ChannelsService {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly entries: ProgrammeEntryRepository,
    private readonly resources: ResourceRepository,
    private readonly access: ChannelAccess,
    private readonly views: ChannelViews,
    private readonly directory: OrgDirectory,
    private readonly audit: AuditService,
  ) {}

  /** The channels the caller may watch, each with what plays now and next. */
  async list(user: User, now = new Date()): Promise<ChannelView[]> {
    const { channels, viewer } = await this.access.visible(user);
    return Promise.all(channels.map(async (c) => this.views.toView(viewer, c, await this.access.zoneOf(c), now)));
  }

  async get(user: User, id: Types.ObjectId, now = new Date()): Promise<ChannelView> {
    const { channel, viewer } = await this.access.watchable(user, id);
    return this.views.toView(viewer, channel, await this.access.zoneOf(channel), now);
  }

  /** In `communityId` (district admins must name it; others default to their own community). */
  async create(user: User, body: CreateChannelBody): Promise<ChannelView> {
    const viewer = await this.access.viewerOf(user);
    const rawId = body.communityId ?? user.communityId?.toHexString();
    if (!rawId) throw new AppError(ErrorCode.BAD_REQUEST, 'communityId is required: name the community of the channel');
    const community = await this.directory.community(new Types.ObjectId(rawId));
    if (!community) throw new AppError(ErrorCode.NOT_FOUND, `no community ${rawId}`);
    const scope = { communityId: community._id, district: community.district, visibility: body.visibility };
    if (!canManageChannel(viewer, scope)) {
      throw new AppError(ErrorCode.FORBIDDEN, 'you can only create channels in a community you administer');
    }
    const channel = await conflictOnDuplicate(
      this.channels.insert(community._id, {
        district: community.district,
        name: body.name,
        description: body.description,
        visibility: body.visibility,
        createdBy: user._id,
      }),
      duplicateName(body.name),
    );
    await this.record(user, 'channel.create', channel, changedFields(body));
    return this.views.toView(viewer, channel, zoneOf(community));
  }

  /** Widening the visibility is refused while upcoming programmes play resources the wider audience can't see. */
  async update(user: User, id: Types.ObjectId, body: UpdateChannelRequest, now = new Date()): Promise<ChannelView> {
    const { channel, viewer } = await this.access.manageable(user, id);
    if (body.visibility && body.visibility !== channel.visibility) {
      await this.assertProgrammeFits({ ...channel, visibility: body.visibility }, now);
    }
    const updated = await conflictOnDuplicate(
      this.channels.update(channel.communityId, id, {
        name: body.name,
        description: body.description,
        visibility: body.visibility,
      }),
      duplicateName(body.name ?? channel.name),
    );
    if (!updated) throw noChannel(id);
    await this.record(user, 'channel.update', updated, changedFields(body));
    return this.views.toView(viewer, updated, await this.access.zoneOf(updated), now);
  }

  /** Deletes the channel and its whole programme (the programme first: a failure leaves a channel, never orphans). */
  async remove(user: User, id: Types.ObjectId): Promise<void> {
    const { channel } = await this.access.manageable(user, id);
    await this.entries.deleteByChannel(channel.communityId, id);
    if (!(await this.channels.delete(channel.communityId, id))) throw noChannel(id);
    await this.record(user, 'channel.delete', channel);
  }

  private async assertProgrammeFits(channel: Channel, now: Date): Promise<void> {
    const upcoming = await this.entries.upcoming(channel.communityId, channel._id, now, UPCOMING_CHECK_MAX);
    const ids = [...new Map(upcoming.map((e) => [e.resourceId.toHexString(), e.resourceId])).values()];
    const resources = await this.resources.findByIdsForService(ids);
    const narrow = resources.filter((r) => audienceProblem(channel, r) !== null);
    if (narrow.length) {
      const titles = narrow.map((r) => `"${r.title}"`).join(', ');
      throw new AppError(
        ErrorCode.CONFLICT,
        `upcoming programmes play ${titles}, which a ${channel.visibility} audience may not see: remove them first`,
      );
    }
  }

  private record(user: User, action: string, channel: Channel, changes?: string[]): Promise<void> {
    return this.audit.record(
      user,
      channel.communityId,
      action,
      { type: 'channel', id: channel._id, name: channel.name },
      changes,
    );
  }
}
