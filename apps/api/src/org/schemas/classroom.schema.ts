import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { Types } from 'mongoose';

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
}

export const ClassroomSchema = SchemaFactory.createForClass(Classroom);
ClassroomSchema.index({ communityId: 1, schoolId: 1, name: 1 }, { unique: true });
