import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SUBJECTS, type Subject } from '@tongke/contracts';
import type { Types } from 'mongoose';

/**
 * A lesson plan's metadata. Its content is the Yjs document `plan:<_id>` (stored by the collab
 * module as updates and snapshots).
 */
@Schema({ collection: 'lesson_plans', timestamps: true })
export class LessonPlan {
  _id!: Types.ObjectId;

  @Prop({ type: 'ObjectId', required: true, index: true })
  communityId!: Types.ObjectId;

  @Prop({ type: 'ObjectId', required: true, index: true })
  groupId!: Types.ObjectId;

  @Prop({ type: String, required: true, trim: true })
  title!: string;

  @Prop({ type: String, default: '' })
  topic!: string;

  @Prop({ type: String, required: true, enum: SUBJECTS })
  subject!: Subject;

  @Prop({ type: Number, required: true, min: 1, max: 9 })
  grade!: number;

  @Prop({ type: String })
  textbookEdition?: string;

  @Prop({ type: String })
  chapter?: string;

  @Prop({ type: 'ObjectId', required: true })
  authorId!: Types.ObjectId;

  createdAt?: Date;
  updatedAt?: Date;
}

export const LessonPlanSchema = SchemaFactory.createForClass(LessonPlan);
