import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { IMPORT_KINDS, type ImportKind, type ImportRowError, type ImportStatus } from '@tongke/contracts';
import type { Types } from 'mongoose';

export const IMPORT_STATUSES: ImportStatus[] = ['validating', 'validated', 'committing', 'committed', 'failed'];

/** A column of the uploaded file the import reads: its key and its header as written. */
export interface ImportJobColumn {
  key: string;
  header: string;
}

/** One bulk import: the uploaded file's dry run, then its commit (rows in import_row_chunks until then). */
@Schema({ collection: 'import_jobs', timestamps: true })
export class ImportJob {
  _id!: Types.ObjectId;

  @Prop({ type: 'ObjectId', required: true })
  communityId!: Types.ObjectId;

  @Prop({ type: String, required: true, enum: IMPORT_KINDS })
  kind!: ImportKind;

  @Prop({ type: String, required: true })
  fileName!: string;

  @Prop({ type: String, required: true, enum: IMPORT_STATUSES })
  status!: ImportStatus;

  /** Rows processed in the current phase (dry run, then commit) out of `total` (= rows). */
  @Prop({ type: { _id: false, done: Number, total: Number }, required: true })
  progress!: { done: number; total: number };

  /** Data rows in the file. */
  @Prop({ type: Number, required: true })
  rows!: number;

  @Prop({ type: [{ _id: false, key: String, header: String }], default: [] })
  columns!: ImportJobColumn[];

  /** The dry run's problems (`errors` in the view; that name is reserved by mongoose). */
  @Prop({ type: [{ _id: false, row: Number, column: String, reason: String }], default: [] })
  rowErrors!: ImportRowError[];

  @Prop({ type: Number })
  created?: number;

  /**
   * Teachers: the initial passwords, kept only until the first read after the commit (then
   * removed). The repository's reads leave them out; only `takeCredentials` returns them.
   * (Not `select: false`: FerretDB's findAndModify takes no projection.)
   */
  @Prop({ type: [{ _id: false, username: String, password: String }], default: undefined })
  credentials?: { username: string; password: string }[];

  @Prop({ type: String })
  failure?: string;

  @Prop({ type: 'ObjectId', required: true })
  createdById!: Types.ObjectId;

  /** Written with every progress update; a running job silent for too long was left by a stopped process. */
  @Prop({ type: Date, required: true })
  heartbeatAt!: Date;

  createdAt?: Date;
}

export const ImportJobSchema = SchemaFactory.createForClass(ImportJob);
ImportJobSchema.index({ communityId: 1, createdAt: -1 });
