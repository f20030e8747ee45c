import { Types } from 'mongoose';
import type { LiveSession } from '../schemas/live-session.schema';
import { decodeSession, encodeSession } from './live-session.codec';

const id = () => new Types.ObjectId();

function timetabled(): LiveSession & { updatedAt: Date; __v: number } {
  return {
    _id: id(),
    communityId: id(),
    kind: 'scheduled',
    title: '音乐 · 4年级',
    subject: 'music',
    grade: 4,
    leadTeacherId: id(),
    classroomIds: [id(), id()],
    status: 'ended',
    plannedStart: new Date('2026-09-15T00:30:00Z'),
    plannedEnd: new Date('2026-09-15T01:10:00Z'),
    startedAt: new Date('2026-09-15T00:31:12.345Z'),
    endedAt: new Date('2026-09-15T01:09:00Z'),
    endReason: 'ended_by_teacher',
    mediaNodeId: 'node-a',
    mediaUrl: 'http://node-a.test:3001',
    createdBy: id(),
    scheduleId: id(),
    termId: id(),
    occurrenceDate: '2026-09-15',
    moved: true,
    cancelReason: '国庆节',
    record: true,
    broadcast: true,
    resourceId: id(),
    createdAt: new Date('2026-09-01T08:00:00Z'),
    updatedAt: new Date('2026-09-15T01:09:00.001Z'),
    __v: 0,
  };
}

describe('live-session codec', () => {
  it('restores every field of a timetabled session: ObjectIds, Dates and plain values', () => {
    const { __v, ...session } = timetabled();
    const decoded = decodeSession(encodeSession({ ...session, __v } as LiveSession));
    expect(decoded).toEqual(session);
    expect(decoded._id).toBeInstanceOf(Types.ObjectId);
    expect(decoded.classroomIds[1]).toBeInstanceOf(Types.ObjectId);
    expect(decoded.classroomIds[1].equals(session.classroomIds[1])).toBe(true);
    expect(decoded.startedAt).toBeInstanceOf(Date);
    expect(decoded.startedAt?.getTime()).toBe(session.startedAt?.getTime());
  });

  it('keeps an instant session unplaced: null placement stays null, absent fields stay absent', () => {
    const session: LiveSession = {
      _id: id(),
      communityId: id(),
      kind: 'instant',
      title: '即时课堂',
      subject: 'art',
      grade: 3,
      leadTeacherId: id(),
      classroomIds: [],
      status: 'scheduled',
      record: false,
      broadcast: false,
      plannedStart: new Date('2026-09-15T00:30:00Z'),
      plannedEnd: new Date('2026-09-15T01:10:00Z'),
      mediaNodeId: null,
      mediaUrl: null,
      createdBy: id(),
      scheduleId: undefined,
    };
    const decoded = decodeSession(encodeSession(session));
    expect(decoded).toEqual(session);
    expect(Object.keys(decoded)).not.toContain('scheduleId');
    expect(decoded.mediaNodeId).toBeNull();
  });

  it('encodes ids as hex and dates as epoch milliseconds', () => {
    const session = timetabled();
    const raw = JSON.parse(encodeSession(session)) as Record<string, unknown>;
    expect(raw.leadTeacherId).toBe(session.leadTeacherId.toHexString());
    expect(raw.plannedStart).toBe(session.plannedStart.getTime());
    expect(raw.__v).toBeUndefined();
  });
});
