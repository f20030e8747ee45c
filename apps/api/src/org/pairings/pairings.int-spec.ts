import type { PairingView, SchoolView } from '@tongke/contracts';
import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import {
  DEMO,
  insertOtherCommunity,
  latestAudit,
  type OrgLogin,
  type OtherCommunity,
  signInAll,
} from '../testing/org-test.support';
import { PairingsService } from './pairings.service';

const base = `/api/communities/${DEMO.community}/pairings`;

describe(PairingsService.name, () => {
  let t: ApiTestApp;
  let auth: (user: OrgLogin) => { Authorization: string };
  let other: OtherCommunity;
  let newSchoolId: string;

  beforeAll(async () => {
    t = await startApiTestApp(17);
    auth = await signInAll(t);
    other = await insertOtherCommunity(t);
    const school = await t.http
      .post(`/api/communities/${DEMO.community}/schools`)
      .set(auth('admin'))
      .send({ name: '李家坝小学', kind: 'rural', stage: 'primary' })
      .expect(201);
    newSchoolId = (school.body as SchoolView).id;
  });

  afterAll(async () => {
    await t.close();
  });

  it('lists the demo pairings (lead school with each rural school) to every member, active today', async () => {
    const res = await t.http.get(base).set(auth('terminal.2')).expect(200);
    const pairings = res.body as PairingView[];
    expect(pairings).toHaveLength(3);
    for (const p of pairings) {
      expect(p).toMatchObject({ leadSchoolId: DEMO.school.urban, since: '2024-09-01', active: true });
    }
    expect(pairings.map((p) => p.memberSchoolId).sort()).toEqual(
      [DEMO.school.tanghe, DEMO.school.shilin, DEMO.school.dahu].sort(),
    );
  });

  describe('create', () => {
    let created: PairingView;

    it('pairs two schools of the community and audits it', async () => {
      const body = {
        leadSchoolId: DEMO.school.urban,
        memberSchoolId: newSchoolId,
        since: '2026-09-01',
        until: '2029-07-15',
      };
      const res = await t.http.post(base).set(auth('district.zhou')).send(body).expect(201);
      created = res.body as PairingView;
      expect(created).toMatchObject({ ...body, communityId: DEMO.community });
      const [entry] = await latestAudit(t, auth('admin'), 1);
      expect(entry).toMatchObject({
        action: 'pairing.create',
        target: { type: 'pairing', id: created.id, name: '山城区第一实验小学 ↔ 李家坝小学' },
      });
    });

    it('refuses the same pair again and the reverse pair (409)', async () => {
      const again = await t.http
        .post(base)
        .set(auth('admin'))
        .send({ leadSchoolId: DEMO.school.urban, memberSchoolId: newSchoolId, since: '2027-01-01' })
        .expect(409);
      expect(again.body).toEqual({ code: 'CONFLICT', message: '山城区第一实验小学 is already paired with 李家坝小学' });
      const reverse = await t.http
        .post(base)
        .set(auth('admin'))
        .send({ leadSchoolId: newSchoolId, memberSchoolId: DEMO.school.urban, since: '2027-01-01' })
        .expect(409);
      expect(reverse.body.message).toBe('山城区第一实验小学 already leads a pairing with 李家坝小学');
    });

    it.each([
      [{ memberSchoolId: DEMO.school.urban }, 'a school cannot be paired with itself'],
      [
        { memberSchoolId: '74e9c0000000000000000999' },
        'memberSchoolId 74e9c0000000000000000999 is not a school of this community',
      ],
      [{ leadSchoolId: 'OTHER' }, /^leadSchoolId [0-9a-f]{24} is not a school of this community$/],
      [{ since: '2026-02-30' }, 'since must be a date written YYYY-MM-DD'],
      [{ since: 20260901 }, 'since must be a date written YYYY-MM-DD'],
      [{ until: '2026-08-31' }, 'until (2026-08-31) must not be before since (2026-09-01)'],
      [{ leadSchoolId: 'abc' }, 'leadSchoolId must be a mongodb id'],
    ])('400s bad input %#', async (patch, message) => {
      const body = {
        leadSchoolId: DEMO.school.urban,
        memberSchoolId: DEMO.school.tanghe,
        since: '2026-09-01',
        ...patch,
      };
      if (body.leadSchoolId === 'OTHER') body.leadSchoolId = other.schoolId;
      const res = await t.http.post(base).set(auth('admin')).send(body).expect(400);
      expect(res.body.message).toEqual(typeof message === 'string' ? message : expect.stringMatching(message));
    });

    it('403s school admins and teachers', async () => {
      const body = { leadSchoolId: DEMO.school.urban, memberSchoolId: newSchoolId, since: '2026-09-01' };
      await t.http.post(base).set(auth('school.wang')).send(body).expect(403);
      await t.http.post(base).set(auth('music.li')).send(body).expect(403);
    });

    it('updates the period, null clearing the end; refuses until before since', async () => {
      const url = `${base}/${created.id}`;
      const res = await t.http.patch(url).set(auth('admin')).send({ since: '2020-01-01', until: null }).expect(200);
      expect(res.body).toMatchObject({ since: '2020-01-01', active: true });
      expect(res.body).not.toHaveProperty('until');
      const [entry] = await latestAudit(t, auth('admin'), 1);
      expect(entry).toMatchObject({ action: 'pairing.update', changes: ['since', 'until'] });
      const ended = await t.http.patch(url).set(auth('admin')).send({ until: '2021-01-01' }).expect(200);
      expect(ended.body).toMatchObject({ until: '2021-01-01', active: false });
      const bad = await t.http.patch(url).set(auth('admin')).send({ until: '2019-12-31' }).expect(400);
      expect(bad.body.message).toBe('until (2019-12-31) must not be before since (2020-01-01)');
      await t.http.patch(url).set(auth('admin')).send({ leadSchoolId: DEMO.school.tanghe }).expect(400);
    });

    it('404s pairings of another community or unknown ids', async () => {
      await t.http
        .patch(`${base}/74e9c0000000000000000999`)
        .set(auth('admin'))
        .send({ since: '2020-01-01' })
        .expect(404);
      await t.http.delete(`${base}/${other.schoolId}`).set(auth('admin')).expect(404);
      await t.http.get(`/api/communities/${other.communityId}/pairings`).set(auth('admin')).expect(403);
    });

    it('deletes a pairing (audited), after which its school can be deleted', async () => {
      await t.http.delete(`${base}/${created.id}`).set(auth('school.wang')).expect(403);
      await t.http.delete(`${base}/${created.id}`).set(auth('admin')).expect(204);
      const [entry] = await latestAudit(t, auth('admin'), 1);
      expect(entry).toMatchObject({ action: 'pairing.delete', target: { id: created.id } });
      expect((await t.http.get(base).set(auth('admin'))).body).toHaveLength(3);
      await t.http.delete(`/api/communities/${DEMO.community}/schools/${newSchoolId}`).set(auth('admin')).expect(204);
    });
  });
});
