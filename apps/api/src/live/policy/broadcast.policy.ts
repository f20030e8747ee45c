import { ErrorCode, Role } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { isSessionAdmin, type LessonScope, type LessonUser } from './lesson-role.policy';

/** The parts of a session the broadcast rules look at. */
export interface BroadcastScope extends LessonScope {
  broadcast?: boolean;
}

const isTerminal = (user: LessonUser) => user.roles.includes(Role.TERMINAL);
const sameCommunity = (user: LessonUser, session: LessonScope) =>
  user.communityId?.equals(session.communityId) === true;

/**
 * Why `user` may not watch the session's broadcast (名校网络课堂), or null: any signed-in member of
 * the session's community may, except classroom terminals (a terminal joins its own lessons as a
 * classroom), and only while the lesson is broadcast.
 */
export function watchRefusal(user: LessonUser, session: BroadcastScope): AppError | null {
  if (!sameCommunity(user, session)) return new AppError(ErrorCode.NOT_FOUND, 'no such live session');
  if (isTerminal(user)) {
    return new AppError(
      ErrorCode.FORBIDDEN,
      'classroom terminals join their own lessons; they do not watch broadcasts',
    );
  }
  if (session.broadcast !== true) return new AppError(ErrorCode.FORBIDDEN, 'this lesson is not broadcast');
  return null;
}

/** Whether the session's broadcast is listed to `user` (a member who could watch it). */
export function seesBroadcast(user: LessonUser, session: BroadcastScope): boolean {
  return watchRefusal(user, session) === null;
}

/** Who opens and closes a lesson's broadcast: its lead teacher, or an admin of its community. */
export function managesBroadcast(user: LessonUser, session: LessonScope): boolean {
  return (sameCommunity(user, session) && user._id.equals(session.leadTeacherId)) || isSessionAdmin(user, session);
}
