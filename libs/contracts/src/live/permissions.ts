import { LessonRole } from './lesson-role';

/**
 * Per-participant permissions required by the MoE 2023 live-teaching security standard
 * (video, voice, annotation, screen share, file share, text chat). Enforced by the media node.
 */
export const PERMISSIONS = ['video', 'audio', 'annotate', 'screen', 'file', 'chat'] as const;
export type Permission = (typeof PERMISSIONS)[number];
export type PermissionSet = Record<Permission, boolean>;

/**
 * The lesson-wide interaction switch, set by the lead teacher.
 * - `open`: permissions apply as set per participant.
 * - `paused` (一键暂停互动): classroom audio is held server-side and chat, hands, annotation,
 *   screen and file share are refused with INTERACTION_PAUSED; reopening restores exactly
 *   the audio that was live before the pause.
 * - `disabled` (一键禁止所有互动): like paused (INTERACTION_DISABLED), and participants cannot
 *   re-enable anything themselves; reopening does NOT unmute anyone: each classroom may
 *   unmute itself again afterwards.
 * The lead teacher is never affected.
 */
export type InteractionMode = 'open' | 'paused' | 'disabled';
export const INTERACTION_MODES: readonly InteractionMode[] = ['open', 'paused', 'disabled'];

const none: PermissionSet = { video: false, audio: false, annotate: false, screen: false, file: false, chat: false };

/** Permissions a participant starts with, by lesson role. */
export const DEFAULT_PERMISSIONS: Record<LessonRole, PermissionSet> = {
  [LessonRole.LEAD]: { video: true, audio: true, annotate: true, screen: true, file: true, chat: true },
  [LessonRole.CLASSROOM]: { ...none, video: true, audio: true, chat: true },
  [LessonRole.ASSISTANT]: { ...none, chat: true },
  [LessonRole.OBSERVER]: none,
  [LessonRole.VIEWER]: none,
  [LessonRole.MEMBER]: { ...none, video: true, audio: true, screen: true, chat: true },
};
