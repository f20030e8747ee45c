import {
  LessonRole,
  type LinkStatsView,
  type LiveOpsView,
  type PeerLinkStats,
  type SessionLinkStats,
} from '@tongke/contracts';
import type { CommunityDirectory } from '../../org/directory/community-directory';
import type { LiveSession } from '../../live/schemas/live-session.schema';

/** The name lookups the view needs (a community's cached directory). */
export type LiveOpsNames = Pick<CommunityDirectory, 'user' | 'school' | 'classroom'>;

/** One live lesson with what is known about its connections. */
export interface LiveLesson {
  session: LiveSession;
  names: LiveOpsNames;
  /** Classrooms (hex ids) with an open attendance interval of their terminal (read only when the node does not report). */
  openClassrooms: ReadonlySet<string>;
  /** The media node's latest document (present only while fresh: it expires LINK_STATS_TTL_MS after its last rewrite). */
  links?: SessionLinkStats;
}

type LiveOpsSession = LiveOpsView['sessions'][number];
type LiveOpsClassroom = LiveOpsSession['classrooms'][number];

/** Whether the lesson involves the school: its lead teacher belongs to it, or one of its classrooms receives. */
export function involvesSchool(session: LiveSession, names: LiveOpsNames, schoolId: string): boolean {
  if (names.user(session.leadTeacherId)?.schoolId?.toHexString() === schoolId) return true;
  return session.classroomIds.some((id) => names.classroom(id)?.schoolId.toHexString() === schoolId);
}

export function linkView(peer: PeerLinkStats, reportedAt: string): LinkStatsView {
  const view: LinkStatsView = {
    userId: peer.userId,
    name: peer.name,
    role: peer.role,
    inKbps: peer.inKbps,
    outKbps: peer.outKbps,
    reportedAt,
  };
  if (peer.classroomId) view.classroomId = peer.classroomId;
  if (peer.lossPct !== undefined) view.lossPct = peer.lossPct;
  if (peer.rttMs !== undefined) view.rttMs = peer.rttMs;
  return view;
}

/** The lesson's classrooms (only the school's own in a school scope), with their connection. */
function classroomsOf(lesson: LiveLesson, schoolId?: string): LiveOpsClassroom[] {
  const { session, names, links } = lesson;
  const rooms = schoolId
    ? session.classroomIds.filter((oid) => names.classroom(oid)?.schoolId.toHexString() === schoolId)
    : session.classroomIds;
  return rooms.map((oid) => {
    const id = oid.toHexString();
    const room = names.classroom(oid);
    const schoolId = room?.schoolId.toHexString() ?? '';
    const peer = links?.peers.find((p) => p.role === LessonRole.CLASSROOM && p.classroomId === id);
    const row: LiveOpsClassroom = {
      id,
      name: room?.name ?? '',
      schoolId,
      schoolName: room ? (names.school(room.schoolId)?.name ?? '') : '',
      // The node's report decides while there is one; the lesson record only stands in without it.
      connected: links ? peer !== undefined : lesson.openClassrooms.has(id),
    };
    if (peer && links) row.link = linkView(peer, links.at);
    return row;
  });
}

function sessionOf(lesson: LiveLesson, schoolId?: string): LiveOpsSession {
  const { session, names, links } = lesson;
  const teacher = names.user(session.leadTeacherId);
  const school = teacher?.schoolId ? names.school(teacher.schoolId) : undefined;
  const leadTeacher: LiveOpsSession['leadTeacher'] = {
    id: session.leadTeacherId.toHexString(),
    name: teacher?.displayName ?? '',
  };
  if (school) leadTeacher.schoolName = school.name;
  const view: LiveOpsSession = {
    id: session._id.toHexString(),
    communityId: session.communityId.toHexString(),
    title: session.title,
    subject: session.subject,
    leadTeacher,
    plannedEnd: session.plannedEnd.toISOString(),
    reporting: links !== undefined,
    classrooms: classroomsOf(lesson, schoolId),
  };
  if (session.startedAt) view.startedAt = session.startedAt.toISOString();
  const lead = links?.peers.find((p) => p.role === LessonRole.LEAD);
  if (lead && links) view.lead = linkView(lead, links.at);
  return view;
}

const startOf = (s: LiveSession) => (s.startedAt ?? s.plannedStart).getTime();

/**
 * The live operations view: lessons by start (then id), and how many of their classrooms are not
 * connected. In a school scope (`schoolId`) each lesson lists only that school's classrooms (its
 * lead teacher's row stays), and only those are counted.
 */
export function liveOpsView(lessons: LiveLesson[], now: Date, schoolId?: string): LiveOpsView {
  const ordered = [...lessons].sort(
    (a, b) =>
      startOf(a.session) - startOf(b.session) || a.session._id.toHexString().localeCompare(b.session._id.toHexString()),
  );
  const sessions = ordered.map((l) => sessionOf(l, schoolId));
  const notConnected = sessions.reduce((n, s) => n + s.classrooms.filter((c) => !c.connected).length, 0);
  return { at: now.toISOString(), sessions, notConnected };
}
