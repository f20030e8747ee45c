import { getModelToken } from '@nestjs/mongoose';
import type { INestApplication } from '@nestjs/common';
import { type Model, Types } from 'mongoose';
import { DEFAULT_TIME_ZONE, localDate } from '../policy/local-dates';
import { LiveSession } from '../schemas/live-session.schema';
import { SessionIndexService } from '../session-index/session-index.service';

// Integration specs create lessons as the schedule's materialisation does (kind 'scheduled',
// scheduleId, termId, occurrenceDate) straight through the model, then refresh the session
// index as the repository's writes do.

/** Demo district ids (apps/api/src/seed/demo-district.data.ts). */
export const DEMO_IDS = {
  community: '74e9c0000000000000000001',
  schools: {
    urban: '74e9c0000000000000000064',
    tanghe: '74e9c0000000000000000065',
    shilin: '74e9c0000000000000000066',
  },
  rooms: {
    200: '74e9c00000000000000000c8',
    201: '74e9c00000000000000000c9',
    202: '74e9c00000000000000000ca',
    203: '74e9c00000000000000000cb',
  },
  users: {
    admin: '74e9c000000000000000012c',
    musicLi: '74e9c000000000000000012d',
    englishZhao: '74e9c000000000000000012e',
    artChen: '74e9c000000000000000012f',
    terminal2: '74e9c0000000000000000191',
  },
  term: '74e9c00000000000000001f4',
} as const;

export interface TimetabledLesson {
  leadTeacherId: string;
  classroomIds: string[];
  plannedStart: Date;
  /** Minutes (default 40). */
  durationMin?: number;
  status?: LiveSession['status'];
  kind?: LiveSession['kind'];
  communityId?: string;
  title?: string;
  moved?: boolean;
  occurrenceDate?: string;
  cancelReason?: string;
  scheduleId?: Types.ObjectId;
}

export const sessionModel = (app: INestApplication) => app.get<Model<LiveSession>>(getModelToken(LiveSession.name));

/** Inserts a lesson (a materialised timetabled one unless `kind: 'instant'`); answers its id. */
export async function insertLesson(app: INestApplication, lesson: TimetabledLesson): Promise<string> {
  const kind = lesson.kind ?? 'scheduled';
  const oid = (id: string) => new Types.ObjectId(id);
  const plannedEnd = new Date(lesson.plannedStart.getTime() + (lesson.durationMin ?? 40) * 60_000);
  const created = await sessionModel(app).create({
    communityId: oid(lesson.communityId ?? DEMO_IDS.community),
    kind,
    title: lesson.title ?? '音乐 · 4年级',
    subject: 'music',
    grade: 4,
    leadTeacherId: oid(lesson.leadTeacherId),
    classroomIds: lesson.classroomIds.map(oid),
    status: lesson.status ?? 'scheduled',
    plannedStart: lesson.plannedStart,
    plannedEnd,
    mediaNodeId: null,
    mediaUrl: null,
    createdBy: oid(DEMO_IDS.users.admin),
    ...(kind === 'scheduled' && {
      scheduleId: lesson.scheduleId ?? new Types.ObjectId(),
      termId: oid(DEMO_IDS.term),
      occurrenceDate: lesson.occurrenceDate ?? localDate(lesson.plannedStart, DEFAULT_TIME_ZONE),
    }),
    ...(lesson.moved && { moved: true }),
    ...(lesson.cancelReason && { cancelReason: lesson.cancelReason }),
  });
  await app.get(SessionIndexService).refresh([created._id]);
  return created._id.toString();
}

/** Deletes every lesson straight through the model and rebuilds the session index. */
export async function clearLessons(app: INestApplication): Promise<void> {
  await sessionModel(app).deleteMany({}).exec();
  await app.get(SessionIndexService).rebuild();
}
