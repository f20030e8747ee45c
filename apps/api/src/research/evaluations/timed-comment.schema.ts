import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { Types } from 'mongoose';

/** A comment at a second of an activity's lesson (live: since it started; recording: player time). */
@Schema({ collection: 'research_timed_comments', timestamps: { createdAt: true, updatedAt: false } })
export class TimedComment {
  _id!: Types.ObjectId;

  @Prop({ type: 'ObjectId', required: true, index: true })
  communityId!: Types.ObjectId;

  @Prop({ type: 'ObjectId', required: true, index: true })
  activityId!: Types.ObjectId;

  /** The activity's live session the comment is about (its recording is where `atS` points). */
  @Prop({ type: 'ObjectId' })
  sessionId?: Types.ObjectId;

  @Prop({ type: Number, required: true, min: 0 })
  atS!: number;

  @Prop({ type: String, required: true })
  text!: string;

  @Prop({ type: 'ObjectId', required: true })
  authorId!: Types.ObjectId;

  createdAt?: Date;
}

export const TimedCommentSchema = SchemaFactory.createForClass(TimedComment);
