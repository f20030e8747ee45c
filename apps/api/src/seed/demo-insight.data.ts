import { Role } from '@tongke/contracts';
import { DEMO_COMMUNITY, demoId as id } from './demo-district.data';
import { URBAN_PERIODS, RURAL_PERIODS, type DemoSchedule } from './schedule-seed.data';

// A second community of the demo district, so the district admin's insight dashboards compare
// communities: a smaller alliance around 山城区第二实验小学 with a rural central school and a
// teaching point (science and music by 专递课堂). Illustrative names; ids 0x800.. of the demo range.

export const DEMO_COMMUNITY_2 = {
  _id: id(2),
  name: '山城区鹿楼教育共同体（示范）',
  kind: 'community' as const,
  district: DEMO_COMMUNITY.district,
  leadSchoolId: id(0x800),
};

export const DEMO_SCHOOLS_2 = [
  {
    _id: id(0x800),
    name: '山城区第二实验小学',
    kind: 'urban' as const,
    stage: 'primary' as const,
    address: '山城区鹿楼街道',
    teachingPoint: false,
    studentCount: 1420,
  },
  {
    _id: id(0x801),
    name: '鹿楼乡中心小学',
    kind: 'rural' as const,
    stage: 'primary' as const,
    address: '鹿楼乡',
    teachingPoint: false,
    studentCount: 188,
  },
  {
    _id: id(0x802),
    name: '石佛寺教学点',
    kind: 'rural' as const,
    stage: 'primary' as const,
    address: '鹿楼乡石佛寺村',
    teachingPoint: true,
    studentCount: 26,
  },
];

export const DEMO_CLASSROOMS_2 = [
  { _id: id(0x810), schoolId: id(0x800), name: '录播教室', seats: 45, terminalModel: '希沃 86 寸交互智能平板' },
  { _id: id(0x811), schoolId: id(0x801), name: '三年级 同步课堂教室', seats: 32, terminalModel: '希沃 75 寸一体机' },
  { _id: id(0x812), schoolId: id(0x802), name: '教学点 多媒体教室', seats: 12, terminalModel: '鸿合 65 寸一体机' },
];

export const DEMO_PAIRINGS_2 = [0x801, 0x802].map((member, i) => ({
  _id: id(0x820 + i),
  leadSchoolId: id(0x800),
  memberSchoolId: id(member),
  since: '2025-09-01',
}));

export const DEMO_CLASS_GROUPS_2 = [
  { _id: id(0x830), schoolId: id(0x800), grade: 3, classNumber: 1, studentCount: 46 },
  { _id: id(0x831), schoolId: id(0x801), grade: 3, classNumber: 1, studentCount: 29, classroomId: id(0x811) },
  { _id: id(0x832), schoolId: id(0x802), grade: 3, classNumber: 1, studentCount: 7, classroomId: id(0x812) },
];

export const DEMO_USERS_2 = [
  { _id: id(0x840), username: 'admin.lulou', displayName: '共同体管理员 郭红', roles: [Role.COMMUNITY_ADMIN] },
  {
    _id: id(0x841),
    username: 'science.wu',
    displayName: '吴迪（科学）',
    roles: [Role.TEACHER],
    schoolId: id(0x800),
    subjects: ['science' as const],
  },
  {
    _id: id(0x842),
    username: 'music.he',
    displayName: '何雨（音乐）',
    roles: [Role.TEACHER],
    schoolId: id(0x800),
    subjects: ['music' as const],
  },
  ...DEMO_CLASSROOMS_2.map((c, i) => ({
    _id: id(0x850 + i),
    username: `terminal.lulou.${i + 1}`,
    displayName: `终端：${c.name}`,
    roles: [Role.TERMINAL],
    schoolId: c.schoolId,
    classroomId: c._id,
  })),
];

/** The second community's term: the first community's current term, under this id. */
export const DEMO_TERM_2_ID = id(0x860);

export const DEMO_BELL_SCHEDULES_2 = [
  { schoolId: id(0x800), periods: URBAN_PERIODS },
  { schoolId: id(0x801), periods: RURAL_PERIODS },
  { schoolId: id(0x802), periods: RURAL_PERIODS },
];

export const DEMO_SCHEDULES_2: DemoSchedule[] = [
  {
    subject: 'science',
    grade: 3,
    leadTeacherId: id(0x841),
    classroomIds: [id(0x811), id(0x812)],
    weekday: 2,
    period: 3,
    everyWeeks: 1,
  },
  {
    subject: 'music',
    grade: 3,
    leadTeacherId: id(0x842),
    classroomIds: [id(0x812)],
    weekday: 4,
    period: 5,
    everyWeeks: 1,
  },
];
