import { RedisConfig } from '@tongke/config';
import { testRedisUrl } from '../../../../test/support/test-env';
import { RedisService } from './redis.service';

describe(RedisService.name, () => {
  let a: RedisService;
  let b: RedisService;

  beforeAll(async () => {
    a = new RedisService(new RedisConfig(testRedisUrl()));
    b = new RedisService(new RedisConfig(testRedisUrl()));
    await Promise.all([a.connect(), b.connect()]);
  });

  afterAll(async () => {
    await Promise.all([a.onApplicationShutdown(), b.onApplicationShutdown()]);
  });

  it('delivers a published message to a subscriber on another connection', async () => {
    const received: string[] = [];
    const got = new Promise<void>((resolve) => {
      void b
        .subscribe('tongke:test:pubsub', (m) => {
          received.push(m);
          resolve();
        })
        .then(() => a.publish('tongke:test:pubsub', '专递课堂 lesson:start'));
    });
    await got;
    expect(received).toEqual(['专递课堂 lesson:start']);
  });

  it('stops delivering after unsubscribe', async () => {
    const received: string[] = [];
    const off = await b.subscribe('tongke:test:off', (m) => received.push(m));
    await off();
    await a.publish('tongke:test:off', 'late');
    await b.ping(); // a round trip on b after the publish
    await a.ping();
    expect(received).toEqual([]);
  });

  it('stores JSON with an expiry and reads many keys at once', async () => {
    await a.setJson('tongke:test:json', { n: 1 }, 200);
    expect(await b.getJsonMany(['tongke:test:json', 'tongke:test:absent'])).toEqual([{ n: 1 }, null]);
    await new Promise((r) => setTimeout(r, 300));
    expect(await b.getJsonMany(['tongke:test:json'])).toEqual([null]);
  });

  it('fails to connect with a clear message when Redis is not there', async () => {
    const nowhere = new RedisService(new RedisConfig('redis://user:secret@127.0.0.1:1'));
    await expect(nowhere.connect(500)).rejects.toThrow(
      'Redis at redis://user:***@127.0.0.1:1 did not answer within 0.5s',
    );
  });
});
