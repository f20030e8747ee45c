import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { EVALUATION_MODES, type EvaluationMode } from '@tongke/contracts';
import type { Types } from 'mongoose';

/** One observer's scores of one research activity (one per observer and activity). */
@Schema({ collection: 'research_evaluations', timestamps: true })
export class Evaluation {
  _id!: Types.ObjectId;

  @Prop({ type: 'ObjectId', required: true, index: true })
  communityId!: Types.ObjectId;

  @Prop({ type: 'ObjectId', required: true, index: true })
  activityId!: Types.ObjectId;

  /** The rubric scored against (`default` or a community rubric's id). */
  @Prop({ type: String, required: true })
  rubricId!: string;

  @Prop({ type: 'ObjectId', required: true })
  observerId!: Types.ObjectId;

  @Prop({ type: String, required: true, enum: EVALUATION_MODES })
  mode!: EvaluationMode;

  /** item key → score */
  @Prop({ type: Object, default: {} })
  scores!: Record<string, number>;

  @Prop({ type: String, default: '' })
  summary!: string;

  @Prop({ type: Boolean, default: false })
  submitted!: boolean;

  @Prop({ type: Date })
  submittedAt?: Date;

  createdAt?: Date;
  updatedAt?: Date;
}

export const EvaluationSchema = SchemaFactory.createForClass(Evaluation);
EvaluationSchema.index({ activityId: 1, observerId: 1 }, { unique: true });
