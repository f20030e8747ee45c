import type { PlanSection } from '@tongke/contracts';
import type { CommentAnchor } from './comment-anchors';

/** Text selected in one of the plan's editors, anchored when selected (for 添加批注). */
export interface PlanSelection extends CommentAnchor {
  section: PlanSection;
  quote: string;
}
