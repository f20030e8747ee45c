import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { Types } from 'mongoose';

/** A user marked a resource as a favourite (收藏). One per user and resource. */
@Schema({ collection: 'library_favourites', timestamps: { createdAt: true, updatedAt: false } })
export class Favourite {
  _id!: Types.ObjectId;

  @Prop({ type: 'ObjectId', required: true })
  userId!: Types.ObjectId;

  @Prop({ type: 'ObjectId', required: true })
  resourceId!: Types.ObjectId;

  /** The resource's community (a user may favour district and public resources of other communities). */
  @Prop({ type: 'ObjectId', required: true })
  communityId!: Types.ObjectId;

  createdAt!: Date;
}

export const FavouriteSchema = SchemaFactory.createForClass(Favourite);
FavouriteSchema.index({ userId: 1, resourceId: 1 }, { unique: true });
FavouriteSchema.index({ resourceId: 1 });
