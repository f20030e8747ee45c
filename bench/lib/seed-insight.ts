import { LessonRole, Role } from '@tongke/contracts';
import { hash } from 'argon2';
import { type Connection, Types } from 'mongoose';

// What the insight bench adds to the seeded bench district: a class group in every classroom
// (its students: the school's students shared over its rooms), the attendance of every
// delivered lesson (each receiving classroom connected for most of it, one in ten not at all),
// and a district admin. Written straight into the collections, like seed-district.ts.

const BATCH = 2000;
/** Every tenth classroom-lesson never connected; the rest left 0..4 minutes early. */
const ABSENT_EVERY = 10;

interface SessionDoc {
  _id: Types.ObjectId;
  communityId: Types.ObjectId;
  classroomIds: Types.ObjectId[];
  startedAt: Date;
  endedAt: Date;
}

export interface InsightExtras {
  districtAdmin: string;
  classGroups: number;
  attendance: number;
}

async function insertBatches(conn: Connection, collection: string, docs: object[]): Promise<void> {
  for (let i = 0; i < docs.length; i += BATCH) {
    await conn.collection(collection).insertMany(docs.slice(i, i + BATCH), { ordered: false });
  }
}

async function seedClassGroups(conn: Connection, now: Date): Promise<number> {
  const schools = await conn.collection('schools').find({}).toArray();
  const rooms = await conn.collection('classrooms').find({}).toArray();
  const roomsOf = new Map<string, typeof rooms>();
  for (const r of rooms) roomsOf.set(String(r.schoolId), [...(roomsOf.get(String(r.schoolId)) ?? []), r]);
  const docs = schools.flatMap((s) => {
    const own = roomsOf.get(String(s._id)) ?? [];
    return own.map((r, i) => ({
      _id: new Types.ObjectId(),
      communityId: s.communityId,
      schoolId: s._id,
      grade: 3 + (i % 3),
      classNumber: 1 + Math.floor(i / 3),
      studentCount: Math.max(1, Math.floor(Number(s.studentCount) / Math.max(1, own.length))),
      classroomId: r._id,
      createdAt: now,
      updatedAt: now,
    }));
  });
  await insertBatches(conn, 'class_groups', docs);
  return docs.length;
}

function attendanceOf(s: SessionDoc, n: number, roomUser: Map<string, Types.ObjectId>, now: Date): object[] {
  return s.classroomIds.flatMap((room, i) => {
    if ((n + i) % ABSENT_EVERY === 0) return [];
    const userId = String(roomUser.get(String(room)) ?? room);
    const leftAt = new Date(s.endedAt.getTime() - ((n + i) % 5) * 60_000);
    return [
      {
        _id: new Types.ObjectId(),
        communityId: s.communityId,
        sessionId: s._id,
        peerId: `${userId}-${n}`,
        userId,
        name: '教室终端',
        role: LessonRole.CLASSROOM,
        classroomId: String(room),
        intervals: [{ joinedAt: s.startedAt, leftAt }],
        openSince: null,
        createdAt: now,
        updatedAt: now,
      },
    ];
  });
}

async function seedAttendance(conn: Connection, now: Date, log: (line: string) => void): Promise<number> {
  const terminals = await conn.collection('users').find({ roles: Role.TERMINAL }).toArray();
  const roomUser = new Map(terminals.map((u) => [String(u.classroomId), u._id as Types.ObjectId]));
  const delivered = (await conn
    .collection('live_sessions')
    .find({ status: 'ended' })
    .project({ communityId: 1, classroomIds: 1, startedAt: 1, endedAt: 1 })
    .toArray()) as unknown as SessionDoc[];
  const docs = delivered.flatMap((s, n) => attendanceOf(s, n, roomUser, now));
  for (let i = 0; i < docs.length; i += BATCH * 10) {
    await insertBatches(conn, 'live_attendance', docs.slice(i, i + BATCH * 10));
    log(`seed: attendance ${Math.min(docs.length, i + BATCH * 10)}/${docs.length}`);
  }
  return docs.length;
}

/** Adds the insight extras to the seeded district `district` (its name) on `conn`. */
export async function seedInsightExtras(
  conn: Connection,
  district: string,
  password: string,
  log: (line: string) => void,
  now = new Date(),
): Promise<InsightExtras> {
  const classGroups = await seedClassGroups(conn, now);
  log(`seed: ${classGroups} class groups`);
  const attendance = await seedAttendance(conn, now, log);
  const districtAdmin = 'bench.district';
  await conn.collection('users').insertOne({
    _id: new Types.ObjectId(),
    username: districtAdmin,
    displayName: '区教育局管理员',
    roles: [Role.DISTRICT_ADMIN],
    subjects: [],
    district,
    disabled: false,
    passwordHash: await hash(password),
    createdAt: now,
    updatedAt: now,
  });
  return { districtAdmin, classGroups, attendance };
}
