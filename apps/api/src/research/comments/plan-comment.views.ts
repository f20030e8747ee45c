import type { PlanCommentView } from '@tongke/contracts';
import type { CommunityDirectory } from '../../org/directory/community-directory';
import { personRef } from '../groups/research-group.views';
import type { PlanComment } from './plan-comment.schema';

export function toPlanCommentView(comment: PlanComment, directory: CommunityDirectory): PlanCommentView {
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
