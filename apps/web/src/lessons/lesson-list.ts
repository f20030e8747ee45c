import type { LiveSessionView } from '@tongke/contracts';

// Today's lessons (今日课堂): what state each lesson is in for the person looking, when its
// room opens, and whether the enter button works. The server's `open` decides entry; the
// page asks again the moment a countdown reaches the opening time.

/** 未开始 / 可进入 / 上课中 / 已结束 / 缺课 / 已取消 */
export type LessonPhase = 'upcoming' | 'open' | 'live' | 'ended' | 'missed' | 'cancelled';

const PHASE_ORDER: Record<LessonPhase, number> = { live: 0, open: 1, upcoming: 2, ended: 3, missed: 3, cancelled: 3 };

export function lessonPhase(lesson: LiveSessionView): LessonPhase {
  switch (lesson.status) {
    case 'live':
    case 'ended':
    case 'missed':
    case 'cancelled':
      return lesson.status;
    default:
      return lesson.open ? 'open' : 'upcoming';
  }
}

/** Lessons in progress or open first, then the ones to come, then the finished ones; each by start. */
export function sortToday(lessons: LiveSessionView[]): LiveSessionView[] {
  return [...lessons].sort(
    (a, b) => PHASE_ORDER[lessonPhase(a)] - PHASE_ORDER[lessonPhase(b)] || a.plannedStart.localeCompare(b.plannedStart),
  );
}

/** What the lesson's button does: enter in one's own role, observe, or nothing (finished / not a participant). */
export function lessonAction(lesson: LiveSessionView): 'join' | 'observe' | null {
  const phase = lessonPhase(lesson);
  if (!lesson.myRole || phase === 'ended' || phase === 'missed' || phase === 'cancelled') return null;
  return lesson.myRole === 'observer' ? 'observe' : 'join';
}

/** The button works once the room is open (a live lesson always is). */
export const canEnter = (lesson: LiveSessionView) => lesson.open || lesson.status === 'live';

/** Time left until `iso`: `m:ss` under an hour, `h:mm:ss` beyond; `0:00` once reached. */
export function countdown(iso: string, now: number): string {
  const total = Math.max(0, Math.ceil((new Date(iso).getTime() - now) / 1000));
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** A lesson's room opened since the list was fetched: fetch again so its button turns on. */
export function refreshDue(lessons: LiveSessionView[], now: number, fetchedAt: number): boolean {
  return lessons.some((l) => {
    if (l.status !== 'scheduled' || l.open) return false;
    const opens = new Date(l.opensAt).getTime();
    return opens > fetchedAt && opens <= now;
  });
}

/** The zone lesson times are shown in until the community's is known (the API's default). */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** HH:mm in the community's time zone (the timetable's times), whatever the browser's zone. */
export const clockTime = (iso: string, timeZone: string = DEFAULT_TIME_ZONE) =>
  new Date(iso).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone });
