import { ErrorCode, Role } from '@tongke/contracts';
import { placementProblem, roleGrantProblem, schoolAdminEditProblem, selfEditProblem } from './user-roles.policy';

describe('user-roles.policy', () => {
  describe(roleGrantProblem.name, () => {
    it('lets community admins grant every role but district_admin', () => {
      for (const role of Object.values(Role).filter((r) => r !== Role.DISTRICT_ADMIN)) {
        expect(roleGrantProblem(true, [role])).toBeNull();
      }
      expect(roleGrantProblem(true, [Role.TEACHER, Role.RESEARCH_OFFICER])).toBeNull();
      expect(roleGrantProblem(true, [Role.DISTRICT_ADMIN])?.code).toBe(ErrorCode.FORBIDDEN);
    });

    it('lets school admins grant teacher, assistant and terminal only', () => {
      expect(roleGrantProblem(false, [Role.TEACHER])).toBeNull();
      expect(roleGrantProblem(false, [Role.ASSISTANT, Role.TEACHER])).toBeNull();
      expect(roleGrantProblem(false, [Role.TERMINAL])).toBeNull();
      for (const role of [Role.SCHOOL_ADMIN, Role.COMMUNITY_ADMIN, Role.RESEARCH_OFFICER, Role.DISTRICT_ADMIN]) {
        expect(roleGrantProblem(false, [Role.TEACHER, role])?.code).toBe(ErrorCode.FORBIDDEN);
      }
    });

    it('refuses no roles and terminals with other roles', () => {
      expect(roleGrantProblem(true, [])).toEqual({
        code: ErrorCode.BAD_REQUEST,
        message: 'roles must name at least one role',
      });
      expect(roleGrantProblem(true, [Role.TERMINAL, Role.TEACHER])).toEqual({
        code: ErrorCode.BAD_REQUEST,
        message: 'a terminal account cannot hold other roles',
      });
    });
  });

  it('lets school admins edit only teacher/assistant/terminal accounts', () => {
    expect(schoolAdminEditProblem([Role.TEACHER])).toBeNull();
    expect(schoolAdminEditProblem([Role.TERMINAL])).toBeNull();
    expect(schoolAdminEditProblem([Role.SCHOOL_ADMIN])?.code).toBe(ErrorCode.FORBIDDEN);
    expect(schoolAdminEditProblem([Role.TEACHER, Role.RESEARCH_OFFICER])?.code).toBe(ErrorCode.FORBIDDEN);
  });

  it('needs a classroom for assistants and terminals, a school for school-bound roles', () => {
    expect(placementProblem([Role.TERMINAL], { schoolId: 'x' })?.message).toBe('the roles terminal need a classroomId');
    expect(placementProblem([Role.ASSISTANT], { schoolId: 'x', classroomId: 'y' })).toBeNull();
    expect(placementProblem([Role.TEACHER], {})?.message).toBe('the roles teacher need a schoolId');
    expect(placementProblem([Role.SCHOOL_ADMIN], { schoolId: 'x' })).toBeNull();
    expect(placementProblem([Role.RESEARCH_OFFICER], {})).toBeNull();
    expect(placementProblem([Role.COMMUNITY_ADMIN], {})).toBeNull();
  });

  it('keeps admins from disabling or re-roling themselves', () => {
    expect(selfEditProblem({ disabled: true })?.message).toBe('you cannot disable your own account');
    expect(selfEditProblem({ roles: [Role.TEACHER] })?.code).toBe(ErrorCode.BAD_REQUEST);
    expect(selfEditProblem({ disabled: false })).toBeNull();
    expect(selfEditProblem({})).toBeNull();
  });
});
