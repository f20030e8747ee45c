import type { ChannelView, ErrorBody, ProgrammeEntryView } from '@tongke/contracts';
import { type ApiTestApp, startApiTestApp } from '../../../../../../test/support/api-test-app';
import { DEMO } from '../../../org/testing/org-test.support';
import { FIXTURE_HEIGHT, resourceFixture } from '../testing/channel-fixtures';
import { LiveStreamService } from './live-stream.service';

const G = 4;

/** The playlist's numbers and segment URIs. */
function parse(text: string) {
  const lines = text.trim().split('\n');
  const tag = (name: string) => lines.find((l) => l.startsWith(`${name}:`))?.slice(name.length + 1);
  return {
    sequence: Number(tag('#EXT-X-MEDIA-SEQUENCE')),
    discontinuity: Number(tag('#EXT-X-DISCONTINUITY-SEQUENCE')),
    target: Number(tag('#EXT-X-TARGETDURATION')),
    uris: lines.filter((l) => l && !l.startsWith('#')),
    ended: lines.includes('#EXT-X-ENDLIST'),
  };
}

describe(LiveStreamService.name, () => {
  let t: ApiTestApp;
  let admin: { Authorization: string };

  beforeAll(async () => {
    t = await startApiTestApp(39);
    admin = { Authorization: `Bearer ${await t.login('admin')}` };
  });

  afterAll(async () => {
    await t.close();
  });

  async function channelWith(name: string, startsAt?: Date, durationS = 40): Promise<ChannelView> {
    const channel = (await t.http.post('/api/library/channels').set(admin).send({ name }).expect(201))
      .body as ChannelView;
    if (startsAt) {
      const resource = await resourceFixture(t, { communityId: DEMO.community, title: `${name} 节目`, durationS });
      await t.http
        .post(`/api/library/channels/${channel.id}/programme`)
        .set(admin)
        .send({ resourceId: resource._id.toHexString(), startsAt: startsAt.toISOString() })
        .expect(201);
    }
    return (await t.http.get(`/api/library/channels/${channel.id}`).set(admin).expect(200)).body as ChannelView;
  }

  it('streams the programme on air as a live playlist whose segments the media route serves', async () => {
    const channel = await channelWith('直播频道', new Date(Date.now() - 10_000));
    expect(channel.onAir).toBeDefined();
    const startMs = new Date(channel.onAir!.startsAt).getTime();
    expect(startMs % (G * 1000)).toBe(0);

    const res = await t.http.get(channel.liveUrl).expect(200); // no bearer token: the link is signed
    expect(res.headers['content-type']).toMatch(/application\/vnd\.apple\.mpegurl/);
    expect(res.headers['cache-control']).toBe('no-cache');
    const p = parse(res.text);
    const started = Math.floor((Date.now() - startMs) / (G * 1000)) + 1;
    expect(p.sequence).toBe(startMs / (G * 1000));
    expect(p.target).toBe(G);
    expect(p.ended).toBe(false);
    expect(p.uris.length).toBeGreaterThanOrEqual(Math.min(started, 6) - 1);
    expect(p.uris.length).toBeLessThanOrEqual(Math.min(started, 6));
    const resourceId = channel.onAir!.resourceId;
    for (const [i, uri] of p.uris.entries()) {
      expect(uri).toMatch(
        new RegExp(
          `^/api/library/media/resource/${resourceId}/[0-9a-z]+\\.[\\w-]{43}/hls/${FIXTURE_HEIGHT}p/seg_00${i}\\.ts$`,
        ),
      );
      const segment = await t.http.get(uri).responseType('blob').expect(200);
      const bytes = segment.body as Buffer;
      expect(bytes.length).toBeGreaterThan(1000);
      expect(bytes[0]).toBe(0x47); // MPEG-TS sync byte
    }
  });

  it('slides the window and keeps numbering across reloads', async () => {
    const channel = await channelWith('滑动频道', new Date(Date.now() - 30_000));
    const startMs = new Date(channel.onAir!.startsAt).getTime();
    const first = parse((await t.http.get(channel.liveUrl).expect(200)).text);
    expect(first.uris.length).toBe(6);
    // Reload just after a later segment starts (and after the 1 s the service reuses an answer).
    let index = first.sequence - startMs / (G * 1000) + first.uris.length;
    while (startMs + index * G * 1000 + 300 - Date.now() < 1100) index++;
    const steps = index - (first.sequence - startMs / (G * 1000) + first.uris.length) + 1;
    await new Promise((r) => setTimeout(r, startMs + index * G * 1000 + 300 - Date.now()));
    const second = parse((await t.http.get(channel.liveUrl).expect(200)).text);
    expect(second.sequence).toBe(first.sequence + steps);
    expect(second.uris.slice(0, 6 - steps)).toEqual(first.uris.slice(steps));
    expect(second.discontinuity).toBe(first.discontinuity);
  });

  it('answers 404 with the next programme while nothing is on air', async () => {
    const idle = await channelWith('空闲频道', new Date(Date.now() + 3600_000));
    expect(idle.onAir).toBeUndefined();
    expect(idle.next?.title).toBe('空闲频道 节目');
    const res = await t.http.get(idle.liveUrl).expect(404);
    expect((res.body as ErrorBody).message).toMatch(
      /nothing is on air on 空闲频道 now; next: "空闲频道 节目" at \d{4}-/,
    );
    const empty = await channelWith('无节目频道');
    expect((await t.http.get(empty.liveUrl).expect(404)).body).toMatchObject({
      message: 'nothing is on air on 无节目频道 now; nothing is scheduled',
    });
  });

  it('refuses links without a valid token for this channel', async () => {
    const a = await channelWith('签名频道A', new Date(Date.now() - 5_000));
    const b = await channelWith('签名频道B');
    const tokenOf = (url: string) => url.split('/')[5];
    const withToken = (token: string) => `/api/library/channels/${a.id}/${token}/live.m3u8`;
    const forged = await t.http.get(withToken('forged')).expect(401);
    expect((forged.body as ErrorBody).message).toMatch(/invalid or has expired/);
    await t.http.get(withToken(tokenOf(b.liveUrl))).expect(401);
    await t.http.get(`/api/library/channels/${a.id}/live.m3u8`).expect(404);
    await t.http.get(withToken(tokenOf(a.liveUrl))).expect(200);
  });

  it('plays a programme scheduled straight after another across the boundary', async () => {
    const channel = (await t.http.post('/api/library/channels').set(admin).send({ name: '连播频道' }).expect(201))
      .body as ChannelView;
    const short = await resourceFixture(t, { communityId: DEMO.community, title: '前一节', durationS: 10 });
    const next = await resourceFixture(t, { communityId: DEMO.community, title: '后一节', durationS: 40 });
    const add = async (resourceId: string, startsAt: Date) =>
      (
        (
          await t.http
            .post(`/api/library/channels/${channel.id}/programme`)
            .set(admin)
            .send({ resourceId, startsAt: startsAt.toISOString() })
            .expect(201)
        ).body as ProgrammeEntryView[]
      )[0];
    // 10 s from 18 s ago (on the grid: 14-18 s ago), the next on the grid slot after it: both have started.
    const first = await add(short._id.toHexString(), new Date(Date.now() - 18_000));
    const second = await add(next._id.toHexString(), new Date(first.endsAt)); // snapped up to the grid
    expect(new Date(second.startsAt).getTime() - new Date(first.endsAt).getTime()).toBeLessThan(G * 1000);
    const text = (await t.http.get(channel.liveUrl).expect(200)).text;
    const p = parse(text);
    expect(p.uris.some((u) => u.includes(short._id.toHexString()))).toBe(true);
    expect(p.uris.some((u) => u.includes(next._id.toHexString()))).toBe(true);
    expect(text).toMatch(/#EXT-X-DISCONTINUITY\n#EXT-X-PROGRAM-DATE-TIME:/);
    const boundary = p.uris.findIndex((u) => u.includes(next._id.toHexString()));
    expect(p.uris[boundary - 1]).toMatch(/seg_002\.ts$/); // the short one's last (2 s) segment
    expect(p.discontinuity).toBe(0); // the window starts in the channel's first programme
  });
});
