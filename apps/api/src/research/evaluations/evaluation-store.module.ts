import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { EvaluationRepository } from './evaluation.repository';
import { Evaluation, EvaluationSchema } from './evaluation.schema';
import { TimedCommentRepository } from './timed-comment.repository';
import { TimedComment, TimedCommentSchema } from './timed-comment.schema';

/**
 * The evaluations and timestamped comments collections. Other research modules import this one for
 * counts (EvaluationRepository.countSubmitted for the activity timeline) without the routes.
 */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: Evaluation.name, schema: EvaluationSchema },
      { name: TimedComment.name, schema: TimedCommentSchema },
    ]),
  ],
  providers: [EvaluationRepository, TimedCommentRepository],
  exports: [EvaluationRepository, TimedCommentRepository],
})
export class EvaluationStoreModule {}
