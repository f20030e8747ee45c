import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { QuizKind, QuizTally } from '@tongke/contracts';
import { SessionEntry } from './session-entry.base';

/** A classroom's latest answer to a quiz. */
export interface QuizAnswer {
  classroomId: string;
  name: string;
  choices: number[];
  at: Date;
}

const answerDefinition = {
  _id: false,
  classroomId: { type: String, required: true },
  name: { type: String, required: true },
  choices: { type: [Number], required: true },
  at: { type: Date, required: true },
};

const tallyDefinition = {
  _id: false,
  counts: { type: [Number], required: true },
  answered: { type: Number, required: true },
  expected: { type: Number, required: true },
  answers: { type: [{ ...answerDefinition, at: { type: String, required: true } }], required: true },
};

/** A quick quiz (随堂测验) of one lesson, with each classroom's latest answer and the final tally. */
@Schema({ collection: 'live_quizzes' })
export class Quiz extends SessionEntry {
  /** The media node's quiz id (what participants saw). */
  @Prop({ type: String, required: true })
  quizId!: string;

  @Prop({ type: String, required: true })
  question!: string;

  @Prop({ type: String, required: true, enum: ['single', 'multiple'] })
  kind!: QuizKind;

  @Prop({ type: [String], required: true })
  options!: string[];

  @Prop({ type: [Number], default: undefined })
  correct?: number[];

  @Prop({ type: Number, required: true })
  durationSec!: number;

  @Prop({ type: Date, required: true })
  startedAt!: Date;

  @Prop({ type: Date, required: true })
  endsAt!: Date;

  @Prop({ type: Date, default: null })
  endedAt!: Date | null;

  /** Latest answer per classroom, keyed by classroom id (set with one `$set` per answer). */
  @Prop({ type: Map, of: answerDefinition, default: {} })
  answers!: Record<string, QuizAnswer>;

  /** The tally the media node reported when the quiz ended. */
  @Prop({ type: tallyDefinition, default: null })
  tally!: QuizTally | null;
}

export const QuizSchema = SchemaFactory.createForClass(Quiz);
QuizSchema.index({ sessionId: 1, quizId: 1 }, { unique: true });
QuizSchema.index({ communityId: 1, sessionId: 1, startedAt: 1 });
