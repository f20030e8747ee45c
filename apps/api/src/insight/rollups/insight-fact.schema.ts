import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { Types } from 'mongoose';

/** One counter of a fact: its flat path (dots allowed, so not a key) and amount. */
@Schema({ _id: false })
export class InsightFactCounter {
  @Prop({ type: String, required: true })
  k!: string;

  @Prop({ type: Number, required: true })
  n!: number;
}
export const InsightFactCounterSchema = SchemaFactory.createForClass(InsightFactCounter);

/**
 * What one source fact (a lesson, an evaluation, a day's library views, …) currently adds to its
 * community's rollups on one local day; the projector diffs a new version against it.
 */
@Schema({ collection: 'insight_facts', versionKey: false })
export class InsightFact {
  /** The fact's key, unique across communities (e.g. `les:<lessonId>`). */
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: 'ObjectId', required: true })
  communityId!: Types.ObjectId;

  /** Local day, YYYY-MM-DD. */
  @Prop({ type: String, required: true })
  day!: string;

  @Prop({ type: [InsightFactCounterSchema], default: [] })
  counters!: InsightFactCounter[];

  @Prop({ type: Number, default: 0 })
  version!: number;

  @Prop({ type: Date, required: true })
  updatedAt!: Date;
}

export const InsightFactSchema = SchemaFactory.createForClass(InsightFact);
