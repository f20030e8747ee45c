import { Injectable } from '@nestjs/common';
import { LibraryConfig } from '@tongke/config';
import {
  type addProgrammeSchema,
  CHANNEL_LIMITS,
  ErrorCode,
  type ProgrammeEntryView,
  type ProgrammeGuideQuery,
  type ProgrammeGuideView,
} from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { DateTime } from 'luxon';
import { Types } from 'mongoose';
import type { z } from 'zod';
import { AuditService } from '../../audit/audit.service';
import { RedisLock } from '../../live/redis-lock.adapter';
import type { User } from '../../org/schemas/user.schema';
import { isDuplicateKeyError } from '../../org/shared/duplicate-key';
import { ResourceRepository } from '../resources/resource.repository';
import type { Resource } from '../resources/resource.schema';
import { ChannelAccess } from './channel-access.service';
import type { Channel } from './channel.schema';
import { ChannelViews, toEntryView } from './channel.views';
import { audienceProblem, communitySeesResource } from './policy/channel-access.policy';
import { expandStarts, findConflicts, type ProgrammeSlot, slotsOf, span } from './policy/programme-slots';
import { ProgrammeEntryRepository } from './programme-entry.repository';
import type { ProgrammeEntry } from './programme-entry.schema';

/** POST …/programme body as validated. */
export type AddProgrammeBody = z.output<typeof addProgrammeSchema>;

const LOCK_TTL_MS = 15_000;
const GUIDE_DEFAULT_DAYS = 7;

/** A channel's programme: adding (with weekly repeats) and removing entries, and the guide. */
@Injectable()
export class ProgrammeService {
  constructor(
    private readonly entries: ProgrammeEntryRepository,
    private readonly resources: ResourceRepository,
    private readonly access: ChannelAccess,
    private readonly views: ChannelViews,
    private readonly lock: RedisLock,
    private readonly library: LibraryConfig,
    private readonly audit: AuditService,
  ) {}

  /** Schedules a ready resource (and its weekly repeats); all entries are added or none (409 on any overlap). */
  async add(
    user: User,
    channelId: Types.ObjectId,
    body: AddProgrammeBody,
    now = new Date(),
  ): Promise<ProgrammeEntryView[]> {
    const { channel } = await this.access.manageable(user, channelId);
    const resource = await this.playable(channel, new Types.ObjectId(body.resourceId));
    const zone = await this.access.zoneOf(channel);
    const starts = expandStarts(new Date(body.startsAt), zone, body.repeat);
    if (starts.length > CHANNEL_LIMITS.entriesPerRequestMax) {
      throw new AppError(
        ErrorCode.BAD_REQUEST,
        `the repeat makes ${starts.length} programmes: at most ${CHANNEL_LIMITS.entriesPerRequestMax} per request`,
      );
    }
    if (starts[0].getTime() < now.getTime() - CHANNEL_LIMITS.pastStartMaxS * 1000) {
      throw new AppError(ErrorCode.BAD_REQUEST, 'startsAt is in the past: a programme starts now or later');
    }
    const slots = slotsOf(starts, resource.media!.durationS * 1000, this.library.hlsSegmentS);
    const key = `library-channel-programme:${channel._id.toHexString()}`;
    const added = await this.lock.runExclusive(key, LOCK_TTL_MS, () =>
      this.insertChecked(user, channel, resource, slots, zone, now),
    );
    if (!added.ran) {
      throw new AppError(ErrorCode.CONFLICT, "someone else is changing this channel's programme: try again");
    }
    await this.audit.record(user, channel.communityId, 'channel.programme.add', {
      type: 'channel',
      id: channel._id,
      name: channel.name,
    });
    return added.value.map(toEntryView);
  }

  /** Removes an entry that has not aired yet, or cuts the one on air; aired ones stay in the log (409). */
  async remove(user: User, channelId: Types.ObjectId, entryId: Types.ObjectId, now = new Date()): Promise<void> {
    const { channel } = await this.access.manageable(user, channelId);
    const entry = await this.entries.findOne(channel.communityId, entryId);
    if (!entry || !entry.channelId.equals(channelId)) {
      throw new AppError(ErrorCode.NOT_FOUND, `no programme ${entryId.toString()} on this channel`);
    }
    if (entry.endsAt <= now) {
      throw new AppError(ErrorCode.CONFLICT, `"${entry.title}" has already aired: the programme keeps it`);
    }
    await this.entries.delete(channel.communityId, entryId);
    await this.audit.record(user, channel.communityId, 'channel.programme.remove', {
      type: 'channel',
      id: channel._id,
      name: channel.name,
    });
  }

  /** The entries airing on the local days `from`..`to` (default: today and the next 6 days). */
  async guide(
    user: User,
    channelId: Types.ObjectId,
    query: ProgrammeGuideQuery,
    now = new Date(),
  ): Promise<ProgrammeGuideView> {
    const { channel, viewer } = await this.access.watchable(user, channelId);
    const zone = await this.access.zoneOf(channel);
    const today = DateTime.fromJSDate(now, { zone }).startOf('day');
    const from = query.from ? DateTime.fromISO(query.from, { zone }) : today;
    const to = query.to ? DateTime.fromISO(query.to, { zone }) : from.plus({ days: GUIDE_DEFAULT_DAYS - 1 });
    const days = Math.round(to.diff(from, 'days').days) + 1;
    if (days < 1) throw new AppError(ErrorCode.BAD_REQUEST, 'to must not be before from');
    if (days > CHANNEL_LIMITS.guideDaysMax) {
      throw new AppError(ErrorCode.BAD_REQUEST, `the guide covers at most ${CHANNEL_LIMITS.guideDaysMax} days`);
    }
    const start = from.startOf('day').toJSDate();
    const end = to.startOf('day').plus({ days: 1 }).toJSDate();
    const [view, entries] = await Promise.all([
      this.views.toView(viewer, channel, zone, now),
      this.entries.overlapping(channel.communityId, channel._id, start, end),
    ]);
    return { channel: view, from: from.toISODate()!, to: to.toISODate()!, entries: entries.map(toEntryView) };
  }

  /** The resource if this channel may air it now: 404 unknown to its community, 409 not ready, 400 too private. */
  private async playable(channel: Channel, resourceId: Types.ObjectId): Promise<Resource> {
    const resource = await this.resources.findByIdForService(resourceId);
    if (!resource || !communitySeesResource(channel, resource)) {
      throw new AppError(ErrorCode.NOT_FOUND, `no resource ${resourceId.toHexString()}`);
    }
    if (resource.status !== 'ready' || !resource.media || !(resource.media.durationS > 0)) {
      throw new AppError(ErrorCode.NOT_READY, `"${resource.title}" is not ready to play (${resource.status})`);
    }
    const problem = audienceProblem(channel, resource);
    if (problem) throw new AppError(ErrorCode.BAD_REQUEST, `"${resource.title}" can't air here: ${problem}`);
    return resource;
  }

  /** Under the channel's lock: the slots are free, then all are inserted. */
  private async insertChecked(
    user: User,
    channel: Channel,
    resource: Resource,
    slots: ProgrammeSlot[],
    zone: string,
    now: Date,
  ): Promise<ProgrammeEntry[]> {
    await this.assertFree(channel, resource.title, slots, zone, now);
    const docs = slots.map((slot) => ({
      channelId: channel._id,
      resourceId: resource._id,
      title: resource.title,
      subject: resource.subject,
      grade: resource.grade,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      createdBy: user._id,
    }));
    try {
      return await this.entries.insertAll(channel.communityId, docs);
    } catch (err) {
      if (isDuplicateKeyError(err)) {
        throw new AppError(ErrorCode.SCHEDULE_CONFLICT, 'another programme starts at the same time', []);
      }
      throw err;
    }
  }

  /** 409 SCHEDULE_CONFLICT (with every clash) on overlaps; 409 CONFLICT if an entry after the first slot has started. */
  private async assertFree(channel: Channel, title: string, slots: ProgrammeSlot[], zone: string, now: Date) {
    const first = slots[0];
    const last = slots[slots.length - 1];
    const existing = await this.entries.overlapping(channel.communityId, channel._id, first.startsAt, last.endsAt);
    const scheduled = existing.map((e) => ({
      id: e._id.toString(),
      title: e.title,
      startsAt: e.startsAt,
      endsAt: e.endsAt,
    }));
    const conflicts = findConflicts(slots, title, scheduled, zone);
    if (conflicts.length) {
      const more = conflicts.length > 1 ? ` (and ${conflicts.length - 1} more)` : '';
      throw new AppError(ErrorCode.SCHEDULE_CONFLICT, `${conflicts[0].message}${more}`, conflicts);
    }
    const started = await this.entries.firstStartingBetween(channel.communityId, channel._id, first.startsAt, now);
    if (started) {
      throw new AppError(
        ErrorCode.CONFLICT,
        `"${started.title}" (${span(started, zone)}) has already started: a programme can't be placed before it`,
      );
    }
  }
}
