import { describe, expect, it } from '@jest/globals';
import { Role } from '@tongke/contracts/org';
import {
  canEditStaff,
  grantableSchoolRoles,
  isAdmin,
  isCommunityAdmin,
  isDistrictAdmin,
  managesSchool,
} from './admin-access';

const user = (roles: Role[], schoolId?: string) => ({ roles, schoolId });

describe('admin-access', () => {
  it('tells the admin roles apart', () => {
    const district = user([Role.DISTRICT_ADMIN]);
    const community = user([Role.COMMUNITY_ADMIN]);
    const school = user([Role.SCHOOL_ADMIN], 's1');
    const teacher = user([Role.TEACHER], 's1');
    expect([district, community, school, teacher].map(isDistrictAdmin)).toEqual([true, false, false, false]);
    expect([district, community, school, teacher].map(isCommunityAdmin)).toEqual([true, true, false, false]);
    expect([district, community, school, teacher].map(isAdmin)).toEqual([true, true, true, false]);
    expect(isAdmin(null)).toBe(false);
    expect(isAdmin(user([Role.TEACHER, Role.SCHOOL_ADMIN], 's1'))).toBe(true);
  });

  it('lets a school admin manage their own school only', () => {
    expect(managesSchool(user([Role.SCHOOL_ADMIN], 's1'), 's1')).toBe(true);
    expect(managesSchool(user([Role.SCHOOL_ADMIN], 's1'), 's2')).toBe(false);
    expect(managesSchool(user([Role.SCHOOL_ADMIN]), 's1')).toBe(false);
    expect(managesSchool(user([Role.COMMUNITY_ADMIN]), 's2')).toBe(true);
    expect(managesSchool(user([Role.TEACHER], 's1'), 's1')).toBe(false);
  });

  it('offers school admins teacher/assistant/terminal only, and nobody district_admin', () => {
    expect(grantableSchoolRoles(user([Role.SCHOOL_ADMIN], 's1'))).toEqual([
      Role.TEACHER,
      Role.ASSISTANT,
      Role.TERMINAL,
    ]);
    const byCommunityAdmin = grantableSchoolRoles(user([Role.COMMUNITY_ADMIN]));
    expect(byCommunityAdmin).toContain(Role.SCHOOL_ADMIN);
    expect(byCommunityAdmin).not.toContain(Role.DISTRICT_ADMIN);
    expect(grantableSchoolRoles(user([Role.DISTRICT_ADMIN]))).not.toContain(Role.DISTRICT_ADMIN);
    expect(grantableSchoolRoles(user([Role.TEACHER]))).toEqual([]);
  });

  it('keeps school admins away from accounts with roles they cannot grant', () => {
    const schoolAdmin = user([Role.SCHOOL_ADMIN], 's1');
    expect(canEditStaff(schoolAdmin, [Role.TEACHER])).toBe(true);
    expect(canEditStaff(schoolAdmin, [Role.TEACHER, Role.SCHOOL_ADMIN])).toBe(false);
    expect(canEditStaff(user([Role.COMMUNITY_ADMIN]), [Role.SCHOOL_ADMIN])).toBe(true);
    expect(canEditStaff(user([Role.COMMUNITY_ADMIN]), [Role.COMMUNITY_ADMIN])).toBe(false);
  });
});
