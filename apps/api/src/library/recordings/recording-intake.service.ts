import { Injectable, Logger } from '@nestjs/common';
import type { LiveSessionKind, Subject } from '@tongke/contracts';
import type { Types } from 'mongoose';
import { isDuplicateKeyError } from '../../org/shared/duplicate-key';
import { ProcessingQueue } from '../processing/processing.queue';
import { ResourceFactory } from '../resources/resource.factory';
import { ResourceRepository } from '../resources/resource.repository';
import type { Resource } from '../resources/resource.schema';
import { meetingAudience } from './meeting-audience.policy';

/** The parts of a finished live session a recording resource is made from. */
export interface RecordedLesson {
  _id: Types.ObjectId;
  communityId: Types.ObjectId;
  title: string;
  subject: Subject;
  grade: number;
  leadTeacherId: Types.ObjectId;
  /** `meeting` (网络教研): a private meeting, whose recording only its people see. */
  kind?: LiveSessionKind;
  memberIds?: Types.ObjectId[];
  observerIds?: Types.ObjectId[];
}

/**
 * Takes in a lesson's finished recording (the media node's `recording.finished`): one library
 * resource per session, made from the lesson (title, subject, grade, its lead teacher and their
 * school, community visibility; a meeting's restricted to its people), processing at stage
 * `queued`, and its processing job enqueued.
 */
@Injectable()
export class RecordingIntakeService {
  private readonly logger = new Logger(RecordingIntakeService.name);

  constructor(
    private readonly factory: ResourceFactory,
    private readonly resources: ResourceRepository,
    private readonly queue: ProcessingQueue,
  ) {}

  /**
   * The session's resource id. Idempotent: a retry (or a racing duplicate) finds the resource made
   * first and enqueues its job again, which is harmless (the job id is the resource id) and heals
   * a first attempt that stopped between creating and enqueueing.
   */
  async onRecordingFinished(session: RecordedLesson, manifestPath: string): Promise<Types.ObjectId> {
    const resource =
      (await this.resources.findBySession(session.communityId, session._id)) ??
      (await this.create(session, manifestPath));
    if (resource.status === 'processing') {
      await this.queue.enqueue({
        resourceId: resource._id.toHexString(),
        communityId: resource.communityId.toHexString(),
        source: { kind: 'recording', path: resource.source.path },
      });
    }
    return resource._id;
  }

  private async create(session: RecordedLesson, manifestPath: string): Promise<Resource> {
    const audienceIds = meetingAudience(session);
    try {
      const resource = await this.factory.create({
        communityId: session.communityId,
        kind: 'recording',
        metadata: {
          title: session.title,
          description: '',
          subject: session.subject,
          grade: session.grade,
          tags: [],
          visibility: 'community',
        },
        createdBy: session.leadTeacherId,
        teacherId: session.leadTeacherId,
        source: { kind: 'recording', path: manifestPath },
        sessionId: session._id,
        ...(audienceIds && { audienceIds }),
      });
      this.logger.log(`lesson ${session._id.toHexString()} recorded: resource ${resource._id.toHexString()}`);
      return resource;
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      const made = await this.resources.findBySession(session.communityId, session._id);
      if (!made) throw err;
      return made;
    }
  }
}
