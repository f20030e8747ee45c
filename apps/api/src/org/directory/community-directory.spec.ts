import { Role } from '@tongke/contracts';
import { Types } from 'mongoose';
import type { Classroom } from '../schemas/classroom.schema';
import type { School } from '../schemas/school.schema';
import type { User } from '../schemas/user.schema';
import { CommunityDirectory } from './community-directory';

const id = () => new Types.ObjectId();

describe(CommunityDirectory.name, () => {
  const own = id();
  const other = id();
  const school = {
    _id: id(),
    communityId: own,
    name: '城关小学',
    kind: 'urban',
    stage: 'primary',
    studentCount: 420,
  } as School;
  const unCounted = { _id: id(), communityId: own, name: '新建小学', kind: 'rural', stage: 'junior' } as School;
  const foreignSchool = { _id: id(), communityId: other, name: '别的学校', kind: 'rural' } as School;
  const room = { _id: id(), communityId: own, schoolId: school._id, name: '三(1)班', seats: 40 } as Classroom;
  const foreignRoom = { _id: id(), communityId: other, schoolId: foreignSchool._id, name: '外' } as Classroom;
  const teacher = {
    _id: id(),
    communityId: own,
    schoolId: school._id,
    displayName: '李老师',
    roles: [Role.TEACHER],
    username: 'li',
  } as User;
  const disabledTeacher = { ...teacher, _id: id(), displayName: '王老师', disabled: true } as User;
  const terminal = {
    ...teacher,
    _id: id(),
    displayName: '终端',
    roles: [Role.TERMINAL],
    classroomId: room._id,
  } as User;
  const foreignUser = { ...teacher, _id: id(), communityId: other, displayName: '外人' } as User;
  const dir = new CommunityDirectory(own, {
    schools: [school, foreignSchool, unCounted],
    classrooms: [room, foreignRoom],
    users: [teacher, disabledTeacher, terminal, foreignUser],
  });

  it('keeps only the fields name lookups need', () => {
    expect(dir.school(school._id)).toEqual({
      id: school._id,
      name: '城关小学',
      kind: 'urban',
      stage: 'primary',
      studentCount: 420,
    });
    expect(dir.school(unCounted._id)?.studentCount).toBe(0);
    expect(dir.classroom(room._id.toString())).toEqual({ id: room._id, name: '三(1)班', schoolId: school._id });
    expect(dir.user(terminal._id)).toEqual({
      id: terminal._id,
      displayName: '终端',
      roles: [Role.TERMINAL],
      schoolId: school._id,
      classroomId: room._id,
      disabled: false,
    });
    expect(dir.user(disabledTeacher._id)?.disabled).toBe(true);
  });

  it('leaves out documents of other communities', () => {
    expect(dir.school(foreignSchool._id)).toBeUndefined();
    expect(dir.classroom(foreignRoom._id)).toBeUndefined();
    expect(dir.user(foreignUser._id)).toBeUndefined();
    expect(dir.displayName(foreignUser._id)).toBe('');
    expect(dir.classroomRefs([foreignRoom._id]).size).toBe(0);
  });

  it('resolves classroom refs with their school name, skipping unknown ids', () => {
    const refs = dir.classroomRefs([room._id, id()]);
    expect([...refs.values()]).toEqual([
      { id: room._id.toString(), name: '三(1)班', schoolId: school._id.toString(), schoolName: '城关小学' },
    ]);
  });

  it("lists a school's accounts by role (disabled too) and its classrooms", () => {
    expect(dir.schoolUsers(school._id, Role.TEACHER).map((u) => u.displayName)).toEqual(['李老师', '王老师']);
    expect(dir.schoolUsers(foreignSchool._id, Role.TEACHER)).toEqual([]);
    expect(dir.schoolClassrooms(school._id).map((c) => c.name)).toEqual(['三(1)班']);
  });

  it("lists the community's own schools in load order", () => {
    expect(dir.schoolList().map((s) => s.name)).toEqual(['城关小学', '新建小学']);
  });

  it('is immutable', () => {
    const user = dir.user(teacher._id);
    expect(Object.isFrozen(user)).toBe(true);
    expect(Object.isFrozen(user?.roles)).toBe(true);
  });
});
