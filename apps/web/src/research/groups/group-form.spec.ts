import { describe, expect, it } from '@jest/globals';
import { Role } from '@tongke/contracts/org';
import { canCreateGroups, choosesCommunity } from './group-access';
import { candidateLabel, emptyGroupForm, toCreateGroupRequest, toCreatePlanRequest } from './group-form';

describe('research group forms', () => {
  it('builds the create-group request with sorted grades and members once each', () => {
    const form = { ...emptyGroupForm(), name: ' 音乐工作室 ', subject: 'music' as const, grades: [4, 3, 4] };
    form.memberIds = ['a', 'b', 'a'];
    expect(toCreateGroupRequest(form)).toEqual({
      name: '音乐工作室',
      kind: 'group',
      description: '',
      subject: 'music',
      grades: [3, 4],
      members: [
        { userId: 'a', role: 'member' },
        { userId: 'b', role: 'member' },
      ],
    });
  });

  it('names the problem of a bad form', () => {
    expect(toCreateGroupRequest({ ...emptyGroupForm(), name: '  ' })).toBe('nameRequired');
    expect(toCreateGroupRequest({ ...emptyGroupForm(), name: 'x'.repeat(61) })).toBe('nameTooLong');
    expect(toCreateGroupRequest({ ...emptyGroupForm(), name: 'x', description: 'y'.repeat(2001) })).toBe(
      'descriptionTooLong',
    );
  });

  it('builds the create-plan request, with the template only when one is chosen', () => {
    const form = { title: ' 秋天的雨 ', topic: '', subject: 'chinese' as const, grade: 3, templateId: '' };
    expect(toCreatePlanRequest('g1', form)).toEqual({
      groupId: 'g1',
      title: '秋天的雨',
      topic: '',
      subject: 'chinese',
      grade: 3,
    });
    expect(toCreatePlanRequest('g1', { ...form, templateId: 'builtin:chinese' })).toMatchObject({
      templateId: 'builtin:chinese',
    });
    expect(toCreatePlanRequest('g1', { ...form, title: '' })).toBe('titleRequired');
  });
});

describe('canCreateGroups', () => {
  it('offers the form to teachers, research officers, community and district admins only', () => {
    expect(canCreateGroups({ roles: [Role.TEACHER] })).toBe(true);
    expect(canCreateGroups({ roles: [Role.RESEARCH_OFFICER] })).toBe(true);
    expect(canCreateGroups({ roles: [Role.COMMUNITY_ADMIN] })).toBe(true);
    expect(canCreateGroups({ roles: [Role.DISTRICT_ADMIN] })).toBe(true);
    expect(canCreateGroups({ roles: [Role.TERMINAL] })).toBe(false);
    expect(canCreateGroups(null)).toBe(false);
  });

  it('has district admins choose the community and the lead', () => {
    expect(choosesCommunity({ roles: [Role.DISTRICT_ADMIN] })).toBe(true);
    expect(choosesCommunity({ roles: [Role.COMMUNITY_ADMIN] })).toBe(false);
    expect(choosesCommunity(null)).toBe(false);
  });
});

describe('district admin group creation', () => {
  const named = { ...emptyGroupForm(), name: '音乐工作室' };

  it('needs the community, then the lead', () => {
    expect(toCreateGroupRequest(named, true)).toBe('communityRequired');
    expect(toCreateGroupRequest({ ...named, communityId: 'c1' }, true)).toBe('leadRequired');
  });

  it('names the lead, who is not also listed as a member', () => {
    const form = { ...named, communityId: 'c1', leadId: 'l1', memberIds: ['l1', 'm1'] };
    expect(toCreateGroupRequest(form, true)).toMatchObject({
      leadId: 'l1',
      members: [{ userId: 'm1', role: 'member' }],
    });
    expect(toCreateGroupRequest(named)).not.toHaveProperty('leadId');
  });
});

describe(candidateLabel.name, () => {
  const person = { id: 'u1', name: '王老师', communityId: 'c1', communityName: '城乡联盟', canEdit: true };

  it('names the school, and the community when it is not the group’s', () => {
    expect(candidateLabel({ ...person, schoolName: '实验小学' }, 'c1')).toBe('王老师（实验小学）');
    expect(candidateLabel({ ...person, schoolName: '邻校小学' }, 'c2')).toBe('王老师（邻校小学 · 城乡联盟）');
    expect(candidateLabel(person, 'c1')).toBe('王老师');
    expect(candidateLabel(person, 'c2')).toBe('王老师（城乡联盟）');
  });
});
