import type { ErrorBody, GroupCandidateView, ResearchGroupView } from '@tongke/contracts';
import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import { DEMO, insertOtherCommunity, type OtherCommunity } from '../../org/testing/org-test.support';
import { ResearchGroupsController } from './research-groups.controller';

const ART_CHEN = '74e9c000000000000000012f'; // id(303)
const LOGINS = ['admin', 'district.zhou', 'music.li', 'english.zhao', 'art.chen', 'research.sun', 'school.wang'];

describe(ResearchGroupsController.name, () => {
  let t: ApiTestApp;
  let other: OtherCommunity;
  const auth = new Map<string, { Authorization: string }>();
  const as = (who: string) => auth.get(who)!;

  beforeAll(async () => {
    t = await startApiTestApp(55);
    other = await insertOtherCommunity(t);
    for (const u of LOGINS) auth.set(u, { Authorization: `Bearer ${await t.login(u)}` });
  });

  afterAll(async () => {
    await t.close();
  });

  let counter = 0;
  async function createGroup(who: string, body: object = {}): Promise<ResearchGroupView> {
    counter += 1;
    const res = await t.http
      .post('/api/research/groups')
      .set(as(who))
      .send({ name: `音乐名师工作室 ${counter}`, kind: 'studio', subject: 'music', grades: [4, 3, 4], ...body });
    expect(res.status).toBe(201);
    return res.body as ResearchGroupView;
  }

  it('creates a studio led by its creator, with members from several schools', async () => {
    const group = await createGroup('music.li', {
      description: '一课双研',
      members: [
        { userId: DEMO.user.englishZhao, role: 'member' },
        { userId: DEMO.user.assistantLiu, role: 'observer' },
      ],
    });
    expect(group).toMatchObject({
      communityId: DEMO.community,
      kind: 'studio',
      subject: 'music',
      grades: [3, 4],
      description: '一课双研',
      lead: { id: DEMO.user.musicLi, name: '李静（音乐）' },
      myRole: 'lead',
      canManage: true,
      mentorships: [],
    });
    expect(group.members.map((m) => [m.userId, m.role])).toEqual([
      [DEMO.user.musicLi, 'lead'],
      [DEMO.user.englishZhao, 'member'],
      [DEMO.user.assistantLiu, 'observer'],
    ]);
    expect(group.members[2]).toMatchObject({ schoolId: DEMO.school.tanghe, schoolName: expect.any(String) });
    expect(group.members[2].schoolName).not.toBe('');

    const mine = await t.http.get('/api/research/groups').set(as('english.zhao')).expect(200);
    expect((mine.body as ResearchGroupView[]).map((g) => g.id)).toContain(group.id);
    const notMine = await t.http.get('/api/research/groups').set(as('art.chen')).expect(200);
    expect((notMine.body as ResearchGroupView[]).map((g) => g.id)).not.toContain(group.id);
  });

  it('refuses members from another district, naming the bad id (400), and duplicate names (409)', async () => {
    const res = await t.http
      .post('/api/research/groups')
      .set(as('music.li'))
      .send({ name: '跨联盟组', kind: 'group', members: [{ userId: other.userId, role: 'member' }] })
      .expect(400);
    expect((res.body as ErrorBody).message).toContain(`members[0].userId ${other.userId}`);
    const terminal = await t.http
      .post('/api/research/groups')
      .set(as('music.li'))
      .send({ name: '终端组', kind: 'group', members: [{ userId: DEMO.user.terminal2, role: 'member' }] })
      .expect(400);
    expect((terminal.body as ErrorBody).message).toContain(DEMO.user.terminal2);
    const first = await createGroup('music.li');
    await t.http.post('/api/research/groups').set(as('music.li')).send({ name: first.name, kind: 'group' }).expect(409);
    await t.http.post('/api/research/groups').set(as('music.li')).send({ name: '', kind: 'x' }).expect(400);
  });

  it('lets admins name the lead, and refuses that to teachers', async () => {
    const group = await createGroup('admin', { leadId: DEMO.user.englishZhao });
    expect(group.lead.id).toBe(DEMO.user.englishZhao);
    expect(group.myRole).toBeUndefined();
    expect(group.canManage).toBe(true);
    await t.http
      .post('/api/research/groups')
      .set(as('music.li'))
      .send({ name: '指定组长', kind: 'group', leadId: DEMO.user.englishZhao })
      .expect(403);
    await t.http
      .post('/api/research/groups')
      .set(as('district.zhou'))
      .send({ name: '区级工作室', kind: 'studio', leadId: DEMO.user.musicLi })
      .expect(400);
    const district = await t.http
      .post(`/api/research/groups?communityId=${DEMO.community}`)
      .set(as('district.zhou'))
      .send({ name: '区级工作室', kind: 'studio', leadId: DEMO.user.musicLi })
      .expect(201);
    expect((district.body as ResearchGroupView).lead.id).toBe(DEMO.user.musicLi);
    await t.http
      .post(`/api/research/groups?communityId=${other.communityId}`)
      .set(as('district.zhou'))
      .send({ name: '外区工作室', kind: 'studio', leadId: other.userId })
      .expect(403);
    await t.http.post('/api/research/groups').set(as('school.wang')).send({ name: 'x', kind: 'group' }).expect(403);
  });

  it('manages members: add, change role, remove; the lead cannot be removed (409)', async () => {
    const group = await createGroup('music.li');
    const url = `/api/research/groups/${group.id}`;
    let res = await t.http.put(`${url}/members/${ART_CHEN}`).set(as('music.li')).send({ role: 'member' }).expect(200);
    expect((res.body as ResearchGroupView).members.find((m) => m.userId === ART_CHEN)?.role).toBe('member');
    res = await t.http.put(`${url}/members/${ART_CHEN}`).set(as('music.li')).send({ role: 'observer' }).expect(200);
    expect((res.body as ResearchGroupView).members.find((m) => m.userId === ART_CHEN)?.role).toBe('observer');
    await t.http.put(`${url}/members/${other.userId}`).set(as('music.li')).send({ role: 'member' }).expect(400);
    await t.http.put(`${url}/members/${ART_CHEN}`).set(as('music.li')).send({ role: 'lead' }).expect(400);
    await t.http.delete(`${url}/members/${DEMO.user.musicLi}`).set(as('music.li')).expect(409);
    await t.http.put(`${url}/members/${DEMO.user.musicLi}`).set(as('music.li')).send({ role: 'member' }).expect(409);
    res = await t.http.delete(`${url}/members/${ART_CHEN}`).set(as('music.li')).expect(200);
    expect((res.body as ResearchGroupView).members.map((m) => m.userId)).toEqual([DEMO.user.musicLi]);
    await t.http.delete(`${url}/members/${ART_CHEN}`).set(as('music.li')).expect(404);
  });

  it('never lets two concurrent member changes undo each other (the one that loses the race gets 409)', async () => {
    const group = await createGroup('music.li');
    const url = `/api/research/groups/${group.id}`;
    const people = [ART_CHEN, DEMO.user.englishZhao];
    for (let round = 0; round < 5; round++) {
      const answers = await Promise.all(
        people.map((id, i) =>
          t.http
            .put(`${url}/members/${id}`)
            .set(as(i === 0 ? 'music.li' : 'admin'))
            .send({ role: round % 2 ? 'observer' : 'member' }),
        ),
      );
      expect(answers.map((a) => a.status).every((s) => s === 200 || s === 409)).toBe(true);
      const stored = (await t.http.get(url).set(as('music.li')).expect(200)).body as ResearchGroupView;
      people.forEach((id, i) => {
        if (answers[i].status === 200) expect(stored.members.some((m) => m.userId === id)).toBe(true);
      });
      for (const id of people) await t.http.delete(`${url}/members/${id}`).set(as('music.li'));
    }
  });

  it('pairs mentors with mentees among the members, and ends the pairing', async () => {
    const group = await createGroup('music.li', { members: [{ userId: DEMO.user.englishZhao, role: 'member' }] });
    const url = `/api/research/groups/${group.id}/mentorships`;
    const res = await t.http
      .post(url)
      .set(as('music.li'))
      .send({ mentorId: DEMO.user.musicLi, menteeId: DEMO.user.englishZhao, note: '青年教师培养' })
      .expect(201);
    const [pair] = (res.body as ResearchGroupView).mentorships;
    expect(pair).toMatchObject({
      mentor: { id: DEMO.user.musicLi, name: '李静（音乐）' },
      mentee: { id: DEMO.user.englishZhao, name: '赵敏（英语）' },
      note: '青年教师培养',
    });
    await t.http
      .post(url)
      .set(as('music.li'))
      .send({ mentorId: DEMO.user.musicLi, menteeId: DEMO.user.englishZhao })
      .expect(409);
    const notMember = await t.http
      .post(url)
      .set(as('music.li'))
      .send({ mentorId: DEMO.user.musicLi, menteeId: ART_CHEN })
      .expect(400);
    expect((notMember.body as ErrorBody).message).toContain(`menteeId ${ART_CHEN}`);
    await t.http
      .post(url)
      .set(as('music.li'))
      .send({ mentorId: DEMO.user.musicLi, menteeId: DEMO.user.musicLi })
      .expect(400);
    // Removing the mentee ends their mentorships too.
    const removed = await t.http
      .delete(`/api/research/groups/${group.id}/members/${DEMO.user.englishZhao}`)
      .set(as('music.li'))
      .expect(200);
    expect((removed.body as ResearchGroupView).mentorships).toEqual([]);
    await t.http.delete(`${url}/${pair.id}`).set(as('music.li')).expect(404);
  });

  it('ends a mentorship by id', async () => {
    const group = await createGroup('music.li', { members: [{ userId: ART_CHEN, role: 'member' }] });
    const url = `/api/research/groups/${group.id}/mentorships`;
    const res = await t.http
      .post(url)
      .set(as('music.li'))
      .send({ mentorId: DEMO.user.musicLi, menteeId: ART_CHEN })
      .expect(201);
    const [pair] = (res.body as ResearchGroupView).mentorships;
    const after = await t.http.delete(`${url}/${pair.id}`).set(as('music.li')).expect(200);
    expect((after.body as ResearchGroupView).mentorships).toEqual([]);
  });

  it('lists the people who may join (no terminals, no other district)', async () => {
    const res = await t.http.get('/api/research/groups/candidates').set(as('music.li')).expect(200);
    const people = res.body as GroupCandidateView[];
    const ids = people.map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining([DEMO.user.englishZhao, DEMO.user.assistantLiu, ART_CHEN]));
    expect(ids).not.toContain(DEMO.user.terminal2);
    expect(ids).not.toContain(other.userId);
    expect(people.find((p) => p.id === DEMO.user.assistantLiu)).toMatchObject({ schoolId: DEMO.school.tanghe });
    await t.http.get('/api/research/groups/candidates').set(as('district.zhou')).expect(400);
    await t.http
      .get(`/api/research/groups/candidates?communityId=${DEMO.community}`)
      .set(as('district.zhou'))
      .expect(200);
    await t.http.get('/api/research/groups/candidates').set(as('school.wang')).expect(403);
  });

  describe('permissions', () => {
    let group: ResearchGroupView;
    let url: string;

    beforeAll(async () => {
      group = await createGroup('music.li', { members: [{ userId: DEMO.user.englishZhao, role: 'observer' }] });
      url = `/api/research/groups/${group.id}`;
    });

    it('answers 404 to teachers outside the group', async () => {
      await t.http.get(url).set(as('art.chen')).expect(404);
      await t.http.patch(url).set(as('art.chen')).send({ name: '改名' }).expect(404);
      await t.http.put(`${url}/members/${ART_CHEN}`).set(as('art.chen')).send({ role: 'member' }).expect(404);
    });

    it('lets observers read but not change the group (403)', async () => {
      const res = await t.http.get(url).set(as('english.zhao')).expect(200);
      expect(res.body).toMatchObject({ myRole: 'observer', canManage: false });
      await t.http.patch(url).set(as('english.zhao')).send({ name: '改名' }).expect(403);
      await t.http.put(`${url}/members/${ART_CHEN}`).set(as('english.zhao')).send({ role: 'member' }).expect(403);
      await t.http
        .post(`${url}/mentorships`)
        .set(as('english.zhao'))
        .send({ mentorId: DEMO.user.musicLi, menteeId: DEMO.user.englishZhao })
        .expect(403);
    });

    it('lets the community admin manage and hand over the lead; the old lead stays a member', async () => {
      const res = await t.http
        .patch(url)
        .set(as('admin'))
        .send({ name: `${group.name}（新）`, grades: [5], leadId: DEMO.user.englishZhao })
        .expect(200);
      const view = res.body as ResearchGroupView;
      expect(view).toMatchObject({ name: `${group.name}（新）`, grades: [5], canManage: true });
      expect(view.lead.id).toBe(DEMO.user.englishZhao);
      expect(view.members.map((m) => [m.userId, m.role])).toEqual([
        [DEMO.user.englishZhao, 'lead'],
        [DEMO.user.musicLi, 'member'],
      ]);
      await t.http.get(url).set(as('music.li')).expect(200);
      await t.http.patch(url).set(as('music.li')).send({ description: 'x' }).expect(403);
    });

    it('lets research officers and district admins read every group of the community', async () => {
      const officer = await t.http.get('/api/research/groups').set(as('research.sun')).expect(200);
      expect((officer.body as ResearchGroupView[]).map((g) => g.id)).toContain(group.id);
      const officerOne = await t.http.get(url).set(as('research.sun')).expect(200);
      expect(officerOne.body).toMatchObject({ canManage: false });
      await t.http.patch(url).set(as('research.sun')).send({ description: 'x' }).expect(403);
      const district = await t.http
        .get(`/api/research/groups?communityId=${DEMO.community}`)
        .set(as('district.zhou'))
        .expect(200);
      expect((district.body as ResearchGroupView[]).map((g) => g.id)).toContain(group.id);
      await t.http.get(url).set(as('district.zhou')).expect(200);
      await t.http.get(`/api/research/groups?communityId=${other.communityId}`).set(as('district.zhou')).expect(403);
    });

    it('answers 404 to the school admin who is no member', async () => {
      await t.http.get(url).set(as('school.wang')).expect(404);
      const list = await t.http.get('/api/research/groups').set(as('school.wang')).expect(200);
      expect((list.body as ResearchGroupView[]).map((g) => g.id)).not.toContain(group.id);
    });
  });
});
