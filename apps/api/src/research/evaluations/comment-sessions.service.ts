import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { Types } from 'mongoose';
import { ResourceRepository } from '../../library/resources/resource.repository';
import { LiveSessionRepository } from '../../live/repositories/live-session.repository';
import type { LiveSession } from '../../live/schemas/live-session.schema';
import type { ResearchActivity } from '../activities/research-activity.schema';
import { distinctIds } from '../../org/shared/object-id';

/** Where a new timed comment sits: the session it is about (the activity's, if any) and its second. */
export interface CommentTime {
  atS: number;
  sessionId?: Types.ObjectId;
}

/** Seconds from `from` to `to`, to a tenth, never negative. */
const secondsBetween = (from: Date, to: Date) => Math.max(0, Math.round((to.getTime() - from.getTime()) / 100) / 10);

/**
 * The live sessions behind timed comments: while the activity's session is live the server times a
 * comment itself (seconds since the session started, by the server's clock: browsers' clocks
 * drift); otherwise the client's player time is kept, within the recording's length when known.
 */
@Injectable()
export class CommentSessions {
  constructor(
    private readonly sessions: LiveSessionRepository,
    private readonly resources: ResourceRepository,
  ) {}

  /** The session and second of a comment on the activity made `now` (`requestedAtS`: the client's). */
  async timing(activity: ResearchActivity, requestedAtS: number | undefined, now = new Date()): Promise<CommentTime> {
    const session = activity.sessionId && (await this.sessions.findById(activity.communityId, activity.sessionId));
    if (session && session.status === 'live' && session.startedAt) {
      return { atS: secondsBetween(session.startedAt, now), sessionId: session._id };
    }
    if (requestedAtS === undefined) {
      throw new AppError(
        ErrorCode.BAD_REQUEST,
        "atS is required while the activity's session is not live (the second of the recording)",
      );
    }
    const durationS = session ? await this.recordingLength(session) : undefined;
    if (durationS !== undefined && requestedAtS > durationS) {
      throw new AppError(
        ErrorCode.BAD_REQUEST,
        `atS ${requestedAtS} is past the end of the recording (${durationS} s)`,
      );
    }
    return { atS: requestedAtS, ...(session && { sessionId: session._id }) };
  }

  /** The recording (library resource id) of each of the sessions that has one, by session id. */
  async recordings(communityId: Types.ObjectId, sessionIds: Types.ObjectId[]): Promise<Map<string, string>> {
    const unique = distinctIds(sessionIds);
    const sessions = await Promise.all(unique.map((id) => this.sessions.findById(communityId, id)));
    const found = new Map<string, string>();
    for (const s of sessions) if (s?.resourceId) found.set(s._id.toHexString(), s.resourceId.toHexString());
    return found;
  }

  /** The recording's length: the processed resource's, else the session's span once it ended; undefined if unknown. */
  private async recordingLength(session: LiveSession): Promise<number | undefined> {
    const resource = session.resourceId && (await this.resources.findByIdForService(session.resourceId));
    if (resource && resource.media) return resource.media.durationS;
    if (session.status === 'ended' && session.startedAt && session.endedAt) {
      return Math.ceil(secondsBetween(session.startedAt, session.endedAt));
    }
    return undefined;
  }
}
