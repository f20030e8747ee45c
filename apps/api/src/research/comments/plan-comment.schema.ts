import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { PLAN_SECTIONS, type PlanSection } from '@tongke/contracts';
import type { Types } from 'mongoose';

@Schema({ _id: true })
export class PlanCommentReply {
  _id!: Types.ObjectId;

  @Prop({ type: 'ObjectId', required: true })
  authorId!: Types.ObjectId;

  @Prop({ type: String, required: true })
  text!: string;

  @Prop({ type: Date, required: true })
  createdAt!: Date;
}
export const PlanCommentReplySchema = SchemaFactory.createForClass(PlanCommentReply);

/** An inline comment on a lesson plan, anchored by Yjs relative positions (base64). */
@Schema({ collection: 'plan_comments', timestamps: true })
export class PlanComment {
  _id!: Types.ObjectId;

  @Prop({ type: 'ObjectId', required: true, index: true })
  communityId!: Types.ObjectId;

  @Prop({ type: 'ObjectId', required: true, index: true })
  planId!: Types.ObjectId;

  @Prop({ type: String, required: true, enum: PLAN_SECTIONS })
  section!: PlanSection;

  @Prop({ type: String, required: true })
  anchorStart!: string;

  @Prop({ type: String, required: true })
  anchorEnd!: string;

  @Prop({ type: String, default: '' })
  quote!: string;

  @Prop({ type: String, required: true })
  text!: string;

  @Prop({ type: 'ObjectId', required: true })
  authorId!: Types.ObjectId;

  @Prop({ type: Boolean, default: false })
  resolved!: boolean;

  @Prop({ type: [PlanCommentReplySchema], default: [] })
  replies!: PlanCommentReply[];

  createdAt?: Date;
  updatedAt?: Date;
}

export const PlanCommentSchema = SchemaFactory.createForClass(PlanComment);
