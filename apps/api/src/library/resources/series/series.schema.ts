import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { RESOURCE_VISIBILITIES, SUBJECTS, type ResourceVisibility, type Subject } from '@tongke/contracts';
import { Schema as MongooseSchema, type Types } from 'mongoose';
import type { PersonRef } from '../resource.schema';

/** A series (课程专辑): an ordered playlist of library resources, owned by a community. */
@Schema({ collection: 'library_series', timestamps: true })
export class Series {
  _id!: Types.ObjectId;

  @Prop({ type: 'ObjectId', required: true })
  communityId!: Types.ObjectId;

  /** The community's district (for `district` visibility). */
  @Prop({ type: String, required: true })
  district!: string;

  @Prop({ type: String, required: true, trim: true })
  title!: string;

  @Prop({ type: String, default: '' })
  description!: string;

  @Prop({ type: String, enum: SUBJECTS })
  subject?: Subject;

  @Prop({ type: Number, min: 1, max: 9 })
  grade?: number;

  @Prop({ type: String, required: true, enum: RESOURCE_VISIBILITIES, default: 'community' })
  visibility!: ResourceVisibility;

  /** In playlist order; may name resources of other communities (district and public ones). */
  @Prop({ type: [MongooseSchema.Types.ObjectId], default: [] })
  resourceIds!: Types.ObjectId[];

  /** The creator's school (its school admin manages the series). */
  @Prop({ type: { _id: false, id: { type: 'ObjectId', required: true }, name: { type: String, required: true } } })
  school?: PersonRef;

  @Prop({ type: 'ObjectId', required: true })
  createdBy!: Types.ObjectId;

  createdAt!: Date;
  updatedAt!: Date;
}

export const SeriesSchema = SchemaFactory.createForClass(Series);
SeriesSchema.index({ communityId: 1, createdAt: -1 });
SeriesSchema.index({ visibility: 1, district: 1 });
SeriesSchema.index({ resourceIds: 1 });
