import { describe, expect, it } from '@jest/globals';
import type { CommunityView } from '@tongke/contracts';
import { communityForm, toCreateCommunity, toUpdateCommunity } from './community.form';

const view: CommunityView = {
  id: 'c1',
  name: '山城区城乡学校联盟',
  kind: 'alliance',
  district: '山城区',
  leadSchoolId: 's1',
  schoolCount: 4,
  classroomCount: 4,
};

describe(toCreateCommunity.name, () => {
  it('trims the name and refuses empty or overlong names', () => {
    expect(toCreateCommunity({ name: ' 新教共体 ', kind: 'group' })).toEqual({
      ok: true,
      value: { name: '新教共体', kind: 'group' },
    });
    expect(toCreateCommunity({ name: ' ', kind: 'group' })).toEqual({ ok: false, problem: 'name' });
    expect(toCreateCommunity({ name: '名'.repeat(65), kind: 'group' })).toEqual({ ok: false, problem: 'name' });
  });
});

describe(toUpdateCommunity.name, () => {
  it('sends only what changed', () => {
    expect(toUpdateCommunity(communityForm(view), view)).toEqual({ ok: true, value: {} });
    expect(toUpdateCommunity({ name: '新名', kind: 'alliance', leadSchoolId: 's2' }, view)).toEqual({
      ok: true,
      value: { name: '新名', leadSchoolId: 's2' },
    });
    expect(toUpdateCommunity({ ...communityForm(view), kind: 'community' }, view)).toEqual({
      ok: true,
      value: { kind: 'community' },
    });
  });

  it('refuses a blank name', () => {
    expect(toUpdateCommunity({ ...communityForm(view), name: '' }, view)).toEqual({ ok: false, problem: 'name' });
  });
});
