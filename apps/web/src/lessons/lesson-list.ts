import type { LiveSessionView } from '@tongke/contracts';

const ORDER = { live: 0, scheduled: 1, ended: 2 } as const;

const sameDay = (iso: string | undefined, now: Date) => {
  if (!iso) return false;
  const d = new Date(iso);
  return d.getFullYear() === now.getFullYear() && d.getMonth() === now.getMonth() && d.getDate() === now.getDate();
};

/** Today's lessons and any live one: live first, then not started, then ended; by planned start. */
export function todaysLessons(lessons: LiveSessionView[], now = new Date()): LiveSessionView[] {
  return lessons
    .filter((l) => l.status === 'live' || sameDay(l.plannedStart, now) || sameDay(l.endedAt, now))
    .sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.plannedStart.localeCompare(b.plannedStart));
}

/** What the lesson's button does: enter in one's own role, observe, or nothing (ended / not a participant). */
export function lessonAction(lesson: LiveSessionView): 'join' | 'observe' | null {
  if (lesson.status === 'ended' || !lesson.myRole) return null;
  return lesson.myRole === 'observer' ? 'observe' : 'join';
}

/** HH:MM in the browser's time zone. */
export const clockTime = (iso: string) =>
  new Date(iso).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false });
