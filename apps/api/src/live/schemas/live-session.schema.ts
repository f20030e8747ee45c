import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import {
  type LessonEndReason,
  type LiveSessionKind,
  type LiveSessionStatus,
  SUBJECTS,
  type Subject,
} from '@tongke/contracts';
import { Schema as MongooseSchema, type Types } from 'mongoose';

export const LIVE_SESSION_STATUSES: readonly LiveSessionStatus[] = [
  'scheduled',
  'live',
  'ended',
  'missed',
  'cancelled',
];

/** One live lesson (课堂): instant (即时课堂) or materialised from a timetable. */
@Schema({ collection: 'live_sessions', timestamps: true })
export class LiveSession {
  _id!: Types.ObjectId;

  @Prop({ type: 'ObjectId', required: true })
  communityId!: Types.ObjectId;

  @Prop({ type: String, required: true, enum: ['instant', 'scheduled', 'meeting'] })
  kind!: LiveSessionKind;

  @Prop({ type: String, required: true, trim: true })
  title!: string;

  @Prop({ type: String, required: true, enum: SUBJECTS })
  subject!: Subject;

  @Prop({ type: Number, required: true, min: 1, max: 9 })
  grade!: number;

  @Prop({ type: 'ObjectId', required: true })
  leadTeacherId!: Types.ObjectId;

  /** Receiving classrooms (a meeting has none). */
  @Prop({ type: [MongooseSchema.Types.ObjectId], required: true })
  classroomIds!: Types.ObjectId[];

  /** 网络教研 (kind `meeting`): the members who join as MEMBER (the host is the lead teacher). */
  @Prop({ type: [MongooseSchema.Types.ObjectId], default: undefined })
  memberIds?: Types.ObjectId[];

  /**
   * 网络教研: who else may observe (the group's observers and members past the publishing limit);
   * besides them only research officers and community admins observe a meeting.
   */
  @Prop({ type: [MongooseSchema.Types.ObjectId], default: undefined })
  observerIds?: Types.ObjectId[];

  @Prop({
    type: String,
    required: true,
    enum: LIVE_SESSION_STATUSES,
    default: 'scheduled',
  })
  status!: LiveSessionStatus;

  @Prop({ type: Date, required: true })
  plannedStart!: Date;

  @Prop({ type: Date, required: true })
  plannedEnd!: Date;

  @Prop({ type: Date })
  startedAt?: Date;

  @Prop({ type: Date })
  endedAt?: Date;

  @Prop({ type: String, enum: ['ended_by_teacher', 'empty', 'server_shutdown'] })
  endReason?: LessonEndReason;

  /** The media node hosting the lesson (null until the first join places it). */
  @Prop({ type: String, default: null })
  mediaNodeId!: string | null;

  @Prop({ type: String, default: null })
  mediaUrl!: string | null;

  @Prop({ type: 'ObjectId', required: true })
  createdBy!: Types.ObjectId;

  /** Timetabled lessons: the course schedule, its term and the occurrence's original local date (YYYY-MM-DD). */
  @Prop({ type: 'ObjectId' })
  scheduleId?: Types.ObjectId;

  @Prop({ type: 'ObjectId' })
  termId?: Types.ObjectId;

  @Prop({ type: String })
  occurrenceDate?: string;

  /** Set when an exception moved this occurrence (its original date is `occurrenceDate`). */
  @Prop({ type: Boolean })
  moved?: boolean;

  /** Why a timetabled lesson was cancelled (holiday name or the exception's reason). */
  @Prop({ type: String })
  cancelReason?: string;

  /** Recorded into the library (a schedule or instant lesson can opt out). */
  @Prop({ type: Boolean, default: true })
  record!: boolean;

  /** Open to view-only audiences across the community (名校网络课堂). */
  @Prop({ type: Boolean, default: false })
  broadcast!: boolean;

  /** The library resource made from the lesson's recording. */
  @Prop({ type: 'ObjectId' })
  resourceId?: Types.ObjectId;

  createdAt?: Date;
}

export const LiveSessionSchema = SchemaFactory.createForClass(LiveSession);
LiveSessionSchema.index({ communityId: 1, createdAt: -1 });
LiveSessionSchema.index({ communityId: 1, plannedStart: 1 });
LiveSessionSchema.index({ communityId: 1, leadTeacherId: 1, plannedStart: 1 });
LiveSessionSchema.index({ communityId: 1, classroomIds: 1, plannedStart: 1 });
LiveSessionSchema.index({ communityId: 1, scheduleId: 1, occurrenceDate: 1 });
LiveSessionSchema.index({ status: 1, plannedEnd: 1 });
LiveSessionSchema.index({ communityId: 1, leadTeacherId: 1, createdAt: -1 });
LiveSessionSchema.index({ communityId: 1, classroomIds: 1, createdAt: -1 });
