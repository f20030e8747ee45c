import type { CreateInstantLessonRequest, Subject } from '@tongke/contracts';

export interface NewLessonForm {
  title: string;
  subject: Subject;
  grade: number;
  classroomIds: string[];
  durationMin: number;
  /** 录制: record into the library (default on). */
  record: boolean;
  /** 直播: open to view-only audiences of the community (名校网络课堂, default off). */
  broadcast: boolean;
}

export type NewLessonProblem = 'title' | 'classrooms' | 'duration';

/** The request to send, or the first problem to show (the API checks again). */
export function toCreateRequest(form: NewLessonForm): CreateInstantLessonRequest | NewLessonProblem {
  const title = form.title.trim();
  if (!title || title.length > 100) return 'title';
  if (form.classroomIds.length === 0) return 'classrooms';
  const duration = Number(form.durationMin);
  if (!Number.isInteger(duration) || duration < 5 || duration > 240) return 'duration';
  return {
    title,
    subject: form.subject,
    grade: Number(form.grade),
    classroomIds: [...form.classroomIds],
    durationMin: duration,
    record: form.record,
    broadcast: form.broadcast,
  };
}
