import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { SchoolKind, SchoolStage } from '@tongke/contracts';
import type { Types } from 'mongoose';
import { watchOrgWrites } from '../directory/org-write.hooks';

@Schema({ collection: 'schools', timestamps: true })
export class School {
  _id!: Types.ObjectId;

  @Prop({ type: 'ObjectId', required: true, index: true })
  communityId!: Types.ObjectId;

  @Prop({ type: String, required: true, trim: true })
  name!: string;

  @Prop({ type: String, required: true, enum: ['urban', 'rural'] })
  kind!: SchoolKind;

  @Prop({ type: String, required: true, enum: ['primary', 'junior', 'nine_year'] })
  stage!: SchoolStage;

  @Prop({ type: String, trim: true, default: '' })
  address!: string;

  /** A teaching point (教学点): a small rural site, often a few grades and one room. */
  @Prop({ type: Boolean, default: false })
  teachingPoint!: boolean;

  @Prop({ type: Number, min: 0, default: 0 })
  studentCount!: number;

  /** Set when rows came from a bulk import (all rows of a failed import are removed by it). */
  @Prop({ type: 'ObjectId' })
  importId?: Types.ObjectId;
}

export const SchoolSchema = SchemaFactory.createForClass(School);
// Writes drop the org directory's cached entries (here and, through Redis, in every API process).
watchOrgWrites(SchoolSchema, 'communityId');
SchoolSchema.index({ communityId: 1, name: 1 }, { unique: true });
