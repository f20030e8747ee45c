import { Injectable } from '@nestjs/common';
import { ErrorCode, type ResearchActivityView, type startMeetingSchema } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { Types } from 'mongoose';
import type { z } from 'zod';
import { MEETING_MAX_MEMBERS, MeetingSessions } from '../../live/meeting-sessions.service';
import type { User } from '../../org/schemas/user.schema';
import type { DistrictPeople } from '../access/district-people.directory';
import { ResearchPeople } from '../access/research-people.service';
import type { ResearchGroup } from '../groups/research-group.schema';
import { ActivityAccess } from './activity-access.service';
import { ActivitySessionLinks } from './activity-session-links.service';
import { ActivityViewsService } from './activity-views.service';

export type StartMeetingBody = z.output<typeof startMeetingSchema>;

/**
 * 网络教研: a group lead or member opens the activity's online meeting — a live session of kind
 * `meeting` hosted by the caller, whose members are the group's leads and members (they publish, up
 * to MEETING_MAX_MEMBERS); the group's observers (and members past the limit) observe. While the
 * activity's meeting is still to come or running, a second "start" answers the activity with it.
 */
@Injectable()
export class ActivityMeetings {
  constructor(
    private readonly access: ActivityAccess,
    private readonly meetings: MeetingSessions,
    private readonly links: ActivitySessionLinks,
    private readonly people: ResearchPeople,
    private readonly views: ActivityViewsService,
  ) {}

  async start(user: User, id: Types.ObjectId, body: StartMeetingBody): Promise<ResearchActivityView> {
    const found = await this.access.activity(user, id);
    const { activity, group } = found;
    if (activity.kind !== 'meeting') {
      throw new AppError(ErrorCode.BAD_REQUEST, 'only meeting activities open an online meeting');
    }
    if (!found.access.edit) throw new AppError(ErrorCode.FORBIDDEN, 'only the group lead and members may host it');
    const linked = await this.links.startOnce(activity, async () => {
      const meeting = await this.meetings.start(user, {
        communityId: group.communityId,
        title: activity.title,
        subject: activity.subject,
        grade: activity.grade,
        ...(await this.participants(group, user._id)),
        durationMin: body.durationMin,
        record: body.record,
      });
      return meeting.id;
    });
    return this.views.toView(linked, group, found.canManage);
  }

  /**
   * Who takes part (from any community of the district, like the group's members): the group's
   * leads and members (enabled accounts) publish, up to the meeting's
   * limit (leads first); the rest of them and the group's observers may observe.
   */
  private async participants(
    group: ResearchGroup,
    hostId: Types.ObjectId,
  ): Promise<{ memberIds: Types.ObjectId[]; observerIds: Types.ObjectId[]; people: DistrictPeople }> {
    const people = await this.people.ofCommunity(group.communityId);
    const usable = group.members.filter((m) => {
      const account = people.user(m.userId);
      return account !== undefined && !account.disabled && !m.userId.equals(hostId);
    });
    const publishers = usable
      .filter((m) => m.role !== 'observer')
      .sort((a, b) => Number(b.role === 'lead') - Number(a.role === 'lead'))
      .map((m) => m.userId);
    const observers = usable.filter((m) => m.role === 'observer').map((m) => m.userId);
    return {
      memberIds: publishers.slice(0, MEETING_MAX_MEMBERS),
      observerIds: [...publishers.slice(MEETING_MAX_MEMBERS), ...observers],
      people,
    };
  }
}
