import { LessonRole, type LiveSessionKind, Role } from '@tongke/contracts';
import type { Types } from 'mongoose';

/** The parts of an account the lesson rules look at. */
export interface LessonUser {
  _id: Types.ObjectId;
  roles: Role[];
  communityId?: Types.ObjectId;
  classroomId?: Types.ObjectId;
}

/** The parts of a session the lesson rules look at. */
export interface LessonScope {
  communityId: Types.ObjectId;
  leadTeacherId: Types.ObjectId;
  classroomIds: Types.ObjectId[];
  /** `meeting` (网络教研): no classrooms; `memberIds` join as MEMBER. */
  kind?: LiveSessionKind;
  memberIds?: Types.ObjectId[];
  /**
   * Who else may observe: a meeting's (besides research officers and admins), or accounts of other
   * communities let into a lesson (a research group's members observing the group's lesson).
   */
  observerIds?: Types.ObjectId[];
}

const ADMIN_ROLES: readonly Role[] = [Role.COMMUNITY_ADMIN, Role.DISTRICT_ADMIN];
const OBSERVER_ROLES: readonly Role[] = [Role.TEACHER, Role.RESEARCH_OFFICER, Role.SCHOOL_ADMIN, ...ADMIN_ROLES];
/** Who observes any meeting of their community (they read every research group). */
const MEETING_OVERSEER_ROLES: readonly Role[] = [Role.RESEARCH_OFFICER, ...ADMIN_ROLES];

const hasAny = (user: LessonUser, roles: readonly Role[]) => user.roles.some((r) => roles.includes(r));
const sameCommunity = (user: LessonUser, session: LessonScope) =>
  user.communityId?.equals(session.communityId) === true;
const listedMember = (user: LessonUser, session: LessonScope) =>
  session.kind === 'meeting' && (session.memberIds ?? []).some((m) => m.equals(user._id));
const listedIn = (ids: Types.ObjectId[] | undefined, user: LessonUser) => (ids ?? []).some((m) => m.equals(user._id));
/**
 * Listed people may come from other communities of the district (a research group's): a meeting's
 * host, members and observers (its start checked them), and any session's listed observers.
 */
const listedPerson = (user: LessonUser, session: LessonScope) =>
  listedIn(session.observerIds, user) ||
  (session.kind === 'meeting' && (user._id.equals(session.leadTeacherId) || listedIn(session.memberIds, user)));
/** The session's community, or a session that lists the account. */
export const reachesSession = (user: LessonUser, session: LessonScope): boolean =>
  sameCommunity(user, session) || listedPerson(user, session);
/** A meeting is observed only by its own people and those who oversee research (a group's meeting is not public). */
const observesMeeting = (user: LessonUser, session: LessonScope) =>
  user._id.equals(session.leadTeacherId) ||
  listedIn(session.memberIds, user) ||
  listedIn(session.observerIds, user) ||
  hasAny(user, MEETING_OVERSEER_ROLES);
const invitedClassroom = (user: LessonUser, session: LessonScope) =>
  user.classroomId !== undefined && session.classroomIds.some((c) => c.equals(user.classroomId as Types.ObjectId));

/**
 * The lesson role an account joins with, or null if it may not join. Unless it asks to
 * observe: the lead teacher leads, an invited classroom's terminal is that classroom, its
 * assistant assists; in a meeting (网络教研) its host leads and its listed members are MEMBERs.
 * Otherwise teachers, research officers and admins of the session's community, and its listed
 * observers of other communities, may observe — a meeting only its members, its listed observers,
 * research officers and admins (listed people from any community: see `listedPerson`).
 */
export function resolveLessonRole(user: LessonUser, session: LessonScope, asObserver = false): LessonRole | null {
  if (!reachesSession(user, session)) return null;
  if (!asObserver) {
    if (user._id.equals(session.leadTeacherId)) return LessonRole.LEAD;
    if (listedMember(user, session)) return LessonRole.MEMBER;
    if (user.roles.includes(Role.TERMINAL) && invitedClassroom(user, session)) return LessonRole.CLASSROOM;
    if (user.roles.includes(Role.ASSISTANT) && invitedClassroom(user, session)) return LessonRole.ASSISTANT;
  }
  if (session.kind === 'meeting' && !observesMeeting(user, session)) return null;
  return hasAny(user, OBSERVER_ROLES) ? LessonRole.OBSERVER : null;
}

/** Community (or district) administrators of the session's community. */
export function isSessionAdmin(user: LessonUser, session: LessonScope): boolean {
  return sameCommunity(user, session) && hasAny(user, ADMIN_ROLES);
}

/**
 * Who may read a lesson's record: the lead, admins, the invited classrooms' terminals and
 * assistants, a meeting's members, and anyone who attended (`attended`, e.g. observers).
 */
export function canReadRecord(user: LessonUser, session: LessonScope, attended: boolean): boolean {
  if (!reachesSession(user, session)) return false;
  if (attended || isSessionAdmin(user, session)) return true;
  const role = resolveLessonRole(user, session);
  return (
    role === LessonRole.LEAD ||
    role === LessonRole.CLASSROOM ||
    role === LessonRole.ASSISTANT ||
    role === LessonRole.MEMBER
  );
}

/** Observer notes: the lead and admins read all; everyone else only their own. */
export function readsAllNotes(user: LessonUser, session: LessonScope): boolean {
  return (sameCommunity(user, session) && user._id.equals(session.leadTeacherId)) || isSessionAdmin(user, session);
}
