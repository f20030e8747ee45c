import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';
import type { CounterTree } from './insight-counter-map';

/**
 * A community's counters CUMULATIVE from the 1st of a month through one local day (inclusive);
 * `_id` = `<communityId>:<YYYY-MM-DD>`. Every change on day d increments d..month end, so a
 * missing document means no data in the month up to that day.
 */
@Schema({ collection: 'insight_day_totals', versionKey: false })
export class InsightDayTotal {
  @Prop({ type: String, required: true })
  _id!: string;

  /** 24-hex, for rebuilds (reads go by `_id`). */
  @Prop({ type: String, required: true })
  communityId!: string;

  /** The counters as a nested tree (`sums.s.<schoolId>.rcv.del`), so a path can be `$inc`-ed. */
  @Prop({ type: MongooseSchema.Types.Mixed, default: {} })
  sums!: CounterTree;
}

export const InsightDayTotalSchema = SchemaFactory.createForClass(InsightDayTotal);
