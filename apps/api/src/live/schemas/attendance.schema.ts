import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { LessonRole } from '@tongke/contracts';
import { SessionEntry } from './session-entry.base';

/** A closed connection interval of one participant. */
export interface ClosedInterval {
  joinedAt: Date;
  leftAt: Date;
}

/**
 * Who was connected to a lesson when: one document per session and peer identity. Closed
 * intervals are appended; the open one lives in `openSince`, so opening and closing are each
 * one conditional single-document update (FerretDB has no positional array updates).
 */
@Schema({ collection: 'live_attendance', timestamps: true })
export class Attendance extends SessionEntry {
  @Prop({ type: String, required: true })
  peerId!: string;

  @Prop({ type: String, required: true })
  userId!: string;

  @Prop({ type: String, required: true })
  name!: string;

  @Prop({ type: String, required: true, enum: LessonRole })
  role!: LessonRole;

  @Prop({ type: String })
  classroomId?: string;

  @Prop({ type: [{ _id: false, joinedAt: { type: Date, required: true }, leftAt: { type: Date, required: true } }] })
  intervals!: ClosedInterval[];

  @Prop({ type: Date, default: null })
  openSince!: Date | null;
}

export const AttendanceSchema = SchemaFactory.createForClass(Attendance);
AttendanceSchema.index({ sessionId: 1, peerId: 1 }, { unique: true });
AttendanceSchema.index({ communityId: 1, sessionId: 1 });
