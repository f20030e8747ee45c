import { writtenHomeworkLimit } from '@tongke/contracts/research/homework-rules';
import type { PlanContent } from '@tongke/contracts/research/plan-doc';

/**
 * A template's content made fit for a plan of `grade`: grades 1–2 may get no written homework
 * ("双减"), so their 作业设计 items that are written become oral ones (the teacher rewords them);
 * other grades keep the content as it is. Answers a copy.
 */
export function contentForGrade(content: PlanContent, grade: number): PlanContent {
  const copy = structuredClone(content);
  if (writtenHomeworkLimit(grade) > 0) return copy;
  return { ...copy, homework: copy.homework.map((h) => (h.kind === 'written' ? { ...h, kind: 'oral' } : h)) };
}
