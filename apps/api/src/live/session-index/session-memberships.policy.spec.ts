import { Types } from 'mongoose';
import type { LiveSession } from '../schemas/live-session.schema';
import { SessionIndexKeys } from './session-index.keys';
import { membershipDiff, membershipsOf } from './session-memberships.policy';

const keys = new SessionIndexKeys('p:');
const community = new Types.ObjectId();
const teacher = new Types.ObjectId();
const other = new Types.ObjectId();
const [roomA, roomB, roomC] = [new Types.ObjectId(), new Types.ObjectId(), new Types.ObjectId()];
const start = new Date('2026-09-15T00:30:00Z');
const end = new Date('2026-09-15T01:10:00Z');

const session = (over: Partial<LiveSession> = {}): LiveSession =>
  ({
    _id: new Types.ObjectId(),
    communityId: community,
    kind: 'scheduled',
    status: 'scheduled',
    leadTeacherId: teacher,
    classroomIds: [roomA, roomB],
    plannedStart: start,
    plannedEnd: end,
    ...over,
  }) as LiveSession;

const c = community.toHexString();

describe('session memberships', () => {
  it('puts a scheduled timetabled lesson in its community, teacher, classroom and due sets', () => {
    expect(membershipsOf(session(), keys)).toEqual([
      { key: `p:c:${c}`, score: start.getTime() },
      { key: `p:t:${c}:${teacher.toHexString()}`, score: start.getTime() },
      { key: `p:r:${c}:${roomA.toHexString()}`, score: start.getTime() },
      { key: `p:r:${c}:${roomB.toHexString()}`, score: start.getTime() },
      { key: 'p:due', score: end.getTime() },
    ]);
  });

  it('leaves instant lessons and lessons no longer scheduled out of the due set', () => {
    for (const over of [{ kind: 'instant' as const }, { status: 'live' as const }, { status: 'cancelled' as const }]) {
      expect(membershipsOf(session(over), keys).map((m) => m.key)).not.toContain('p:due');
    }
  });

  it('lists a classroom named twice once', () => {
    expect(membershipsOf(session({ classroomIds: [roomA, roomA] }), keys)).toHaveLength(4);
  });

  it('diffs a move to another teacher and classrooms: leaves the old sets, joins the new ones', () => {
    const before = membershipsOf(session(), keys);
    const after = membershipsOf(session({ leadTeacherId: other, classroomIds: [roomB, roomC], status: 'live' }), keys);
    const diff = membershipDiff(before, after);
    expect(diff.remove.sort()).toEqual(
      [`p:t:${c}:${teacher.toHexString()}`, `p:r:${c}:${roomA.toHexString()}`, 'p:due'].sort(),
    );
    expect(diff.add.map((m) => m.key).sort()).toEqual(
      [`p:t:${c}:${other.toHexString()}`, `p:r:${c}:${roomC.toHexString()}`].sort(),
    );
  });

  it('re-scores sets whose score changed and leaves unchanged ones alone', () => {
    const later = new Date(start.getTime() + 3600_000);
    const diff = membershipDiff(
      membershipsOf(session(), keys),
      membershipsOf(session({ plannedStart: later, plannedEnd: end }), keys),
    );
    expect(diff.remove).toEqual([]);
    expect(diff.add.map((m) => m.score)).toEqual([later, later, later, later].map((d) => d.getTime()));
  });

  it('removes every membership of a deleted session and adds all of a new one', () => {
    const all = membershipsOf(session(), keys);
    expect(membershipDiff(all, [])).toEqual({ remove: all.map((m) => m.key), add: [] });
    expect(membershipDiff([], all)).toEqual({ remove: [], add: all });
  });
});
