import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { Types } from 'mongoose';

@Schema({ _id: false })
export class RubricItem {
  @Prop({ type: String, required: true })
  key!: string;

  @Prop({ type: String, required: true })
  name!: string;

  @Prop({ type: String })
  description?: string;

  @Prop({ type: Number, required: true })
  minScore!: number;

  @Prop({ type: Number, required: true })
  maxScore!: number;
}
export const RubricItemSchema = SchemaFactory.createForClass(RubricItem);

@Schema({ _id: false })
export class RubricDimension {
  @Prop({ type: String, required: true })
  key!: string;

  @Prop({ type: String, required: true })
  name!: string;

  @Prop({ type: Number, required: true })
  weight!: number;

  @Prop({ type: [RubricItemSchema], default: [] })
  items!: RubricItem[];
}
export const RubricDimensionSchema = SchemaFactory.createForClass(RubricDimension);

/** A community's own 课堂教学评价表 (the built-in rubric `default` is not stored). */
@Schema({ collection: 'research_rubrics', timestamps: true })
export class Rubric {
  _id!: Types.ObjectId;

  @Prop({ type: 'ObjectId', required: true, index: true })
  communityId!: Types.ObjectId;

  @Prop({ type: String, required: true, trim: true })
  name!: string;

  @Prop({ type: [RubricDimensionSchema], default: [] })
  dimensions!: RubricDimension[];

  @Prop({ type: 'ObjectId', required: true })
  createdBy!: Types.ObjectId;

  createdAt?: Date;
  updatedAt?: Date;
}

export const RubricSchema = SchemaFactory.createForClass(Rubric);
