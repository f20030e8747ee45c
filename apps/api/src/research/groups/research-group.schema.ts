import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { GROUP_KINDS, GROUP_ROLES, SUBJECTS, type GroupKind, type GroupRole, type Subject } from '@tongke/contracts';
import type { Types } from 'mongoose';

/** A member of a research group (the lead is a member with role `lead`). */
@Schema({ _id: false })
export class GroupMember {
  @Prop({ type: 'ObjectId', required: true })
  userId!: Types.ObjectId;

  @Prop({ type: String, required: true, enum: GROUP_ROLES })
  role!: GroupRole;

  @Prop({ type: Date, required: true })
  joinedAt!: Date;
}
export const GroupMemberSchema = SchemaFactory.createForClass(GroupMember);

/** 师徒结对 inside a group. */
@Schema({ _id: true })
export class Mentorship {
  _id!: Types.ObjectId;

  @Prop({ type: 'ObjectId', required: true })
  mentorId!: Types.ObjectId;

  @Prop({ type: 'ObjectId', required: true })
  menteeId!: Types.ObjectId;

  @Prop({ type: Date, required: true })
  since!: Date;

  @Prop({ type: String, default: '' })
  note!: string;
}
export const MentorshipSchema = SchemaFactory.createForClass(Mentorship);

/** 教研组 / 名师工作室 of one community. */
@Schema({ collection: 'research_groups', timestamps: true })
export class ResearchGroup {
  _id!: Types.ObjectId;

  @Prop({ type: 'ObjectId', required: true, index: true })
  communityId!: Types.ObjectId;

  @Prop({ type: String, required: true, enum: GROUP_KINDS })
  kind!: GroupKind;

  @Prop({ type: String, required: true, trim: true })
  name!: string;

  @Prop({ type: String, default: '' })
  description!: string;

  @Prop({ type: String, enum: SUBJECTS })
  subject?: Subject;

  @Prop({ type: [Number], default: [] })
  grades!: number[];

  @Prop({ type: 'ObjectId', required: true })
  leadId!: Types.ObjectId;

  /** Every member including the lead (role `lead`). */
  @Prop({ type: [GroupMemberSchema], default: [] })
  members!: GroupMember[];

  @Prop({ type: [MentorshipSchema], default: [] })
  mentorships!: Mentorship[];

  createdAt?: Date;
  updatedAt?: Date;
}

export const ResearchGroupSchema = SchemaFactory.createForClass(ResearchGroup);
ResearchGroupSchema.index({ communityId: 1, name: 1 }, { unique: true });
