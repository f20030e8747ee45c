import { IMPORT_COLUMNS, type ImportKind, Role } from '@tongke/contracts';
import { Types } from 'mongoose';
import type { ClassGroup } from '../../org/schemas/class-group.schema';
import type { Classroom } from '../../org/schemas/classroom.schema';
import type { School } from '../../org/schemas/school.schema';
import type { User } from '../../org/schemas/user.schema';
import { ImportLookup, type ImportSnapshot } from './import.lookup';
import { ImportValidator, MAX_LISTED_ERRORS } from './import.validator';

const communityId = new Types.ObjectId();
const school = (name: string, stage: School['stage'], kind: School['kind'] = 'rural'): School => ({
  _id: new Types.ObjectId(),
  communityId,
  name,
  kind,
  stage,
  address: '',
  teachingPoint: false,
  studentCount: 0,
});
const URBAN = school('山城区第一实验小学', 'primary', 'urban');
const RURAL = school('汤河乡中心小学', 'primary');
const JUNIOR = school('石林镇初级中学', 'junior');
const ROOM: Classroom = {
  _id: new Types.ObjectId(),
  communityId,
  schoolId: RURAL._id,
  name: '四年级（1）班 教室',
  seats: 36,
};
const EXISTING_CLASS: ClassGroup = {
  _id: new Types.ObjectId(),
  communityId,
  schoolId: RURAL._id,
  grade: 4,
  classNumber: 1,
  studentCount: 30,
};
const user = (username: string, displayName: string, roles: Role[], schoolId?: Types.ObjectId): User => ({
  _id: new Types.ObjectId(),
  communityId,
  username,
  displayName,
  roles,
  subjects: [],
  passwordHash: '',
  ...(schoolId && { schoolId }),
});
const LIU = user('assistant.liu', '刘强', [Role.ASSISTANT], RURAL._id);
const LI = user('music.li', '李静', [Role.TEACHER], URBAN._id);
const TERMINAL = user('terminal.2', '终端', [Role.TERMINAL], RURAL._id);
const ZHANG_A = user('zhang.a', '张伟', [Role.TEACHER], RURAL._id);
const ZHANG_B = user('zhang.b', '张伟', [Role.TEACHER], RURAL._id);

const snapshot: ImportSnapshot = {
  schools: [URBAN, RURAL, JUNIOR],
  classrooms: [ROOM],
  classGroups: [EXISTING_CLASS],
  users: [LIU, LI, TERMINAL, ZHANG_A, ZHANG_B],
  takenUsernames: ['music.li'],
};

/** Runs rows (header as in the first header of each column, row numbers from 2) through a validator. */
function run(kind: ImportKind, rows: Record<string, string>[]) {
  const columns = IMPORT_COLUMNS[kind].map((c) => ({ key: c.key, header: c.headers[0] }));
  const validator = new ImportValidator(kind, columns, new ImportLookup(snapshot));
  rows.forEach((values, i) => validator.validate({ row: i + 2, values }));
  return { drafts: validator.drafts, errors: validator.errors(), clean: validator.clean };
}

describe(ImportValidator.name, () => {
  describe('schools', () => {
    it('turns good rows into drafts', () => {
      const { drafts, clean } = run('schools', [
        {
          name: '鹿楼乡大湖教学点',
          kind: '乡村',
          stage: '小学',
          address: '鹿楼乡',
          teachingPoint: '是',
          studentCount: '38',
        },
        { name: '红旗街道中学', kind: '城区', stage: '九年一贯制' },
      ]);
      expect(clean).toBe(true);
      expect(drafts).toEqual([
        {
          name: '鹿楼乡大湖教学点',
          kind: 'rural',
          stage: 'primary',
          address: '鹿楼乡',
          teachingPoint: true,
          studentCount: 38,
        },
        { name: '红旗街道中学', kind: 'urban', stage: 'nine_year', address: '', teachingPoint: false, studentCount: 0 },
      ]);
    });

    it('reports every bad cell with its row and column, duplicates on the later row', () => {
      const { drafts, errors } = run('schools', [
        { name: '新村小学', kind: '郊区', stage: '高中', studentCount: 'many' },
        { name: '新村 小学', kind: '乡村', stage: '小学' },
        { name: '汤河乡中心小学', kind: '乡村', stage: '小学' },
        { name: '', kind: '城区', stage: '小学', teachingPoint: '是' },
      ]);
      expect(drafts).toEqual([]);
      expect(errors).toEqual([
        { row: 2, column: '城乡类型', reason: '"郊区" is not one of 城区 or 乡村' },
        { row: 2, column: '学段', reason: '"高中" is not one of 小学, 初中 or 九年一贯制' },
        { row: 2, column: '学生数', reason: '"many" is not a whole number' },
        { row: 3, column: '学校名称', reason: 'duplicate: row 2 has the same school' },
        { row: 4, column: '学校名称', reason: 'a school named "汤河乡中心小学" already exists in this community' },
        { row: 5, column: '学校名称', reason: 'required' },
        { row: 5, column: '教学点', reason: 'a teaching point (教学点) is a rural site: 城乡类型 must be 乡村' },
      ]);
    });
  });

  describe('classrooms', () => {
    it('resolves the school by name (full-width forms and spaces folded) and checks the room name per school', () => {
      const { drafts, errors } = run('classrooms', [
        { school: '汤河乡中心小学', name: '录播教室', seats: '48', terminalModel: '希沃 86 寸' },
        { school: '山城区第一实验小学', name: '录播教室' },
        { school: '汤河乡 中心小学', name: '录播教室' },
        { school: '汤河乡中心小学', name: '四年级(1)班 教室' },
        { school: '不存在小学', name: '教室', seats: '600' },
      ]);
      expect(drafts).toEqual([
        { schoolId: RURAL._id, name: '录播教室', seats: 48, terminalModel: '希沃 86 寸' },
        { schoolId: URBAN._id, name: '录播教室', seats: 0, terminalModel: '' },
      ]);
      expect(errors).toEqual([
        { row: 4, column: '教室名称', reason: 'duplicate: row 2 has the same classroom at 汤河乡中心小学' },
        { row: 5, column: '教室名称', reason: '汤河乡中心小学 already has a classroom named "四年级(1)班 教室"' },
        { row: 6, column: '学校名称', reason: 'no school named "不存在小学" in this community' },
        { row: 6, column: '座位数', reason: '600 is out of range 0–500' },
      ]);
    });
  });

  describe('class groups', () => {
    it('checks grade against the school stage, duplicates, head teacher and classroom of the school', () => {
      const { drafts, errors } = run('class_groups', [
        {
          school: '汤河乡中心小学',
          grade: '四年级',
          classNumber: '(2)班',
          studentCount: '31',
          headTeacher: 'assistant.liu',
          classroom: '四年级（1）班 教室',
        },
        { school: '石林镇初级中学', grade: '初一', classNumber: '1', headTeacher: '' },
        { school: '汤河乡中心小学', grade: '七年级', classNumber: '1' },
        { school: '石林镇初级中学', grade: '3', classNumber: '2' },
        { school: '汤河乡中心小学', grade: '4', classNumber: '1' },
        { school: '汤河乡中心小学', grade: '4', classNumber: '二班' },
        { school: '汤河乡中心小学', grade: '5', classNumber: '1', headTeacher: 'music.li' },
        { school: '汤河乡中心小学', grade: '5', classNumber: '2', headTeacher: 'terminal.2' },
        { school: '汤河乡中心小学', grade: '5', classNumber: '3', headTeacher: '张伟' },
        { school: '汤河乡中心小学', grade: '5', classNumber: '4', headTeacher: 'nobody', classroom: '礼堂' },
        { school: '汤河乡中心小学', grade: '5', classNumber: '5', headTeacher: '刘强' },
      ]);
      expect(drafts).toEqual([
        {
          schoolId: RURAL._id,
          grade: 4,
          classNumber: 2,
          studentCount: 31,
          headTeacherId: LIU._id,
          classroomId: ROOM._id,
        },
        {
          schoolId: JUNIOR._id,
          grade: 7,
          classNumber: 1,
          studentCount: 0,
          headTeacherId: undefined,
          classroomId: undefined,
        },
        {
          schoolId: RURAL._id,
          grade: 5,
          classNumber: 5,
          studentCount: 0,
          headTeacherId: LIU._id,
          classroomId: undefined,
        },
      ]);
      expect(errors).toEqual([
        { row: 4, column: '年级', reason: 'grade 7 is not taught at 汤河乡中心小学 (小学: grades 1–6)' },
        { row: 5, column: '年级', reason: 'grade 3 is not taught at 石林镇初级中学 (初中: grades 7–9)' },
        { row: 6, column: '班级', reason: '汤河乡中心小学 already has grade 4 class 1' },
        { row: 7, column: '班级', reason: 'duplicate: row 2 has the same class (grade 4 class 2)' },
        { row: 8, column: '班主任用户名', reason: '"music.li" is not a teacher of 汤河乡中心小学' },
        { row: 9, column: '班主任用户名', reason: '"terminal.2" is not a teacher' },
        { row: 10, column: '班主任用户名', reason: '2 users are named "张伟": write the username' },
        { row: 11, column: '班主任用户名', reason: 'no user "nobody" in this community' },
        { row: 11, column: '教室名称', reason: '汤河乡中心小学 has no classroom named "礼堂"' },
      ]);
    });
  });

  describe('teachers', () => {
    it('lowercases usernames, reads subjects and roles, refuses taken or repeated usernames', () => {
      const { drafts, errors } = run('teachers', [
        { username: 'Wang.Lei', displayName: '王磊', school: '汤河乡中心小学', subjects: '语文、数学', role: '' },
        { username: 'zhao.min', displayName: '赵敏', school: '山城区第一实验小学', subjects: '', role: '助教' },
        { username: 'wang.lei', displayName: '王蕾', school: '汤河乡中心小学' },
        { username: 'MUSIC.LI', displayName: '李静', school: '汤河乡中心小学' },
        { username: 'x', displayName: '', school: '某小学', subjects: '书法', role: '校长' },
      ]);
      expect(drafts).toEqual([
        {
          username: 'wang.lei',
          displayName: '王磊',
          schoolId: RURAL._id,
          subjects: ['chinese', 'math'],
          roles: [Role.TEACHER],
        },
        { username: 'zhao.min', displayName: '赵敏', schoolId: URBAN._id, subjects: [], roles: [Role.ASSISTANT] },
      ]);
      expect(errors.map((e) => [e.row, e.column, e.reason])).toEqual([
        [4, '用户名', 'duplicate: row 2 has the same username'],
        [5, '用户名', 'the username "music.li" is already taken'],
        [6, '用户名', 'too short: at least 3 characters'],
        [6, '角色', '"校长" is not one of 教师 or 助教'],
        [6, '姓名', 'required'],
        [6, '学校名称', 'no school named "某小学" in this community'],
        [6, '任教学科', 'unknown subject(s): 书法 (write e.g. 语文、数学、英语、道德与法治)'],
      ]);
    });
  });

  it(`lists at most ${MAX_LISTED_ERRORS} problems, then says how many more there are`, () => {
    const rows = Array.from({ length: MAX_LISTED_ERRORS + 5 }, () => ({ name: '', kind: '城区', stage: '小学' }));
    const { errors } = run('schools', rows);
    expect(errors).toHaveLength(MAX_LISTED_ERRORS + 1);
    expect(errors[MAX_LISTED_ERRORS]).toEqual({
      row: MAX_LISTED_ERRORS + 2,
      reason: '5 more problems not listed (fix these first)',
    });
  });
});
