import type { ResourcePage } from '@tongke/contracts';
import { Types } from 'mongoose';
import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import { DEMO } from '../../org/testing/org-test.support';
import { ProcessingQueue } from '../processing/processing.queue';
import { ResourceRepository } from '../resources/resource.repository';
import { sameDistrictTeacher, TINY_MEDIA, type Outsider } from '../resources/testing/library-test.support';
import { DEMO_COMMUNITY } from '../../seed/demo-district.data';
import { type RecordedLesson, RecordingIntakeService } from './recording-intake.service';

const BASE = '/api/library/resources';
const LOGINS = ['music.li', 'english.zhao', 'art.chen', 'research.sun', 'admin'];

describe(`${RecordingIntakeService.name} for meetings`, () => {
  let t: ApiTestApp;
  let neighbour: Outsider;
  const as = new Map<string, { Authorization: string }>();
  const auth = (who: string) => as.get(who)!;

  beforeAll(async () => {
    t = await startApiTestApp(87);
    for (const u of LOGINS) as.set(u, { Authorization: `Bearer ${await t.login(u)}` });
    neighbour = await sameDistrictTeacher(t, DEMO_COMMUNITY.district);
    // The recordings are published by hand below: no processing job runs.
    jest.spyOn(t.app.get(ProcessingQueue), 'enqueue').mockResolvedValue();
  });

  afterAll(async () => {
    await t.close();
  });

  /** A finished session's recording, taken in and published (ready) as the pipeline would. */
  async function recorded(session: Partial<RecordedLesson>): Promise<string> {
    const id = new Types.ObjectId();
    const full: RecordedLesson = {
      _id: id,
      communityId: new Types.ObjectId(DEMO.community),
      title: `网络教研 ${id.toHexString()}`,
      subject: 'music',
      grade: 4,
      leadTeacherId: new Types.ObjectId(DEMO.user.musicLi),
      ...session,
    };
    const manifest = `recordings/${id.toHexString()}/manifest.json`;
    const resourceId = await t.app.get(RecordingIntakeService).onRecordingFinished(full, manifest);
    await t.app.get(ResourceRepository).publish(full.communityId, resourceId, TINY_MEDIA, 1);
    return resourceId.toHexString();
  }

  const listed = async (who: { Authorization: string }, q = '') => {
    const res = await t.http
      .get(`${BASE}?pageSize=50${q && `&q=${encodeURIComponent(q)}`}`)
      .set(who)
      .expect(200);
    return (res.body as ResourcePage).items.map((r) => r.id);
  };

  it("shows a meeting's recording only to its people, research officers and admins", async () => {
    const id = await recorded({
      kind: 'meeting',
      memberIds: [new Types.ObjectId(DEMO.user.englishZhao), new Types.ObjectId(neighbour.userId)],
      observerIds: [],
    });
    for (const who of ['music.li', 'english.zhao', 'research.sun', 'admin']) {
      expect(await listed(auth(who))).toContain(id);
      await t.http.get(`${BASE}/${id}`).set(auth(who)).expect(200);
    }
    await t.http.get(`${BASE}/${id}/playback`).set(auth('english.zhao')).expect(200);
    // A member from the district's other community too.
    expect(await listed(neighbour.auth)).toContain(id);
    await t.http.get(`${BASE}/${id}/playback`).set(neighbour.auth).expect(200);

    expect(await listed(auth('art.chen'))).not.toContain(id);
    expect(await listed(auth('art.chen'), '网络教研')).not.toContain(id);
    await t.http.get(`${BASE}/${id}`).set(auth('art.chen')).expect(404);
    await t.http.get(`${BASE}/${id}/playback`).set(auth('art.chen')).expect(404);
    await t.http.get(`${BASE}/${id}/download`).set(auth('art.chen')).expect(404);
  });

  it('keeps the restriction when its author widens the visibility', async () => {
    const id = await recorded({ kind: 'meeting', memberIds: [new Types.ObjectId(DEMO.user.englishZhao)] });
    await t.http.patch(`${BASE}/${id}`).set(auth('music.li')).send({ visibility: 'public' }).expect(200);
    expect(await listed(auth('art.chen'))).not.toContain(id);
    await t.http.get(`${BASE}/${id}/playback`).set(auth('art.chen')).expect(404);
    await t.http.get(`${BASE}/${id}`).set(neighbour.auth).expect(404);
  });

  it("leaves a lesson's recording to the community", async () => {
    const id = await recorded({ kind: 'scheduled' });
    expect(await listed(auth('art.chen'))).toContain(id);
    await t.http.get(`${BASE}/${id}/playback`).set(auth('art.chen')).expect(200);
  });
});
