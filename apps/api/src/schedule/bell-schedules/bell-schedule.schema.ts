import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { BellPeriod } from '@tongke/contracts';
import type { Types } from 'mongoose';

/** A school's bell schedule (作息时间表): its numbered periods. Rural and urban schools differ. */
@Schema({ collection: 'bell_schedules', timestamps: true })
export class BellSchedule {
  _id!: Types.ObjectId;

  @Prop({ type: 'ObjectId', required: true })
  communityId!: Types.ObjectId;

  @Prop({ type: 'ObjectId', required: true })
  schoolId!: Types.ObjectId;

  /** Ordered, non-overlapping, indices 1..n; local `HH:mm` times. */
  @Prop({ type: [{ _id: false, index: Number, startsAt: String, endsAt: String }], default: [] })
  periods!: BellPeriod[];
}

export const BellScheduleSchema = SchemaFactory.createForClass(BellSchedule);
BellScheduleSchema.index({ communityId: 1, schoolId: 1 }, { unique: true });
