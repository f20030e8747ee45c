import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { RESOURCE_VISIBILITIES, type ResourceVisibility } from '@tongke/contracts';
import type { Types } from 'mongoose';

/** A rebroadcast channel (空中云课堂): plays scheduled library resources as a live stream. */
@Schema({ collection: 'library_channels', timestamps: true })
export class Channel {
  _id!: Types.ObjectId;

  @Prop({ type: 'ObjectId', required: true })
  communityId!: Types.ObjectId;

  /** The community's district (for `district` visibility). */
  @Prop({ type: String, required: true })
  district!: string;

  @Prop({ type: String, required: true, trim: true })
  name!: string;

  @Prop({ type: String, default: '' })
  description!: string;

  @Prop({ type: String, required: true, enum: RESOURCE_VISIBILITIES, default: 'community' })
  visibility!: ResourceVisibility;

  @Prop({ type: 'ObjectId', required: true })
  createdBy!: Types.ObjectId;

  createdAt!: Date;
  updatedAt!: Date;
}

export const ChannelSchema = SchemaFactory.createForClass(Channel);
ChannelSchema.index({ communityId: 1, name: 1 }, { unique: true });
ChannelSchema.index({ visibility: 1, district: 1 });
