import { Injectable, Logger } from '@nestjs/common';
import { ResourceRepository } from '../../library/resources/resource.repository';
import { LiveSessionRepository } from '../../live/repositories/live-session.repository';
import type { User } from '../../org/schemas/user.schema';
import type { ResearchActivity } from './research-activity.schema';

/**
 * A research group's members come from any community of the district, but the lessons its
 * activities link (and their recordings) belong to the group's community. A reader of the group
 * from another community who opens an activity is let in as a guest: listed as an observer of its
 * lesson (LiveSession.observerIds: they observe live through the observer role) and as a viewer of
 * the lesson's recording (Resource.guestIds: they evaluate from it and follow timed comments).
 * Meetings list their people when they start, so they are left alone.
 */
@Injectable()
export class ActivityGuests {
  private readonly logger = new Logger(ActivityGuests.name);

  constructor(
    private readonly sessions: LiveSessionRepository,
    private readonly resources: ResourceRepository,
  ) {}

  /** Lets `user` (who may read the activity's group) observe its lesson and watch its recording. */
  async admit(user: User, activity: ResearchActivity): Promise<void> {
    if (!activity.sessionId || user.communityId?.equals(activity.communityId)) return;
    const session = await this.sessions.findById(activity.communityId, activity.sessionId);
    if (!session || session.kind === 'meeting') return;
    if (!(session.observerIds ?? []).some((id) => id.equals(user._id))) {
      await this.sessions.addObserver(activity.communityId, session._id, user._id);
      this.logger.log(`guest ${user._id.toHexString()} may observe lesson ${session._id.toHexString()}`);
    }
    const recording = session.resourceId && (await this.resources.findByIdForService(session.resourceId));
    if (recording && !(recording.guestIds ?? []).some((id) => id.equals(user._id))) {
      await this.resources.addGuest(activity.communityId, recording._id, user._id);
    }
  }
}
