import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { Types } from 'mongoose';
import { watchOrgWrites } from '../directory/org-write.hooks';

/** A physical room with a terminal (big touch screen, camera, microphone). */
@Schema({ collection: 'classrooms', timestamps: true })
export class Classroom {
  _id!: Types.ObjectId;

  @Prop({ type: 'ObjectId', required: true, index: true })
  communityId!: Types.ObjectId;

  @Prop({ type: 'ObjectId', required: true, index: true })
  schoolId!: Types.ObjectId;

  @Prop({ type: String, required: true, trim: true })
  name!: string;

  @Prop({ type: Number, min: 0, default: 0 })
  seats!: number;

  /** The terminal's model/description (e.g. 希沃 86 寸一体机). */
  @Prop({ type: String, trim: true, default: '' })
  terminalModel?: string;

  /** Set when rows came from a bulk import (all rows of a failed import are removed by it). */
  @Prop({ type: 'ObjectId' })
  importId?: Types.ObjectId;
}

export const ClassroomSchema = SchemaFactory.createForClass(Classroom);
// Writes drop the org directory's cached entries (here and, through Redis, in every API process).
watchOrgWrites(ClassroomSchema, 'communityId');
ClassroomSchema.index({ communityId: 1, schoolId: 1, name: 1 }, { unique: true });
