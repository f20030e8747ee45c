import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { QuizTally } from '@tongke/contracts';
import type { Model, Types } from 'mongoose';
import { type QuizAnswer, Quiz } from '../schemas/quiz.schema';

export type NewQuiz = Omit<Quiz, '_id' | 'answers' | 'tally' | 'endedAt'>;

@Injectable()
export class QuizRepository {
  constructor(@InjectModel(Quiz.name) private readonly model: Model<Quiz>) {}

  /** Stores the quiz once per quiz id. */
  async start(doc: NewQuiz): Promise<void> {
    const { communityId, sessionId, quizId, ...rest } = doc;
    await this.model
      .updateOne(
        { communityId, sessionId, quizId },
        { $setOnInsert: { ...rest, answers: {}, tally: null, endedAt: null } },
        { upsert: true },
      )
      .exec();
  }

  find(communityId: Types.ObjectId, sessionId: Types.ObjectId, quizId: string): Promise<Quiz | null> {
    return this.model.findOne({ communityId, sessionId, quizId }).lean().exec();
  }

  /**
   * Keeps the classroom's latest answer: one `$set` of that classroom's entry, applied
   * unless a later answer is already stored. `answer.classroomId` must be an ObjectId hex.
   */
  async answer(communityId: Types.ObjectId, sessionId: Types.ObjectId, quizId: string, answer: QuizAnswer) {
    const path = `answers.${answer.classroomId}`;
    await this.model
      .updateOne(
        {
          communityId,
          sessionId,
          quizId,
          $or: [{ [path]: { $exists: false } }, { [`${path}.at`]: { $lte: answer.at } }],
        },
        { $set: { [path]: answer } },
      )
      .exec();
  }

  /** Closes the quiz with the media node's final tally (the first end wins). */
  async end(communityId: Types.ObjectId, sessionId: Types.ObjectId, quizId: string, at: Date, tally: QuizTally) {
    await this.model
      .updateOne({ communityId, sessionId, quizId, endedAt: null }, { $set: { endedAt: at, tally } })
      .exec();
  }

  findBySession(communityId: Types.ObjectId, sessionId: Types.ObjectId): Promise<Quiz[]> {
    return this.model.find({ communityId, sessionId }).sort({ startedAt: 1, _id: 1 }).lean().exec();
  }
}
