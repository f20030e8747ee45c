import { Injectable, Logger, StreamableFile } from '@nestjs/common';
import { ErrorCode, LessonRole, type TimeshiftView } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { Types } from 'mongoose';
import { LiveSessionsService } from '../../live/live-sessions.service';
import { resolveLessonRole } from '../../live/policy/lesson-role.policy';
import type { User } from '../../org/schemas/user.schema';
import { type RecordingSource, RecordingManifestReader } from '../processing/recording/recording-manifest.reader';
import { PlaybackTokenService } from '../storage/playback-token.service';
import { TimeshiftChunkStore } from './timeshift-chunk.store';
import { TimeshiftComposer } from './timeshift.composer';
import { chunksDurationS, type TimeshiftTimeline, timeshiftPlaylist, timeshiftTimeline } from './timeshift-timeline';

/** Who may watch a lesson from its start while it runs: its participants (admins and observers included). */
const PARTICIPANTS: readonly LessonRole[] = [
  LessonRole.LEAD,
  LessonRole.CLASSROOM,
  LessonRole.ASSISTANT,
  LessonRole.OBSERVER,
  LessonRole.MEMBER,
];

const scope = (sessionId: string) => `timeshift:${sessionId}`;

/**
 * Time-shift (回看): a lesson so far, from its recording in progress, as an HLS EVENT playlist
 * under a signed path that players open without the bearer token. Asking for it composes the
 * next chunks (TimeshiftComposer); the playlist ends once the recording has ended.
 */
@Injectable()
export class TimeshiftService {
  private readonly logger = new Logger(TimeshiftService.name);

  constructor(
    private readonly sessions: LiveSessionsService,
    private readonly reader: RecordingManifestReader,
    private readonly composer: TimeshiftComposer,
    private readonly chunks: TimeshiftChunkStore,
    private readonly tokens: PlaybackTokenService,
  ) {}

  /** The signed playlist link: 404 outside the lesson's reach, 403 for non-participants, 409 while nothing is playable. */
  async view(user: User, sessionId: Types.ObjectId, now = new Date()): Promise<TimeshiftView> {
    const session = await this.sessions.findVisible(user, sessionId);
    const role = resolveLessonRole(user, session);
    if (!role || !PARTICIPANTS.includes(role)) {
      throw new AppError(ErrorCode.FORBIDDEN, "only the lesson's participants may watch it from the start");
    }
    const id = sessionId.toHexString();
    const { source, timeline, composed } = await this.advance(id, now);
    if (composed === 0) throw new AppError(ErrorCode.NOT_READY, 'nothing of this lesson is playable yet');
    const { token } = this.tokens.sign(scope(id));
    return {
      playlistUrl: `/api/live-sessions/${id}/timeshift/${token}/index.m3u8`,
      startedAt: source.manifest.startedAt,
      availableS: chunksDurationS(timeline, composed),
    };
  }

  /** The EVENT playlist (composing the next chunks first, if due). */
  async playlist(sessionId: Types.ObjectId, token: string, now = new Date()): Promise<StreamableFile> {
    const id = sessionId.toHexString();
    this.tokens.verify(scope(id), token);
    const { timeline, composed } = await this.advance(id, now);
    return new StreamableFile(Buffer.from(timeshiftPlaylist(timeline, composed), 'utf8'), {
      type: 'application/vnd.apple.mpegurl',
    });
  }

  async chunk(sessionId: Types.ObjectId, token: string, name: string): Promise<StreamableFile> {
    const id = sessionId.toHexString();
    this.tokens.verify(scope(id), token);
    const chunk = await this.chunks.open(id, name);
    if (!chunk) throw new AppError(ErrorCode.NOT_FOUND, `no time-shift chunk ${name.slice(0, 40)}`);
    return new StreamableFile(chunk.stream, { type: 'video/mp2t', length: chunk.size });
  }

  private async advance(
    sessionId: string,
    now: Date,
  ): Promise<{ source: RecordingSource; timeline: TimeshiftTimeline; composed: number }> {
    const source = await this.reader.forSession(sessionId);
    if (!source) throw new AppError(ErrorCode.NOT_READY, 'this lesson has no recording (yet)');
    const timeline = timeshiftTimeline(source.manifest, now);
    try {
      return { source, timeline, composed: await this.composer.advance(source, timeline) };
    } catch (err) {
      // Answer what exists; the next request tries again.
      this.logger.error(`time-shift of ${sessionId} could not be composed: ${(err as Error).message}`);
      return { source, timeline, composed: await this.chunks.composedCount(sessionId) };
    }
  }
}
