import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { Types } from 'mongoose';

/** One stored row: its spreadsheet row number and its cells in the order of the job's `columns`. */
export interface StoredImportRow {
  row: number;
  cells: string[];
}

/**
 * A slice of a validated import's rows, kept until the commit (rows as subdocuments: FerretDB
 * stores no nested arrays). Slices keep each document far below the 16 MB limit.
 */
@Schema({ collection: 'import_row_chunks', timestamps: false, versionKey: false })
export class ImportRowChunk {
  _id!: Types.ObjectId;

  @Prop({ type: 'ObjectId', required: true })
  communityId!: Types.ObjectId;

  @Prop({ type: 'ObjectId', required: true })
  jobId!: Types.ObjectId;

  @Prop({ type: Number, required: true })
  seq!: number;

  @Prop({ type: [{ _id: false, row: Number, cells: [String] }], required: true })
  rows!: StoredImportRow[];
}

export const ImportRowChunkSchema = SchemaFactory.createForClass(ImportRowChunk);
ImportRowChunkSchema.index({ communityId: 1, jobId: 1, seq: 1 });
