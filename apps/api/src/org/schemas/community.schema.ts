import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { CommunityKind } from '@tongke/contracts';
import type { HydratedDocument, Types } from 'mongoose';
import { watchOrgWrites } from '../directory/org-write.hooks';

/** A school community / education group / alliance (教共体 / 教育集团 / 联盟). */
@Schema({ collection: 'communities', timestamps: true })
export class Community {
  _id!: Types.ObjectId;

  @Prop({ type: String, required: true, trim: true })
  name!: string;

  @Prop({ type: String, required: true, enum: ['community', 'group', 'alliance'] })
  kind!: CommunityKind;

  /** The district (education bureau) the community belongs to. */
  @Prop({ type: String, required: true, trim: true })
  district!: string;

  @Prop({ type: 'ObjectId' })
  leadSchoolId?: Types.ObjectId;

  /** IANA zone of the community's dates and times (timetables, "today"). */
  @Prop({ type: String, default: 'Asia/Shanghai' })
  timeZone?: string;
}

export type CommunityDocument = HydratedDocument<Community>;
export const CommunitySchema = SchemaFactory.createForClass(Community);
// Writes drop the org directory's cached entries (here and, through Redis, in every API process).
watchOrgWrites(CommunitySchema, '_id');
CommunitySchema.index({ district: 1, name: 1 }, { unique: true });
