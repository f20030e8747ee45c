import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SUBJECTS, type Subject, type Weekday } from '@tongke/contracts';
import { Schema as MongooseSchema, type Types } from 'mongoose';

/** One exception of a course schedule: its lesson of `date` (the original date) cancelled or moved. */
export interface StoredException {
  date: string;
  action: 'cancel' | 'move';
  toDate?: string;
  startsAt?: string;
  endsAt?: string;
  reason?: string;
}

/** 课表: a lead teacher teaching receiving classrooms in a weekly slot of a term (专递课堂). */
@Schema({ collection: 'course_schedules', timestamps: true })
export class CourseSchedule {
  _id!: Types.ObjectId;

  @Prop({ type: 'ObjectId', required: true })
  communityId!: Types.ObjectId;

  @Prop({ type: 'ObjectId', required: true })
  termId!: Types.ObjectId;

  @Prop({ type: String, required: true, trim: true })
  title!: string;

  @Prop({ type: String, required: true, enum: SUBJECTS })
  subject!: Subject;

  @Prop({ type: Number, required: true, min: 1, max: 9 })
  grade!: number;

  @Prop({ type: 'ObjectId', required: true })
  leadTeacherId!: Types.ObjectId;

  /** The lead teacher's school when the schedule was saved (whose admins manage it, whose periods it uses). */
  @Prop({ type: 'ObjectId', required: true })
  leadSchoolId!: Types.ObjectId;

  @Prop({ type: 'ObjectId' })
  classGroupId?: Types.ObjectId;

  @Prop({ type: [MongooseSchema.Types.ObjectId], required: true })
  classroomIds!: Types.ObjectId[];

  @Prop({ type: Number, required: true, min: 1, max: 7 })
  weekday!: Weekday;

  /** Set when the slot is a period of the lead school's bell schedule. */
  @Prop({ type: Number })
  period?: number;

  /** Resolved local times of the slot (HH:mm). */
  @Prop({ type: String, required: true })
  startsAt!: string;

  @Prop({ type: String, required: true })
  endsAt!: string;

  @Prop({ type: Number, required: true, enum: [1, 2], default: 1 })
  everyWeeks!: 1 | 2;

  /** Local dates (YYYY-MM-DD) bounding the recurrence, inside the term. */
  @Prop({ type: String, required: true })
  from!: string;

  @Prop({ type: String, required: true })
  until!: string;

  @Prop({
    type: [
      { _id: false, date: String, action: String, toDate: String, startsAt: String, endsAt: String, reason: String },
    ],
    default: [],
  })
  exceptions!: StoredException[];

  /** Its lessons are recorded into the library (copied to each materialised lesson). */
  @Prop({ type: Boolean, default: true })
  record?: boolean;

  /** Its lessons are open to view-only audiences (名校网络课堂; copied to each materialised lesson). */
  @Prop({ type: Boolean, default: false })
  broadcast?: boolean;

  @Prop({ type: 'ObjectId', required: true })
  createdBy!: Types.ObjectId;
}

export const CourseScheduleSchema = SchemaFactory.createForClass(CourseSchedule);
CourseScheduleSchema.index({ communityId: 1, termId: 1, weekday: 1 });
CourseScheduleSchema.index({ communityId: 1, leadTeacherId: 1 });
CourseScheduleSchema.index({ communityId: 1, classroomIds: 1 });
