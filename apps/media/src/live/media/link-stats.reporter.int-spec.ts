import { LessonRole, LINK_STATS_KEYS, LINK_STATS_SAMPLE_MS, type SessionLinkStats } from '@tongke/contracts';
import { RedisService } from '@tongke/core';
import { testRedisUrl } from '../../../../../test/support/test-env';
import { LiveTestHarness } from '../testing/live-test.harness';
import { startRtpTestSource } from '../testing/rtp-test-source';
import { LinkStatsReporter } from './link-stats.reporter';

const LEAD = { role: LessonRole.LEAD, sub: 'teacher-ls', name: 'Li' };
const A = { role: LessonRole.CLASSROOM, sub: 'terminal-ls-a', cid: 'room-a', name: 'Room A' };
const VIEWER = { role: LessonRole.VIEWER, sub: 'viewer-ls', name: 'Parent' };
const OBSERVER = { role: LessonRole.OBSERVER, sub: 'research-ls', name: 'Sun' };

/** Polls the async `check` until it holds (or fails with its last error). */
async function until(check: () => Promise<void>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

function redisDb(db: number): string {
  const url = new URL(testRedisUrl());
  url.pathname = `/${db}`;
  return url.toString();
}

/**
 * A real worker and ffmpeg: the room's link stats document in Redis (the lead and classrooms only)
 * while it runs, gone once it closes.
 */
describe(LinkStatsReporter.name, () => {
  const h = new LiveTestHarness({ REDIS_URL: redisDb(71), RECORDING_ENABLED: 'false' });
  let redis: RedisService;

  const read = async (sid: string): Promise<SessionLinkStats | null> => {
    const [doc] = await redis.getJsonMany<SessionLinkStats>([LINK_STATS_KEYS.session(sid)]);
    return doc;
  };

  beforeAll(async () => {
    await h.start();
    redis = h.get(RedisService);
  });
  afterAll(() => h.close());

  it("publishes a sending classroom's non-zero inbound bitrate (not the observer or viewer), and deletes the document when the room closes", async () => {
    const sid = `link-stats-${process.pid}`;
    const lead = await h.join(sid, LEAD);
    await lead.enter({ send: true });
    const a = await h.join(sid, A);
    await a.enter({ send: false });
    const room = h.room(sid);
    await room.exclusive(() => room.broadcast.setOpen(true, 'the test'));
    await h.join(sid, VIEWER);
    await (await h.join(sid, OBSERVER)).enter({ send: false });
    const classroom = room.peers.get(a.joined?.self.id as string);
    if (!classroom) throw new Error('no classroom peer');
    const source = await startRtpTestSource(room, classroom, { videoKbps: 300 });
    try {
      let doc: SessionLinkStats | null = null;
      await until(async () => {
        doc = await read(sid);
        expect(doc?.peers.find((p) => p.classroomId === 'room-a')?.inKbps).toBeGreaterThan(50);
      }, 4 * LINK_STATS_SAMPLE_MS);
      const stats = doc as unknown as SessionLinkStats;
      expect(stats).toMatchObject({ sessionId: sid, nodeId: h.nodeId });
      expect(Date.now() - Date.parse(stats.at)).toBeLessThan(2 * LINK_STATS_SAMPLE_MS);
      expect(stats.peers.map((p) => p.role).sort()).toEqual([LessonRole.CLASSROOM, LessonRole.LEAD]);
      const roomA = stats.peers.find((p) => p.role === LessonRole.CLASSROOM);
      expect(roomA).toMatchObject({ peerId: classroom.id, userId: 'terminal-ls-a', name: 'Room A' });
      expect(roomA?.lossPct).toBe(0);
      expect(stats.peers.find((p) => p.role === LessonRole.LEAD)?.inKbps).toBe(0);
    } finally {
      await source.stop();
    }
    await room.exclusive(() => h.rooms.end(room, 'ended_by_teacher'));
    await until(async () => expect(await read(sid)).toBeNull(), 2000);
    // No sample may write it back after the removal.
    await new Promise((r) => setTimeout(r, LINK_STATS_SAMPLE_MS + 500));
    expect(await read(sid)).toBeNull();
  }, 60_000);
});
