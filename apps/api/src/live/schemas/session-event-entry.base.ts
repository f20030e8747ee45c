import { Prop } from '@nestjs/mongoose';
import { SessionEntry } from './session-entry.base';

/** A record entry stored from one lesson record event (a retried event is stored once). */
export abstract class SessionEventEntry extends SessionEntry {
  /** The lesson record event that carried it. */
  @Prop({ type: String, required: true })
  eventId!: string;

  @Prop({ type: Date, required: true })
  at!: Date;
}
