import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { Holiday, MakeupDay } from '@tongke/contracts';
import type { Types } from 'mongoose';

/** A school term (学期); the timetable and its lessons live inside one. */
@Schema({ collection: 'terms', timestamps: true })
export class Term {
  _id!: Types.ObjectId;

  @Prop({ type: 'ObjectId', required: true, index: true })
  communityId!: Types.ObjectId;

  @Prop({ type: String, required: true, trim: true })
  name!: string;

  /** ISO dates (YYYY-MM-DD), local to the community's time zone. */
  @Prop({ type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ })
  startsOn!: string;

  @Prop({ type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ })
  endsOn!: string;

  /** Holidays inside the term: no lessons on these dates. */
  @Prop({ type: [{ _id: false, name: String, startsOn: String, endsOn: String }], default: [] })
  holidays!: Holiday[];

  /** 调休: weekend dates that are school days following another weekday's timetable. */
  @Prop({ type: [{ _id: false, date: String, followsWeekday: Number }], default: [] })
  makeupDays!: MakeupDay[];
}

export const TermSchema = SchemaFactory.createForClass(Term);
TermSchema.index({ communityId: 1, name: 1 }, { unique: true });
