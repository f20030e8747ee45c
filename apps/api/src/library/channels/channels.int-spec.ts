import type {
  ChannelView,
  ErrorBody,
  ProgrammeConflict,
  ProgrammeEntryView,
  ProgrammeGuideView,
} from '@tongke/contracts';
import { DateTime } from 'luxon';
import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import { DEMO } from '../../org/testing/org-test.support';
import { ChannelsController } from './channels.controller';
import { communityWithTeacher, resourceFixture } from './testing/channel-fixtures';

const ZONE = 'Asia/Shanghai';
const DEMO_DISTRICT = '鹤壁市山城区教育体育局';

/** Next Monday 19:00 in Shanghai, at least a day ahead. */
function nextMondayEvening(): DateTime {
  const today = DateTime.now().setZone(ZONE).startOf('day');
  return today.plus({ days: 8 - today.weekday }).set({ hour: 19 });
}

describe(ChannelsController.name, () => {
  let t: ApiTestApp;
  const auth = new Map<string, { Authorization: string }>();
  const as = (who: string) => auth.get(who)!;

  beforeAll(async () => {
    t = await startApiTestApp(38);
    for (const u of ['admin', 'district.zhou', 'school.wang', 'music.li']) {
      auth.set(u, { Authorization: `Bearer ${await t.login(u)}` });
    }
  });

  afterAll(async () => {
    await t.close();
  });

  async function createChannel(body: object, who = 'admin'): Promise<ChannelView> {
    const res = await t.http.post('/api/library/channels').set(as(who)).send(body).expect(201);
    return res.body as ChannelView;
  }

  const programme = (channelId: string) => `/api/library/channels/${channelId}/programme`;

  describe('channels', () => {
    it('creates, lists, edits and deletes a channel as the community admin', async () => {
      const created = await createChannel({ name: '空中云课堂 · 晚间', description: '工作日晚间重播' });
      expect(created).toMatchObject({
        communityId: DEMO.community,
        name: '空中云课堂 · 晚间',
        description: '工作日晚间重播',
        visibility: 'community',
        timeZone: ZONE,
        canEdit: true,
      });
      expect(created.liveUrl).toMatch(
        new RegExp(`^/api/library/channels/${created.id}/[0-9a-z]+\\.[\\w-]{43}/live\\.m3u8$`),
      );

      const list = (await t.http.get('/api/library/channels').set(as('music.li')).expect(200)).body as ChannelView[];
      expect(list.find((c) => c.id === created.id)).toMatchObject({ name: '空中云课堂 · 晚间', canEdit: false });

      const renamed = await t.http
        .patch(`/api/library/channels/${created.id}`)
        .set(as('admin'))
        .send({ name: '晚间频道', visibility: 'district' })
        .expect(200);
      expect(renamed.body).toMatchObject({ name: '晚间频道', visibility: 'district' });

      await t.http.delete(`/api/library/channels/${created.id}`).set(as('admin')).expect(204);
      await t.http.get(`/api/library/channels/${created.id}`).set(as('admin')).expect(404);
    });

    it('lets a district admin create in a community they name, and asks for one otherwise', async () => {
      const res = await t.http
        .post('/api/library/channels')
        .set(as('district.zhou'))
        .send({ name: '区级频道' })
        .expect(400);
      expect((res.body as ErrorBody).message).toMatch(/communityId is required/);
      const created = await createChannel({ name: '区级频道', communityId: DEMO.community }, 'district.zhou');
      expect(created).toMatchObject({ communityId: DEMO.community, canEdit: true });
    });

    it('lets only community and district admins manage (403 for teachers and school admins)', async () => {
      const channel = await createChannel({ name: '管理权限频道' });
      for (const who of ['music.li', 'school.wang']) {
        await t.http.post('/api/library/channels').set(as(who)).send({ name: 'x' }).expect(403);
        await t.http.patch(`/api/library/channels/${channel.id}`).set(as(who)).send({ name: 'x' }).expect(403);
        await t.http.delete(`/api/library/channels/${channel.id}`).set(as(who)).expect(403);
        await t.http.post(programme(channel.id)).set(as(who)).send({}).expect(403);
      }
      await t.http.get(`/api/library/channels/${channel.id}`).set(as('music.li')).expect(200);
    });

    it('shows community channels to their community only, district ones to the district, public ones to all', async () => {
      const mine = await createChannel({ name: '本联盟频道' });
      const district = await createChannel({ name: '全区频道', visibility: 'district' });
      const open = await createChannel({ name: '公开频道', visibility: 'public' });
      const sibling = await communityWithTeacher(t, DEMO_DISTRICT);
      const foreign = await communityWithTeacher(t, '淇滨区教育局');
      const seen = async (token: string) =>
        (
          (
            await t.http
              .get('/api/library/channels')
              .set({ Authorization: `Bearer ${token}` })
              .expect(200)
          ).body as ChannelView[]
        ).map((c) => c.id);

      expect(await seen(sibling.token)).toEqual(expect.arrayContaining([district.id, open.id]));
      expect(await seen(sibling.token)).not.toContain(mine.id);
      expect(await seen(foreign.token)).toContain(open.id);
      expect(await seen(foreign.token)).not.toContain(district.id);
      await t.http
        .get(`/api/library/channels/${mine.id}`)
        .set({ Authorization: `Bearer ${foreign.token}` })
        .expect(404);
      await t.http
        .get(`/api/library/channels/${district.id}/guide`)
        .set({ Authorization: `Bearer ${foreign.token}` })
        .expect(404);
      const view = await t.http
        .get(`/api/library/channels/${open.id}`)
        .set({ Authorization: `Bearer ${foreign.token}` })
        .expect(200);
      expect(view.body).toMatchObject({ canEdit: false });
    });

    it('refuses bad channel input with clear messages', async () => {
      const bad = async (body: object, status: number, message: RegExp) => {
        const res = await t.http.post('/api/library/channels').set(as('admin')).send(body).expect(status);
        expect((res.body as ErrorBody).message).toMatch(message);
      };
      await bad({}, 400, /name/);
      await bad({ name: '  ' }, 400, /name is required/);
      await bad({ name: 'x'.repeat(61) }, 400, /name/);
      await bad({ name: 'ok', visibility: 'everyone' }, 400, /visibility/);
      await bad({ name: 'ok', communityId: 'nope' }, 400, /communityId must be an id/);
      await bad({ name: 'ok', communityId: '0123456789abcdef01234567' }, 404, /no community/);
      await createChannel({ name: '同名频道' });
      await bad({ name: '同名频道' }, 409, /already has a channel named 同名频道/);
      await t.http.get('/api/library/channels/not-an-id').set(as('admin')).expect(400);
      await t.http.patch('/api/library/channels/0123456789abcdef01234567').set(as('admin')).send({}).expect(404);
      await t.http
        .patch(`/api/library/channels/0123456789abcdef01234567`)
        .set(as('admin'))
        .send({ colour: 'red' })
        .expect(400);
    });
  });

  describe('programme', () => {
    let channel: ChannelView;
    let lesson: string;

    beforeAll(async () => {
      channel = await createChannel({ name: '节目单频道' });
      lesson = (
        await resourceFixture(t, { communityId: DEMO.community, title: '四年级音乐《草原放牧》', files: false })
      )._id.toHexString();
    });

    const guide = async (from: string, to: string) =>
      (
        await t.http
          .get(`/api/library/channels/${channel.id}/guide?from=${from}&to=${to}`)
          .set(as('music.li'))
          .expect(200)
      ).body as ProgrammeGuideView;

    it('repeats weekday evenings for the given weeks and shows them in the guide', async () => {
      const monday = nextMondayEvening();
      const res = await t.http
        .post(programme(channel.id))
        .set(as('admin'))
        .send({ resourceId: lesson, startsAt: monday.toISO(), repeat: { weekdays: [1, 2, 3, 4, 5], weeks: 2 } })
        .expect(201);
      const entries = res.body as ProgrammeEntryView[];
      expect(entries).toHaveLength(10);
      expect(entries[0]).toMatchObject({
        title: '四年级音乐《草原放牧》',
        subject: 'music',
        grade: 4,
        resourceId: lesson,
      });
      expect(new Date(entries[0].startsAt).getTime()).toBe(monday.toMillis());
      expect(new Date(entries[0].endsAt).getTime()).toBe(monday.toMillis() + 40_000);
      const local = entries.map((e) => DateTime.fromISO(e.startsAt, { zone: ZONE }).toFormat('ccc HH:mm'));
      expect(new Set(local)).toEqual(new Set(['Mon 19:00', 'Tue 19:00', 'Wed 19:00', 'Thu 19:00', 'Fri 19:00']));

      const week = await guide(monday.toISODate()!, monday.plus({ days: 6 }).toISODate()!);
      expect(week.entries.map((e) => e.id)).toEqual(entries.slice(0, 5).map((e) => e.id));
      expect(week.channel.next?.id).toBe(entries[0].id);
      expect(week).toMatchObject({ from: monday.toISODate(), to: monday.plus({ days: 6 }).toISODate() });
    });

    it('refuses overlaps (409 SCHEDULE_CONFLICT with details) and adds nothing', async () => {
      const monday = nextMondayEvening();
      const before = (await guide(monday.toISODate()!, monday.plus({ days: 13 }).toISODate()!)).entries.length;
      const res = await t.http
        .post(programme(channel.id))
        .set(as('admin'))
        .send({
          resourceId: lesson,
          startsAt: monday.plus({ seconds: 20 }).toISO(),
          repeat: { weekdays: [1, 6], weeks: 1 },
        })
        .expect(409);
      const body = res.body as ErrorBody & { details: ProgrammeConflict[] };
      expect(body.code).toBe('SCHEDULE_CONFLICT');
      expect(body.message).toMatch(/overlaps "四年级音乐《草原放牧》" at .* 19:00:00–19:00:40/);
      expect(body.details).toHaveLength(1);
      expect(body.details[0].other.id).toBeDefined();
      const after = (await guide(monday.toISODate()!, monday.plus({ days: 13 }).toISODate()!)).entries.length;
      expect(after).toBe(before);
    });

    it('removes an entry that has not aired, and keeps one that has (409)', async () => {
      const start = nextMondayEvening().plus({ days: 20 });
      const [entry] = (
        await t.http
          .post(programme(channel.id))
          .set(as('admin'))
          .send({ resourceId: lesson, startsAt: start.toISO() })
          .expect(201)
      ).body as ProgrammeEntryView[];
      await t.http
        .delete(`${programme(channel.id)}/${entry.id}`)
        .set(as('music.li'))
        .expect(403);
      await t.http
        .delete(`${programme(channel.id)}/${entry.id}`)
        .set(as('admin'))
        .expect(204);
      await t.http
        .delete(`${programme(channel.id)}/${entry.id}`)
        .set(as('admin'))
        .expect(404);

      const aired = await createChannel({ name: '已播频道' });
      const [old] = (
        await t.http
          .post(programme(aired.id))
          .set(as('admin'))
          .send({ resourceId: lesson, startsAt: new Date(Date.now() - 250_000).toISOString() })
          .expect(201)
      ).body as ProgrammeEntryView[];
      const res = await t.http
        .delete(`${programme(aired.id)}/${old.id}`)
        .set(as('admin'))
        .expect(409);
      expect((res.body as ErrorBody).message).toMatch(/has already aired/);
    });

    it('refuses unknown, unready, too private resources and bad times with clear messages', async () => {
      const processing = await resourceFixture(t, { communityId: DEMO.community, title: '处理中', processing: true });
      const future = nextMondayEvening().plus({ days: 40 }).toISO();
      const districtChannel = await createChannel({ name: '全区节目', visibility: 'district' });
      const bad = async (body: object, status: number, message: RegExp, target = channel.id) => {
        const res = await t.http.post(programme(target)).set(as('admin')).send(body).expect(status);
        expect((res.body as ErrorBody).message).toMatch(message);
      };
      await bad({ resourceId: '0123456789abcdef01234567', startsAt: future }, 404, /no resource/);
      await bad({ resourceId: processing._id.toHexString(), startsAt: future }, 409, /not ready/);
      await bad({ resourceId: lesson, startsAt: future }, 400, /not visible to the whole district/, districtChannel.id);
      await bad({ resourceId: lesson, startsAt: 'tomorrow 7pm' }, 400, /startsAt/);
      await bad({ resourceId: lesson, startsAt: new Date(Date.now() - 3600_000).toISOString() }, 400, /in the past/);
      await bad({ resourceId: lesson, startsAt: future, repeat: { weekdays: [1], weeks: 27 } }, 400, /weeks/);
      await bad({ resourceId: lesson, startsAt: future, repeat: { weekdays: [8], weeks: 1 } }, 400, /weekdays/);
      await bad({ resourceId: 'x', startsAt: future }, 400, /resourceId must be an id/);
      await bad({ resourceId: lesson, startsAt: future }, 404, /no channel/, '0123456789abcdef01234567');
    });

    it('refuses to widen who may watch while upcoming programmes are too private for it', async () => {
      const res = await t.http
        .patch(`/api/library/channels/${channel.id}`)
        .set(as('admin'))
        .send({ visibility: 'public' })
        .expect(409);
      expect((res.body as ErrorBody).message).toMatch(/upcoming programmes play "四年级音乐《草原放牧》"/);
      await t.http
        .get(`/api/library/channels/${channel.id}`)
        .set(as('admin'))
        .expect(200, /"visibility":"community"/);
    });

    it('bounds the guide range', async () => {
      const base = `/api/library/channels/${channel.id}/guide`;
      const fail = async (q: string, message: RegExp) => {
        const res = await t.http.get(`${base}?${q}`).set(as('admin')).expect(400);
        expect((res.body as ErrorBody).message).toMatch(message);
      };
      await fail('from=2026-03-10&to=2026-03-01', /to must not be before from/);
      await fail('from=2026-03-01&to=2026-05-01', /at most 31 days/);
      await fail('from=2026-02-30', /YYYY-MM-DD/);
      const week = (await t.http.get(base).set(as('admin')).expect(200)).body as ProgrammeGuideView;
      expect(week.from).toBe(DateTime.now().setZone(ZONE).toISODate());
      expect(week.to).toBe(DateTime.now().setZone(ZONE).plus({ days: 6 }).toISODate());
    });
  });
});
