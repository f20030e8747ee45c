import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { ACTIVITY_KINDS, SUBJECTS, type ActivityKind, type Subject } from '@tongke/contracts';
import type { Types } from 'mongoose';

/** 课后返研: the reflection saved on an activity (by its teacher or the group lead). */
@Schema({ _id: false })
export class ActivityReflection {
  @Prop({ type: String, required: true })
  text!: string;

  @Prop({ type: 'ObjectId', required: true })
  byId!: Types.ObjectId;

  @Prop({ type: Date, required: true })
  at!: Date;
}
export const ActivityReflectionSchema = SchemaFactory.createForClass(ActivityReflection);

/**
 * A research activity (一课双研 / 网络教研) of a research group: links the co-planned lesson plan,
 * the live session it was taught (or met) in, and the reflection. The recording and the
 * evaluations are found through the session and the evaluations collection.
 */
@Schema({ collection: 'research_activities', timestamps: true })
export class ResearchActivity {
  _id!: Types.ObjectId;

  @Prop({ type: 'ObjectId', required: true, index: true })
  communityId!: Types.ObjectId;

  @Prop({ type: 'ObjectId', required: true, index: true })
  groupId!: Types.ObjectId;

  @Prop({ type: String, required: true, enum: ACTIVITY_KINDS })
  kind!: ActivityKind;

  @Prop({ type: String, required: true, trim: true })
  title!: string;

  @Prop({ type: String, default: '' })
  topic!: string;

  @Prop({ type: String, required: true, enum: SUBJECTS })
  subject!: Subject;

  @Prop({ type: Number, required: true, min: 1, max: 9 })
  grade!: number;

  /** 授课教师 (lesson-study) or host (meeting): a lead or member of the group. */
  @Prop({ type: 'ObjectId', required: true })
  teacherId!: Types.ObjectId;

  @Prop({ type: Date, required: true })
  plannedAt!: Date;

  @Prop({ type: 'ObjectId' })
  planId?: Types.ObjectId;

  /** When the plan was linked (the timeline's `plan` stage). */
  @Prop({ type: Date })
  planLinkedAt?: Date;

  @Prop({ type: 'ObjectId' })
  sessionId?: Types.ObjectId;

  @Prop({ type: String })
  rubricId?: string;

  @Prop({ type: ActivityReflectionSchema })
  reflection?: ActivityReflection;

  @Prop({ type: 'ObjectId', required: true })
  createdBy!: Types.ObjectId;

  createdAt?: Date;
  updatedAt?: Date;
}

export const ResearchActivitySchema = SchemaFactory.createForClass(ResearchActivity);
ResearchActivitySchema.index({ communityId: 1, groupId: 1, plannedAt: 1 });
