import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { getModelToken } from '@nestjs/mongoose';
import type { ResourcePage, ResourceView, SeriesView } from '@tongke/contracts';
import type { Model } from 'mongoose';
import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import { AuditEntry } from '../../audit/audit-entry.schema';
import { DEMO_COMMUNITY } from '../../seed/demo-district.data';
import { DEMO, signInAll } from '../../org/testing/org-test.support';
import { StoragePaths } from '../storage/storage-paths';
import { Favourite } from './favourites/favourite.schema';
import { ResourceRepository } from './resource.repository';
import type { Resource } from './resource.schema';
import { ResourcesService } from './resources.service';
import {
  type AuthHeader,
  createResource,
  otherDistrictTeacher,
  type Outsider,
  publish,
  sameDistrictTeacher,
} from './testing/library-test.support';

const BASE = '/api/library/resources';
const SERIES = '/api/library/series';
const LI = { communityId: DEMO.community, userId: DEMO.user.musicLi };
const ZHAO = { communityId: DEMO.community, userId: DEMO.user.englishZhao };

describe(ResourcesService.name, () => {
  let t: ApiTestApp;
  let auth: Awaited<ReturnType<typeof signInAll>>;
  let zhao: AuthHeader;
  let far: Outsider;
  let near: Outsider;
  const R: Record<string, Resource> = {};

  const search = async (query: string, who: AuthHeader) =>
    (await t.http.get(`${BASE}?${query}`).set(who).expect(200)).body as ResourcePage;
  const titles = (page: ResourcePage) => page.items.map((i) => i.title);
  const get = (id: unknown, who: AuthHeader) => t.http.get(`${BASE}/${String(id)}`).set(who);

  beforeAll(async () => {
    t = await startApiTestApp(32);
    auth = await signInAll(t);
    zhao = { Authorization: `Bearer ${await t.login('english.zhao')}` };
    far = await otherDistrictTeacher(t);
    near = await sameDistrictTeacher(t, DEMO_COMMUNITY.district);
    const ready = async (key: string, owner: typeof LI, m: Parameters<typeof createResource>[2]) => {
      R[key] = await createResource(t, owner, m);
      await publish(t, R[key]);
    };
    await ready('music', LI, {
      title: '四年级音乐《草原放牧》',
      subject: 'music',
      grade: 4,
      chapter: '第三单元',
      textbookEdition: '人音版',
      tags: ['公开课'],
    });
    await ready('maths', LI, { title: '数学', subject: 'math', grade: 5, chapter: '第一单元' });
    await ready('english', ZHAO, { title: 'Unit 3 Hello World', subject: 'english', grade: 4 });
    await ready('district', ZHAO, { title: '科学 区级共享', subject: 'science', grade: 6, visibility: 'district' });
    await ready('public', ZHAO, { title: '美术 公开资源', subject: 'art', grade: 3, visibility: 'public' });
    await ready('foreign', far, { title: '外区音乐课', subject: 'music', grade: 4 });
    R.processing = await createResource(t, LI, { title: '处理中的音乐课', subject: 'music', grade: 4 });
  });

  afterAll(async () => {
    await t.close();
  });

  describe('search', () => {
    it('finds "音乐" in "四年级音乐《草原放牧》" and not in "数学"', async () => {
      const page = await search(`q=${encodeURIComponent('音乐')}`, zhao);
      expect(titles(page)).toContain('四年级音乐《草原放牧》');
      expect(titles(page)).not.toContain('数学');
      expect(titles(await search(`q=${encodeURIComponent('草原 放牧')}`, zhao))).toEqual(['四年级音乐《草原放牧》']);
      expect((await search(`q=${encodeURIComponent('草原 数学')}`, zhao)).total).toBe(0);
    });

    it('matches English words case-insensitively, and tags, editions and subject names', async () => {
      expect(titles(await search('q=hello%20WORLD', zhao))).toEqual(['Unit 3 Hello World']);
      expect(titles(await search(`q=${encodeURIComponent('公开课')}`, zhao))).toEqual(['四年级音乐《草原放牧》']);
      expect(titles(await search(`q=${encodeURIComponent('人音版')}`, zhao))).toEqual(['四年级音乐《草原放牧》']);
      expect(titles(await search(`q=${encodeURIComponent('英语')}`, zhao))).toEqual(['Unit 3 Hello World']);
    });

    it('filters by chapter, grade, subject, tag and kind', async () => {
      expect(titles(await search(`chapter=${encodeURIComponent('第三单元')}`, zhao))).toEqual([
        '四年级音乐《草原放牧》',
      ]);
      expect(titles(await search('grade=5', zhao))).toEqual(['数学']);
      expect(titles(await search('subject=english&grade=4', zhao))).toEqual(['Unit 3 Hello World']);
      expect(titles(await search(`tag=${encodeURIComponent('公开课')}`, zhao))).toEqual(['四年级音乐《草原放牧》']);
      expect((await search('kind=recording', zhao)).total).toBe(0);
    });

    it('sorts by most viewed or newest, and pages', async () => {
      await t.app.get(ResourceRepository).increment(R.maths.communityId, R.maths._id, 'views', 7);
      await t.app.get(ResourceRepository).increment(R.english.communityId, R.english._id, 'views', 3);
      expect(titles(await search('sort=most_viewed&pageSize=2', zhao))).toEqual(['数学', 'Unit 3 Hello World']);
      const newest = await search('sort=newest&pageSize=2&page=2', zhao);
      expect(newest).toMatchObject({ total: 5, page: 2, pageSize: 2 });
      expect(titles(newest)).toEqual(['Unit 3 Hello World', '数学']);
    });

    it.each([
      ['a page size over 50', 'pageSize=51', 'pageSize must not be greater than 50'],
      ['a query over 100 characters', `q=${'长'.repeat(101)}`, 'q must be shorter than or equal to 100 characters'],
      ['grade 10', 'grade=10', 'grade must be 1-9'],
      ['an unknown sort', 'sort=oldest', 'sort must be one of'],
      ['a non-boolean favourites', 'favourites=maybe', 'favourites must be a boolean'],
      ['a malformed seriesId', 'seriesId=nope', 'seriesId must be a mongodb id'],
    ])('400s %s', async (_label, query, message) => {
      const res = await t.http
        .get(`${BASE}?${encodeURI(query)}`)
        .set(zhao)
        .expect(400);
      expect(res.body.message).toContain(message);
    });
  });

  describe('visibility', () => {
    it("hides a community resource from another community's users (404, not listed)", async () => {
      await get(R.music._id, far.auth).expect(404);
      await get(R.music._id, near.auth).expect(404);
      expect(titles(await search(`q=${encodeURIComponent('音乐')}`, far.auth))).toEqual(['外区音乐课']);
      await get(R.foreign._id, auth('music.li')).expect(404);
    });

    it('shows district resources to every community of the district, public ones to everyone', async () => {
      await get(R.district._id, near.auth).expect(200);
      await get(R.district._id, far.auth).expect(404);
      await get(R.public._id, far.auth).expect(200);
      expect(titles(await search('', near.auth)).sort()).toEqual(['科学 区级共享', '美术 公开资源']);
    });

    it('shows a processing resource only to its creator and the admins managing it', async () => {
      const mine = (await get(R.processing._id, auth('music.li')).expect(200)).body as ResourceView;
      expect(mine).toMatchObject({ status: 'processing', canEdit: true, processing: { stage: 'queued' } });
      expect(mine.posterUrl).toBeUndefined();
      for (const who of ['admin', 'district.zhou'] as const) await get(R.processing._id, auth(who)).expect(200);
      for (const who of [zhao, auth('research.sun'), auth('terminal.2'), auth('school.wang'), near.auth]) {
        await get(R.processing._id, who).expect(404);
      }
      expect(titles(await search(`q=${encodeURIComponent('音乐')}`, zhao))).not.toContain('处理中的音乐课');
      expect(titles(await search(`q=${encodeURIComponent('音乐')}`, auth('music.li')))).toContain('处理中的音乐课');
    });

    it('says who may edit, and signs the poster of ready resources', async () => {
      const view = (await get(R.music._id, zhao).expect(200)).body as ResourceView;
      expect(view).toMatchObject({ canEdit: false, favourite: false, teacher: { name: '李静（音乐）' } });
      expect(view.posterUrl).toMatch(new RegExp(`^/api/library/media/resource/${view.id}/[^/]+/poster\\.jpg$`));
      expect(((await get(R.music._id, auth('admin')).expect(200)).body as ResourceView).canEdit).toBe(true);
    });
  });

  describe('editing', () => {
    it('lets the author change metadata, re-indexes it for search and audits it', async () => {
      const res = await t.http
        .patch(`${BASE}/${R.maths._id}`)
        .set(auth('music.li'))
        .send({ title: '五年级数学《分数的意义》', tags: ['公开课'], chapter: '' })
        .expect(200);
      expect(res.body).toMatchObject({ title: '五年级数学《分数的意义》', tags: ['公开课'], grade: 5 });
      expect(res.body.chapter).toBeUndefined();
      expect(titles(await search(`q=${encodeURIComponent('分数')}`, zhao))).toEqual(['五年级数学《分数的意义》']);
      const audit = await t.app
        .get<Model<AuditEntry>>(getModelToken(AuditEntry.name))
        .findOne({ action: 'resource.update', targetId: R.maths._id.toHexString() })
        .lean();
      expect(audit).toMatchObject({ actorName: '李静（音乐）', changes: ['chapter', 'tags', 'title'] });
    });

    it('refuses non-editors: 403 if they can see it, 404 if they cannot', async () => {
      await t.http.patch(`${BASE}/${R.music._id}`).set(zhao).send({ title: 'x' }).expect(403);
      await t.http.patch(`${BASE}/${R.music._id}`).set(auth('school.wang')).send({ title: 'x' }).expect(403);
      await t.http.patch(`${BASE}/${R.music._id}`).set(far.auth).send({ title: 'x' }).expect(404);
      await t.http.delete(`${BASE}/${R.music._id}`).set(zhao).expect(403);
      expect(((await get(R.music._id, zhao)).body as ResourceView).title).toBe('四年级音乐《草原放牧》');
    });

    it.each([
      ['a too long title', { title: '长'.repeat(121) }, 'title: Too big'],
      ['a too long description', { description: 'x'.repeat(4001) }, 'description: Too big'],
      ['too many tags', { tags: Array.from({ length: 21 }, (_, i) => `标签${i}`) }, 'tags: at most 20 tags'],
      ['a too long tag', { tags: ['长'.repeat(31)] }, 'tags.0: Too big'],
      ['a blank title', { title: '  ' }, 'title: title is required'],
      ['grade 12', { grade: 12 }, 'grade: grade must be 1-9'],
      ['an unknown visibility', { visibility: 'secret' }, 'visibility: Invalid option'],
      ['an unknown field', { colour: 'red' }, 'Unrecognized key'],
    ])('400s %s with a message and changes nothing', async (_label, body, message) => {
      const res = await t.http.patch(`${BASE}/${R.music._id}`).set(auth('music.li')).send(body).expect(400);
      expect(res.body.message).toContain(message);
      const after = (await get(R.music._id, zhao)).body as ResourceView;
      expect(after).toMatchObject({
        title: '四年级音乐《草原放牧》',
        tags: ['公开课'],
        visibility: 'community',
        grade: 4,
      });
    });

    it('deletes the resource with its files, favourites and series places', async () => {
      const doomed = await createResource(t, LI, {
        title: '待删除的课',
        subject: 'music',
        grade: 4,
        visibility: 'public',
      });
      await publish(t, doomed);
      const paths = t.app.get(StoragePaths);
      const dirs = [paths.resourceDir(doomed._id.toHexString()), paths.sourceDir(doomed._id.toHexString())];
      for (const dir of dirs) {
        await mkdir(dir, { recursive: true });
        await writeFile(path.join(dir, 'video.mp4'), 'x');
      }
      await t.http.put(`${BASE}/${doomed._id}/favourite`).set(far.auth).expect(200);
      const series = await t.http
        .post(SERIES)
        .set(auth('music.li'))
        .send({ title: '待删除的专辑', resourceIds: [doomed._id.toHexString(), R.music._id.toHexString()] })
        .expect(201);
      await t.http.delete(`${BASE}/${doomed._id}`).set(far.auth).expect(403);
      await t.http.delete(`${BASE}/${doomed._id}`).set(auth('admin')).expect(204);
      await get(doomed._id, auth('music.li')).expect(404);
      expect(dirs.map((d) => existsSync(d))).toEqual([false, false]);
      const favourites = t.app.get<Model<Favourite>>(getModelToken(Favourite.name));
      expect(await favourites.countDocuments({ resourceId: doomed._id })).toBe(0);
      const after = (await t.http.get(`${SERIES}/${series.body.id}`).set(auth('music.li')).expect(200)).body;
      expect(after.resourceIds).toEqual([R.music._id.toHexString()]);
      await t.http.delete(`${BASE}/${doomed._id}`).set(auth('admin')).expect(404);
    });
  });

  describe('favourites', () => {
    const favour = (id: unknown, who: AuthHeader) => t.http.put(`${BASE}/${String(id)}/favourite`).set(who);
    const unfavour = (id: unknown, who: AuthHeader) => t.http.delete(`${BASE}/${String(id)}/favourite`).set(who);

    it('marks idempotently, keeps the counter right and filters by favourites', async () => {
      expect((await favour(R.english._id, zhao).expect(200)).body).toMatchObject({ favourite: true, favourites: 1 });
      expect((await favour(R.english._id, zhao).expect(200)).body).toMatchObject({ favourite: true, favourites: 1 });
      expect((await favour(R.english._id, auth('music.li')).expect(200)).body).toMatchObject({ favourites: 2 });
      expect(titles(await search('favourites=true', zhao))).toEqual(['Unit 3 Hello World']);
      expect((await search('favourites=true', auth('admin'))).total).toBe(0);
      expect((await unfavour(R.english._id, zhao).expect(200)).body).toMatchObject({ favourite: false, favourites: 1 });
      expect((await unfavour(R.english._id, zhao).expect(200)).body).toMatchObject({ favourite: false, favourites: 1 });
      expect((await search('favourites=true', zhao)).total).toBe(0);
    });

    it('404s resources the caller may not see', async () => {
      await favour(R.music._id, far.auth).expect(404);
      await favour(R.processing._id, zhao).expect(404);
    });
  });

  describe('series', () => {
    const create = (who: AuthHeader, body: object) => t.http.post(SERIES).set(who).send(body);
    const seriesOf = async (r: Resource) =>
      ((await get(r._id, auth('admin')).expect(200)).body as ResourceView).seriesIds;

    it('creates an ordered series, linking its resources both ways', async () => {
      const ids = [R.english._id, R.music._id].map((id) => id.toHexString());
      const res = await create(zhao, { title: '四年级同步课', grade: 4, resourceIds: ids }).expect(201);
      const series = res.body as SeriesView;
      expect(series).toMatchObject({ title: '四年级同步课', visibility: 'community', resourceIds: ids, canEdit: true });
      expect(await seriesOf(R.music)).toContain(series.id);
      const full = (await t.http.get(`${SERIES}/${series.id}`).set(auth('terminal.2')).expect(200)).body as SeriesView;
      expect(full.resources?.map((r) => r.title)).toEqual(['Unit 3 Hello World', '四年级音乐《草原放牧》']);
      expect(full.canEdit).toBe(false);
      expect(titles(await search(`seriesId=${series.id}`, zhao)).sort()).toEqual(
        ['Unit 3 Hello World', '四年级音乐《草原放牧》'].sort(),
      );
      await t.http.get(`${SERIES}/${series.id}`).set(far.auth).expect(404);

      const patched = await t.http
        .patch(`${SERIES}/${series.id}`)
        .set(auth('admin'))
        .send({ resourceIds: [R.music._id.toHexString()], description: '调整后' })
        .expect(200);
      expect(patched.body).toMatchObject({ title: '四年级同步课', description: '调整后', grade: 4 });
      expect(await seriesOf(R.english)).not.toContain(series.id);
      await t.http.patch(`${SERIES}/${series.id}`).set(auth('music.li')).send({ title: 'x' }).expect(403);

      await t.http.delete(`${SERIES}/${series.id}`).set(zhao).expect(204);
      expect(await seriesOf(R.music)).not.toContain(series.id);
      await t.http.get(`${SERIES}/${series.id}`).set(zhao).expect(404);
    });

    it('shows readers of a public series only the resources they may see', async () => {
      const ids = [R.music._id, R.public._id].map((id) => id.toHexString());
      const series = (await create(zhao, { title: '公开专辑', visibility: 'public', resourceIds: ids }).expect(201))
        .body as SeriesView;
      const seen = (await t.http.get(`${SERIES}/${series.id}`).set(far.auth).expect(200)).body as SeriesView;
      expect(seen.resources?.map((r) => r.title)).toEqual(['美术 公开资源']);
      const listed = (await t.http.get(SERIES).set(far.auth).expect(200)).body as SeriesView[];
      expect(listed.map((s) => s.title)).toEqual(['公开专辑']);
    });

    it('refuses resources the author cannot see, bad bodies and roles that do not author series', async () => {
      const hidden = await create(zhao, { title: '越界', resourceIds: [R.foreign._id.toHexString()] }).expect(400);
      expect(hidden.body.message).toBe(`resourceIds: no resource ${R.foreign._id.toHexString()} you can see`);
      await create(zhao, { title: '处理中', resourceIds: [R.processing._id.toHexString()] }).expect(400);
      const long = await create(zhao, { title: '长'.repeat(121) }).expect(400);
      expect(long.body.message).toContain('title: Too big');
      await create(auth('terminal.2'), { title: '终端专辑' }).expect(403);
      await create(auth('district.zhou'), { title: '区专辑' }).expect(403);
    });
  });
});
