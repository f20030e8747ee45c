import type { ActivityKind, CreateActivityRequest, Subject } from '@tongke/contracts';

/** The 新建活动 form's state (plannedAt as the datetime-local input gives it: local time). */
export interface NewActivityForm {
  groupId: string;
  kind: ActivityKind;
  title: string;
  topic: string;
  subject: Subject;
  grade: number;
  teacherId: string;
  /** `YYYY-MM-DDTHH:mm` in the browser's time zone. */
  plannedAt: string;
  planId: string;
  /** '' for the built-in rubric (lesson studies only). */
  rubricId: string;
}

export type NewActivityProblem = 'title' | 'plannedAt' | 'group';

/** `YYYY-MM-DDTHH:mm` local time for a datetime-local input. */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The request for the form, or the first problem found. */
export function toCreateActivityRequest(form: NewActivityForm): CreateActivityRequest | NewActivityProblem {
  if (!/^[0-9a-f]{24}$/.test(form.groupId)) return 'group';
  const title = form.title.trim();
  if (!title) return 'title';
  const planned = new Date(form.plannedAt);
  if (!form.plannedAt || Number.isNaN(planned.getTime())) return 'plannedAt';
  return {
    groupId: form.groupId,
    kind: form.kind,
    title,
    topic: form.topic.trim(),
    subject: form.subject,
    grade: form.grade,
    plannedAt: planned.toISOString(),
    ...(form.teacherId && { teacherId: form.teacherId }),
    ...(form.planId && { planId: form.planId }),
    // Only lessons are scored: a meeting keeps no rubric.
    ...(form.rubricId && form.kind === 'lesson-study' && { rubricId: form.rubricId }),
  };
}

/** A date and time for display, in the UI's locale. */
export function formatWhen(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
