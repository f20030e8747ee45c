import type { EvaluationView, TimedCommentView } from '@tongke/contracts';
import type { PersonRef } from './evaluation-people.service';
import type { Evaluation } from './evaluation.schema';
import type { TimedComment } from './timed-comment.schema';

export function evaluationView(doc: Evaluation, observer: PersonRef): EvaluationView {
  return {
    id: doc._id.toHexString(),
    activityId: doc.activityId.toHexString(),
    rubricId: doc.rubricId,
    observer,
    mode: doc.mode,
    scores: { ...doc.scores },
    summary: doc.summary,
    submitted: doc.submitted,
    ...(doc.submittedAt && { submittedAt: doc.submittedAt.toISOString() }),
    updatedAt: (doc.updatedAt ?? doc.createdAt ?? new Date()).toISOString(),
  };
}

export function timedCommentView(doc: TimedComment, author: PersonRef): TimedCommentView {
  return {
    id: doc._id.toHexString(),
    activityId: doc.activityId.toHexString(),
    atS: doc.atS,
    text: doc.text,
    author: { id: author.id, name: author.name },
    createdAt: (doc.createdAt ?? new Date()).toISOString(),
  };
}
