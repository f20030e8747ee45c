import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SUBJECTS, type Subject } from '@tongke/contracts';
import type { PlanContent } from '@tongke/contracts/research/plan-doc';
import { Schema as MongooseSchema, type Types } from 'mongoose';

/** A group's saved starting point for new plans (a plan's content at the time it was saved). */
@Schema({ collection: 'plan_templates', timestamps: true })
export class PlanTemplate {
  _id!: Types.ObjectId;

  @Prop({ type: 'ObjectId', required: true, index: true })
  communityId!: Types.ObjectId;

  @Prop({ type: 'ObjectId', required: true, index: true })
  groupId!: Types.ObjectId;

  @Prop({ type: String, required: true, trim: true })
  name!: string;

  @Prop({ type: String, enum: SUBJECTS })
  subject?: Subject;

  @Prop({ type: MongooseSchema.Types.Mixed, required: true })
  content!: PlanContent;

  @Prop({ type: 'ObjectId', required: true })
  createdBy!: Types.ObjectId;

  createdAt?: Date;
  updatedAt?: Date;
}

export const PlanTemplateSchema = SchemaFactory.createForClass(PlanTemplate);
PlanTemplateSchema.index({ groupId: 1, name: 1 }, { unique: true });
