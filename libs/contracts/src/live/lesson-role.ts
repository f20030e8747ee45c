/** What a participant is in one live lesson (distinct from the account's Role). */
export enum LessonRole {
  /** 主讲教师: publishes camera (simulcast), mic and screen; sees every classroom; controls the lesson. */
  LEAD = 'lead',
  /** 听课教室: one classroom terminal (big screen); publishes the room camera and mic. */
  CLASSROOM = 'classroom',
  /** 助教: tied to one classroom; raises hand for it, mutes/unmutes it, sees its chat and quiz results. */
  ASSISTANT = 'assistant',
  /** 听课 (observer): receive-only, invisible to classrooms, leaves timestamped notes. */
  OBSERVER = 'observer',
  /**
   * 直播观众 (名校网络课堂 broadcast audience): view-only, receives the lead's tracks and the
   * on-stage classroom on a viewer router; nobody sees viewers and they never count as classrooms.
   */
  VIEWER = 'viewer',
  /**
   * 教研成员 in an online research meeting (网络教研, session kind `meeting`): publishes camera, mic
   * and screen, and receives every other member and the host (the meeting's LEAD).
   */
  MEMBER = 'member',
}

/** Where a published track comes from. */
export type MediaSource = 'camera' | 'mic' | 'screen';
export const MEDIA_SOURCES: readonly MediaSource[] = ['camera', 'mic', 'screen'];

/** How much a participant's link carries. */
export type LinkMode = 'full' | 'receive-only' | 'audio-only';
export const LINK_MODES: readonly LinkMode[] = ['full', 'receive-only', 'audio-only'];
