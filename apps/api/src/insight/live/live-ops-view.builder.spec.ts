import { LessonRole, type SessionLinkStats } from '@tongke/contracts';
import { Types } from 'mongoose';
import { CommunityDirectory } from '../../org/directory/community-directory';
import type { Classroom } from '../../org/schemas/classroom.schema';
import type { School } from '../../org/schemas/school.schema';
import type { User } from '../../org/schemas/user.schema';
import type { LiveSession } from '../../live/schemas/live-session.schema';
import { involvesSchool, linkView, liveOpsView, type LiveLesson } from './live-ops-view.builder';

const oid = (n: number) => new Types.ObjectId(n.toString(16).padStart(24, '0'));
const COMMUNITY = oid(1);
const [URBAN, RURAL_A, RURAL_B] = [oid(100), oid(101), oid(102)];
const [ROOM_A, ROOM_B] = [oid(201), oid(202)];
const TEACHER = oid(301);
const NOW = new Date('2026-10-12T02:00:00Z');

const names = new CommunityDirectory(COMMUNITY, {
  schools: [
    { _id: URBAN, communityId: COMMUNITY, name: '城区小学', kind: 'urban', stage: 'primary' },
    { _id: RURAL_A, communityId: COMMUNITY, name: '汤河小学', kind: 'rural', stage: 'primary' },
    { _id: RURAL_B, communityId: COMMUNITY, name: '石林小学', kind: 'rural', stage: 'primary' },
  ] as unknown as School[],
  classrooms: [
    { _id: ROOM_A, communityId: COMMUNITY, schoolId: RURAL_A, name: '同步课堂 A' },
    { _id: ROOM_B, communityId: COMMUNITY, schoolId: RURAL_B, name: '同步课堂 B' },
  ] as unknown as Classroom[],
  users: [
    { _id: TEACHER, communityId: COMMUNITY, schoolId: URBAN, displayName: '李静', roles: ['teacher'] },
  ] as unknown as User[],
});

function session(n: number, startedAt: Date, classroomIds = [ROOM_A, ROOM_B]): LiveSession {
  return {
    _id: oid(900 + n),
    communityId: COMMUNITY,
    kind: 'instant',
    title: `Lesson ${n}`,
    subject: 'music',
    grade: 4,
    leadTeacherId: TEACHER,
    classroomIds,
    status: 'live',
    plannedStart: startedAt,
    plannedEnd: new Date(startedAt.getTime() + 40 * 60_000),
    startedAt,
  } as unknown as LiveSession;
}

const links = (at: Date): SessionLinkStats => ({
  sessionId: oid(901).toHexString(),
  nodeId: 'node-1',
  at: at.toISOString(),
  peers: [
    { peerId: 'p-l', userId: TEACHER.toHexString(), name: '李静', role: LessonRole.LEAD, inKbps: 900, outKbps: 1200 },
    {
      peerId: 'p-a',
      userId: 'terminal-a',
      name: '终端 A',
      role: LessonRole.CLASSROOM,
      classroomId: ROOM_A.toHexString(),
      inKbps: 640,
      outKbps: 1500,
      lossPct: 1.2,
      rttMs: 48,
    },
  ],
});

const lesson = (s: LiveSession, open: string[] = [], doc?: SessionLinkStats): LiveLesson => ({
  session: s,
  names,
  openClassrooms: new Set(open),
  ...(doc && { links: doc }),
});

describe(liveOpsView.name, () => {
  it('lists each classroom connected or not, with its link and the lead’s, and counts the unconnected', () => {
    const started = new Date(NOW.getTime() - 10 * 60_000);
    const view = liveOpsView([lesson(session(1, started), [], links(NOW))], NOW);
    expect(view).toEqual({
      at: NOW.toISOString(),
      notConnected: 1,
      sessions: [
        {
          id: oid(901).toHexString(),
          communityId: COMMUNITY.toHexString(),
          title: 'Lesson 1',
          subject: 'music',
          leadTeacher: { id: TEACHER.toHexString(), name: '李静', schoolName: '城区小学' },
          startedAt: started.toISOString(),
          plannedEnd: new Date(started.getTime() + 40 * 60_000).toISOString(),
          reporting: true,
          lead: {
            userId: TEACHER.toHexString(),
            name: '李静',
            role: LessonRole.LEAD,
            inKbps: 900,
            outKbps: 1200,
            reportedAt: NOW.toISOString(),
          },
          classrooms: [
            {
              id: ROOM_A.toHexString(),
              name: '同步课堂 A',
              schoolId: RURAL_A.toHexString(),
              schoolName: '汤河小学',
              connected: true,
              link: {
                userId: 'terminal-a',
                name: '终端 A',
                role: LessonRole.CLASSROOM,
                classroomId: ROOM_A.toHexString(),
                inKbps: 640,
                outKbps: 1500,
                lossPct: 1.2,
                rttMs: 48,
                reportedAt: NOW.toISOString(),
              },
            },
            {
              id: ROOM_B.toHexString(),
              name: '同步课堂 B',
              schoolId: RURAL_B.toHexString(),
              schoolName: '石林小学',
              connected: false,
            },
          ],
        },
      ],
    });
  });

  it('without a node report, takes the connections from open attendance and says the node is not reporting', () => {
    const view = liveOpsView([lesson(session(1, NOW), [ROOM_B.toHexString()])], NOW);
    expect(view.sessions[0].reporting).toBe(false);
    expect(view.sessions[0].classrooms.map((c) => [c.connected, 'link' in c])).toEqual([
      [false, false],
      [true, false],
    ]);
    expect(view.sessions[0].lead).toBeUndefined();
    expect(view.notConnected).toBe(1);
  });

  it('with a node report, the node decides: an open attendance interval the node does not see is not connected', () => {
    const view = liveOpsView([lesson(session(1, NOW), [ROOM_B.toHexString()], links(NOW))], NOW);
    expect(view.sessions[0].reporting).toBe(true);
    expect(view.sessions[0].classrooms.map((c) => c.connected)).toEqual([true, false]);
    expect(view.notConnected).toBe(1);
  });

  it('orders lessons by start and sums the unconnected over them; nothing live is an empty view', () => {
    const early = session(2, new Date(NOW.getTime() - 30 * 60_000), [ROOM_B]);
    const late = session(1, new Date(NOW.getTime() - 5 * 60_000));
    const view = liveOpsView([lesson(late), lesson(early)], NOW);
    expect(view.sessions.map((s) => s.title)).toEqual(['Lesson 2', 'Lesson 1']);
    expect(view.notConnected).toBe(3);
    expect(liveOpsView([], NOW)).toEqual({ at: NOW.toISOString(), sessions: [], notConnected: 0 });
  });

  it('keeps only the school’s classrooms in a school scope (the lead stays) and counts only those', () => {
    const view = liveOpsView([lesson(session(1, NOW), [], links(NOW))], NOW, RURAL_B.toHexString());
    expect(view.sessions[0].classrooms.map((c) => c.id)).toEqual([ROOM_B.toHexString()]);
    expect(view.sessions[0].lead).toBeDefined();
    expect(view.notConnected).toBe(1);
    const lead = liveOpsView([lesson(session(1, NOW))], NOW, URBAN.toHexString());
    expect(lead.sessions[0].classrooms).toEqual([]);
    expect(lead.notConnected).toBe(0);
  });
});

describe(involvesSchool.name, () => {
  it('is true for the lead teacher’s school and the receiving classrooms’ schools only', () => {
    const s = session(1, NOW, [ROOM_A]);
    expect(involvesSchool(s, names, URBAN.toHexString())).toBe(true);
    expect(involvesSchool(s, names, RURAL_A.toHexString())).toBe(true);
    expect(involvesSchool(s, names, RURAL_B.toHexString())).toBe(false);
  });
});

describe(linkView.name, () => {
  it('leaves loss, RTT and classroom out when the node has not measured them', () => {
    const peer = { peerId: 'p', userId: 'u', name: 'n', role: LessonRole.LEAD, inKbps: 1, outKbps: 2 };
    expect(linkView(peer, 'T')).toEqual({
      userId: 'u',
      name: 'n',
      role: LessonRole.LEAD,
      inKbps: 1,
      outKbps: 2,
      reportedAt: 'T',
    });
  });
});
