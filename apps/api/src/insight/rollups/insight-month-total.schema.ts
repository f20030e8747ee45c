import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';
import type { CounterTree } from './insight-counter-map';

/** A community's counters over one calendar month; `_id` = `<communityId>:<YYYY-MM>`. */
@Schema({ collection: 'insight_month_totals', versionKey: false })
export class InsightMonthTotal {
  @Prop({ type: String, required: true })
  _id!: string;

  /** 24-hex, for rebuilds (reads go by `_id`). */
  @Prop({ type: String, required: true })
  communityId!: string;

  /** The counters as a nested tree (`sums.c.les.del`), so a path can be `$inc`-ed. */
  @Prop({ type: MongooseSchema.Types.Mixed, default: {} })
  sums!: CounterTree;
}

export const InsightMonthTotalSchema = SchemaFactory.createForClass(InsightMonthTotal);
