import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { Types } from 'mongoose';

/** A class (班级) at a school: grade + class number, e.g. 四年级(2)班. */
@Schema({ collection: 'class_groups', timestamps: true })
export class ClassGroup {
  _id!: Types.ObjectId;

  @Prop({ type: 'ObjectId', required: true, index: true })
  communityId!: Types.ObjectId;

  @Prop({ type: 'ObjectId', required: true })
  schoolId!: Types.ObjectId;

  @Prop({ type: Number, required: true, min: 1, max: 9 })
  grade!: number;

  @Prop({ type: Number, required: true, min: 1, max: 50 })
  classNumber!: number;

  @Prop({ type: 'ObjectId' })
  headTeacherId?: Types.ObjectId;

  @Prop({ type: Number, min: 0, default: 0 })
  studentCount!: number;

  /** The room the class usually sits in. */
  @Prop({ type: 'ObjectId' })
  classroomId?: Types.ObjectId;

  /** Set when rows came from a bulk import (all rows of a failed import are removed by it). */
  @Prop({ type: 'ObjectId' })
  importId?: Types.ObjectId;
}

export const ClassGroupSchema = SchemaFactory.createForClass(ClassGroup);
ClassGroupSchema.index({ communityId: 1, schoolId: 1, grade: 1, classNumber: 1 }, { unique: true });
