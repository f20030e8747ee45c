import { loadMediaConfig } from '@tongke/config';
import { testConfigEnv } from '../../../../test/support/test-env';
import { WorkerPoolService } from './worker-pool.service';

const VP8_OPUS = [
  { kind: 'audio' as const, mimeType: 'audio/opus', clockRate: 48000, channels: 2 },
  { kind: 'video' as const, mimeType: 'video/VP8', clockRate: 90000 },
];

/** Against the mediasoup worker built by `npm run setup` (MEDIASOUP_WORKER_BIN). */
describe(WorkerPoolService.name, () => {
  let pool: WorkerPoolService;

  beforeAll(async () => {
    const config = loadMediaConfig(testConfigEnv({ MEDIASOUP_NUM_WORKERS: '2' }));
    pool = new WorkerPoolService(config.mediasoup);
    await pool.onModuleInit();
  });

  afterAll(() => pool.onModuleDestroy());

  it('creates a router and a WebRTC transport with ICE and DTLS parameters', async () => {
    const router = await pool.createRouter({ mediaCodecs: VP8_OPUS });
    const transport = await router.createWebRtcTransport({
      listenIps: [{ ip: '127.0.0.1' }],
      enableUdp: true,
      enableTcp: true,
      preferUdp: true,
    });
    expect(router.rtpCapabilities.codecs?.map((c) => c.mimeType)).toEqual(
      expect.arrayContaining(['audio/opus', 'video/VP8']),
    );
    expect(transport.iceParameters.usernameFragment).toEqual(expect.any(String));
    expect(transport.iceCandidates.length).toBeGreaterThan(0);
    expect(transport.dtlsParameters.fingerprints.length).toBeGreaterThan(0);
    const loads = await pool.loads();
    expect(loads.reduce((n, l) => n + l.transports, 0)).toBe(1);
    router.close();
    expect((await pool.loads()).reduce((n, l) => n + l.routers, 0)).toBe(0);
  });

  it('places routers on the least-loaded worker', async () => {
    const first = await pool.createRouter({ mediaCodecs: VP8_OPUS });
    const t = await first.createPlainTransport({ listenIp: '127.0.0.1', rtcpMux: true, comedia: true });
    const producer = await t.produce({
      kind: 'audio',
      rtpParameters: {
        codecs: [{ mimeType: 'audio/opus', payloadType: 100, clockRate: 48000, channels: 2 }],
        encodings: [{ ssrc: 1111 }],
      },
    });
    await t.consume({ producerId: producer.id, rtpCapabilities: first.rtpCapabilities });
    const loads = await pool.loads();
    const withConsumer = loads.find((l) => l.consumers === 1);
    expect(withConsumer).toBeDefined();
    expect(pool.leastLoaded().pid).not.toBe(withConsumer?.pid);
    first.close();
  });

  it('replaces a worker that dies', async () => {
    const before = await pool.loads();
    process.kill(before[0].pid, 'SIGKILL');
    const deadline = Date.now() + 10_000;
    let after = before;
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      after = await pool.loads();
      if (after[0].restarts === 1) break;
    }
    expect(after[0].restarts).toBe(1);
    expect(after[0].pid).not.toBe(before[0].pid);
    await expect(pool.createRouter({ mediaCodecs: VP8_OPUS })).resolves.toBeDefined();
  });
});
