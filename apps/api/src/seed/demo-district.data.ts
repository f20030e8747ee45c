import { Role, type Subject } from '@tongke/contracts';
import { Types } from 'mongoose';

// The demo district, modelled on Hebi Shancheng's "托管式学校联盟": an urban lead school
// teaching "1+1" / "1+N" networked synchronous classes (网络同步课堂) to rural schools and
// a teaching point, in the subjects the rural schools cannot staff (music, art, English,
// science). Names are illustrative; facts from ../shared/seeds.

/** Fixed ids keep seeding idempotent: a re-run rewrites the same documents. */
export const demoId = (n: number) => new Types.ObjectId(`74e9c0000000000000${n.toString(16).padStart(6, '0')}`);
const id = demoId;

/** Password of every demo account; seeded only when SEED_DEMO=true (one-machine demo). */
export const DEMO_PASSWORD = 'Tongke-demo-2026';

export const DEMO_COMMUNITY = {
  _id: id(1),
  name: '山城区城乡学校联盟（示范）',
  kind: 'alliance' as const,
  district: '鹤壁市山城区教育体育局',
  leadSchoolId: id(100),
};

export const DEMO_SCHOOLS = [
  {
    _id: id(100),
    name: '山城区第一实验小学',
    kind: 'urban',
    stage: 'primary',
    address: '山城区红旗街道',
    teachingPoint: false,
    studentCount: 1860,
  },
  {
    _id: id(101),
    name: '汤河乡中心小学',
    kind: 'rural',
    stage: 'primary',
    address: '山城区汤河乡',
    teachingPoint: false,
    studentCount: 214,
  },
  {
    _id: id(102),
    name: '石林镇小学',
    kind: 'rural',
    stage: 'primary',
    address: '山城区石林镇',
    teachingPoint: false,
    studentCount: 156,
  },
  {
    _id: id(103),
    name: '鹿楼乡大湖教学点',
    kind: 'rural',
    stage: 'primary',
    address: '山城区鹿楼乡大湖村',
    teachingPoint: true,
    studentCount: 38,
  },
] as const;

export const DEMO_CLASSROOMS = [
  {
    _id: id(200),
    schoolId: id(100),
    name: '录播教室 1',
    seats: 48,
    terminalModel: '希沃 86 寸交互智能平板 + 4K 跟踪摄像机',
  },
  { _id: id(201), schoolId: id(101), name: '四年级（1）班 同步课堂教室', seats: 36, terminalModel: '希沃 75 寸一体机' },
  { _id: id(202), schoolId: id(102), name: '四年级 同步课堂教室', seats: 30, terminalModel: '鸿合 75 寸一体机' },
  { _id: id(203), schoolId: id(103), name: '教学点 多媒体教室', seats: 16, terminalModel: '希沃 65 寸一体机' },
];

/** 结对: the urban lead school paired with each rural school since the alliance began. */
export const DEMO_PAIRINGS = [101, 102, 103].map((member, i) => ({
  _id: id(600 + i),
  leadSchoolId: id(100),
  memberSchoolId: id(member),
  since: '2024-09-01',
}));

/** Classes (班级) of the demo schools; the rural ones sit in their school's synchronous classroom. */
export const DEMO_CLASS_GROUPS = [
  { _id: id(700), schoolId: id(100), grade: 4, classNumber: 1, studentCount: 45, headTeacherId: id(301) },
  { _id: id(701), schoolId: id(100), grade: 4, classNumber: 2, studentCount: 44, headTeacherId: id(303) },
  { _id: id(702), schoolId: id(100), grade: 5, classNumber: 1, studentCount: 46, headTeacherId: id(302) },
  { _id: id(703), schoolId: id(101), grade: 4, classNumber: 1, studentCount: 34, classroomId: id(201) },
  { _id: id(704), schoolId: id(101), grade: 5, classNumber: 1, studentCount: 31 },
  { _id: id(705), schoolId: id(102), grade: 4, classNumber: 1, studentCount: 27, classroomId: id(202) },
  { _id: id(706), schoolId: id(103), grade: 4, classNumber: 1, studentCount: 9, classroomId: id(203) },
];

interface DemoUser {
  _id: Types.ObjectId;
  username: string;
  displayName: string;
  roles: Role[];
  schoolId?: Types.ObjectId;
  classroomId?: Types.ObjectId;
  subjects?: Subject[];
}

export const DEMO_USERS: DemoUser[] = [
  { _id: id(300), username: 'admin', displayName: '联盟管理员 王芳', roles: [Role.COMMUNITY_ADMIN] },
  {
    _id: id(301),
    username: 'music.li',
    displayName: '李静（音乐）',
    roles: [Role.TEACHER],
    schoolId: id(100),
    subjects: ['music'],
  },
  {
    _id: id(302),
    username: 'english.zhao',
    displayName: '赵敏（英语）',
    roles: [Role.TEACHER],
    schoolId: id(100),
    subjects: ['english'],
  },
  {
    _id: id(303),
    username: 'art.chen',
    displayName: '陈晓（美术）',
    roles: [Role.TEACHER],
    schoolId: id(100),
    subjects: ['art'],
  },
  {
    _id: id(304),
    username: 'assistant.liu',
    displayName: '刘强（助教）',
    roles: [Role.ASSISTANT],
    schoolId: id(101),
    classroomId: id(201),
  },
  { _id: id(305), username: 'research.sun', displayName: '孙丽（教研员）', roles: [Role.RESEARCH_OFFICER] },
  {
    _id: id(306),
    username: 'school.wang',
    displayName: '王建国（汤河乡中心小学管理员）',
    roles: [Role.SCHOOL_ADMIN],
    schoolId: id(101),
  },
  ...DEMO_CLASSROOMS.map((c, i) => ({
    _id: id(400 + i),
    username: `terminal.${i + 1}`,
    displayName: `终端：${c.name}`,
    roles: [Role.TERMINAL],
    schoolId: c.schoolId,
    classroomId: c._id,
  })),
];

/** The district (education bureau) admin: no community, acts as community admin in every community of the district. */
export const DEMO_DISTRICT_ADMIN = {
  _id: id(307),
  username: 'district.zhou',
  displayName: '周敏（区教体局）',
  roles: [Role.DISTRICT_ADMIN],
  district: DEMO_COMMUNITY.district,
  subjects: [] as Subject[],
};

export const DEMO_TERM = {
  _id: id(500),
  name: '2026—2027 学年第一学期',
  startsOn: '2026-09-01',
  endsOn: '2027-01-22',
  holidays: [
    { name: '国庆节', startsOn: '2026-10-01', endsOn: '2026-10-07' },
    { name: '元旦', startsOn: '2027-01-01', endsOn: '2027-01-03' },
  ],
  makeupDays: [
    { date: '2026-09-27', followsWeekday: 4 as const },
    { date: '2026-10-10', followsWeekday: 5 as const },
  ],
};
