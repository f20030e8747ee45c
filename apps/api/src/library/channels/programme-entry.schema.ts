import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SUBJECTS, type Subject } from '@tongke/contracts';
import type { Types } from 'mongoose';

/**
 * One programme of a channel: a library resource airing from `startsAt` to `endsAt` (= startsAt +
 * the resource's duration). Title, subject and grade are a snapshot taken when it was scheduled.
 */
@Schema({ collection: 'library_programme_entries', timestamps: true })
export class ProgrammeEntry {
  _id!: Types.ObjectId;

  @Prop({ type: 'ObjectId', required: true })
  communityId!: Types.ObjectId;

  @Prop({ type: 'ObjectId', required: true })
  channelId!: Types.ObjectId;

  @Prop({ type: 'ObjectId', required: true })
  resourceId!: Types.ObjectId;

  @Prop({ type: String, required: true })
  title!: string;

  @Prop({ type: String, required: true, enum: SUBJECTS })
  subject!: Subject;

  @Prop({ type: Number, required: true })
  grade!: number;

  /** On the channel's segment grid (a whole multiple of the HLS segment length since the epoch). */
  @Prop({ type: Date, required: true })
  startsAt!: Date;

  @Prop({ type: Date, required: true })
  endsAt!: Date;

  @Prop({ type: 'ObjectId', required: true })
  createdBy!: Types.ObjectId;

  createdAt!: Date;
  updatedAt!: Date;
}

export const ProgrammeEntrySchema = SchemaFactory.createForClass(ProgrammeEntry);
// Two entries of a channel never start together (overlaps are checked under a lock before insert).
ProgrammeEntrySchema.index({ channelId: 1, startsAt: 1 }, { unique: true });
ProgrammeEntrySchema.index({ communityId: 1, channelId: 1, endsAt: 1 });
