import type { PlanCommentView } from '@tongke/contracts';
import type { PeopleLookup } from '../access/district-people.directory';
import { personRef } from '../groups/research-group.views';
import type { PlanComment } from './plan-comment.schema';

export function toPlanCommentView(comment: PlanComment, directory: PeopleLookup): PlanCommentView {
  return {
    id: comment._id.toString(),
    planId: comment.planId.toString(),
    section: comment.section,
    anchorStart: comment.anchorStart,
    anchorEnd: comment.anchorEnd,
    quote: comment.quote ?? '',
    text: comment.text,
    author: personRef(directory, comment.authorId),
    createdAt: (comment.createdAt ?? new Date(0)).toISOString(),
    resolved: comment.resolved === true,
    replies: (comment.replies ?? []).map((r) => ({
      id: r._id.toString(),
      author: personRef(directory, r.authorId),
      text: r.text,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}
