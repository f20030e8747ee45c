import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { ImportRowError, ImportStatus } from '@tongke/contracts';
import type { Model, Types } from 'mongoose';
import { ImportJob } from './import-job.schema';

export type NewImportJob = Omit<ImportJob, '_id' | 'createdAt' | 'heartbeatAt' | 'credentials'>;
export type Credentials = NonNullable<ImportJob['credentials']>;

const RUNNING: ImportStatus[] = ['validating', 'committing'];
/** Reads leave the initial passwords out (see `takeCredentials`). */
const WITHOUT_CREDENTIALS = { credentials: 0 } as const;

/**
 * Import jobs. State changes are conditional on the status they leave, so a job that another
 * process declared failed (it fell silent) can't be moved on by the one that was running it.
 */
@Injectable()
export class ImportJobRepository {
  constructor(@InjectModel(ImportJob.name) private readonly model: Model<ImportJob>) {}

  async create(doc: NewImportJob): Promise<ImportJob> {
    return (await this.model.create({ ...doc, heartbeatAt: new Date() })).toObject<ImportJob>();
  }

  findOne(communityId: Types.ObjectId, id: Types.ObjectId): Promise<ImportJob | null> {
    return this.model.findOne({ _id: id, communityId }, WITHOUT_CREDENTIALS).lean().exec();
  }

  /** The community's latest jobs, newest first. */
  findRecent(communityId: Types.ObjectId, limit: number): Promise<ImportJob[]> {
    return this.model
      .find({ communityId }, WITHOUT_CREDENTIALS)
      .sort({ createdAt: -1, _id: -1 })
      .limit(limit)
      .lean()
      .exec();
  }

  /** Records progress (and that the job is alive); false if the job is no longer in `status`. */
  async setProgress(id: Types.ObjectId, status: ImportStatus, done: number): Promise<boolean> {
    const res = await this.model
      .updateOne({ _id: id, status }, { $set: { 'progress.done': done, heartbeatAt: new Date() } })
      .exec();
    return res.matchedCount === 1;
  }

  /** validating → validated, with the dry run's problems. */
  async finishDryRun(id: Types.ObjectId, total: number, rowErrors: ImportRowError[]): Promise<boolean> {
    const res = await this.model
      .updateOne(
        { _id: id, status: 'validating' },
        { $set: { status: 'validated', rowErrors, progress: { done: total, total }, heartbeatAt: new Date() } },
      )
      .exec();
    return res.matchedCount === 1;
  }

  /** validated without problems → committing (progress restarts); null if the job is not in that state. */
  beginCommit(communityId: Types.ObjectId, id: Types.ObjectId): Promise<ImportJob | null> {
    return this.model
      .findOneAndUpdate(
        { _id: id, communityId, status: 'validated', rowErrors: { $size: 0 } },
        { $set: { status: 'committing', 'progress.done': 0, heartbeatAt: new Date() } },
        { new: true },
      )
      .lean()
      .exec();
  }

  /** committing → committed, with the count created and (teachers) the initial passwords to show once. */
  async finishCommit(id: Types.ObjectId, created: number, credentials: Credentials | undefined): Promise<boolean> {
    const res = await this.model
      .updateOne(
        { _id: id, status: 'committing' },
        {
          $set: {
            status: 'committed',
            created,
            'progress.done': created,
            heartbeatAt: new Date(),
            ...(credentials?.length && { credentials }),
          },
        },
      )
      .exec();
    return res.matchedCount === 1;
  }

  /** A running job → failed (with the problems that made it fail, if any); false if it wasn't in `from`. */
  async fail(id: Types.ObjectId, from: ImportStatus, failure: string, rowErrors?: ImportRowError[]): Promise<boolean> {
    const res = await this.model
      .updateOne(
        { _id: id, status: from },
        { $set: { status: 'failed', failure, heartbeatAt: new Date(), ...(rowErrors && { rowErrors }) } },
      )
      .exec();
    return res.matchedCount === 1;
  }

  /** Marks the job failed if it is running with no sign of life since `cutoff`; answers the job as it was. */
  failIfSilent(
    communityId: Types.ObjectId,
    id: Types.ObjectId,
    cutoff: Date,
    failure: string,
  ): Promise<ImportJob | null> {
    return this.model
      .findOneAndUpdate(
        { _id: id, communityId, status: { $in: RUNNING }, heartbeatAt: { $lt: cutoff } },
        { $set: { status: 'failed', failure } },
        { new: false },
      )
      .lean()
      .exec();
  }

  /** The initial passwords of a committed job, removed in the same step (they are shown once). */
  async takeCredentials(communityId: Types.ObjectId, id: Types.ObjectId): Promise<Credentials | undefined> {
    const before = await this.model
      .findOneAndUpdate(
        { _id: id, communityId, status: 'committed', credentials: { $exists: true } },
        { $unset: { credentials: 1 } },
        { new: false },
      )
      .lean()
      .exec();
    return before?.credentials;
  }
}
