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

/** `resourceId`: the recording of the comment's session, if processed. */
export function timedCommentView(doc: TimedComment, author: PersonRef, resourceId?: string): TimedCommentView {
  return {
    id: doc._id.toHexString(),
    activityId: doc.activityId.toHexString(),
    atS: doc.atS,
    text: doc.text,
    author: { id: author.id, name: author.name },
    ...(doc.sessionId && { sessionId: doc.sessionId.toHexString() }),
    ...(resourceId && { resourceId }),
    createdAt: (doc.createdAt ?? new Date()).toISOString(),
  };
}
