import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import type { ImportRow } from '../rows/import-row';
import { ImportRowChunk } from './import-row-chunk.schema';

/** Rows per stored slice. */
const CHUNK_ROWS = 1000;

/** The rows of validated imports, kept until their commit ends. */
@Injectable()
export class ImportRowChunkRepository {
  constructor(@InjectModel(ImportRowChunk.name) private readonly model: Model<ImportRowChunk>) {}

  /** Stores the rows' cells in the order of `keys` (the job's columns). */
  async save(communityId: Types.ObjectId, jobId: Types.ObjectId, keys: string[], rows: ImportRow[]): Promise<void> {
    for (let start = 0, seq = 0; start < rows.length; start += CHUNK_ROWS, seq++) {
      const slice = rows.slice(start, start + CHUNK_ROWS);
      await this.model.create({
        _id: new Types.ObjectId(),
        communityId,
        jobId,
        seq,
        rows: slice.map((r) => ({ row: r.row, cells: keys.map((k) => r.values[k] ?? '') })),
      });
    }
  }

  /** The stored rows of a job, in file order. */
  async load(communityId: Types.ObjectId, jobId: Types.ObjectId, keys: string[]): Promise<ImportRow[]> {
    const chunks = await this.model.find({ communityId, jobId }).sort({ seq: 1 }).lean().exec();
    return chunks.flatMap((c) =>
      c.rows.map((r) => ({ row: r.row, values: Object.fromEntries(keys.map((k, j) => [k, r.cells[j] ?? ''])) })),
    );
  }

  async deleteByJob(communityId: Types.ObjectId, jobId: Types.ObjectId): Promise<void> {
    await this.model.deleteMany({ communityId, jobId }).exec();
  }
}
