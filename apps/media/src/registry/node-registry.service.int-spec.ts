import { Test } from '@nestjs/testing';
import { ConfigModule, loadMediaConfig } from '@tongke/config';
import { MediaNodeDirectory, RedisModule } from '@tongke/core';
import { testConfigEnv } from '../../../../test/support/test-env';
import { WorkerPoolService } from '../workers/worker-pool.service';
import { NodeRegistryService } from './node-registry.service';

describe(NodeRegistryService.name, () => {
  it('publishes the node and its workers to Redis, and removes them on shutdown', async () => {
    const nodeId = `test-node-${process.pid}`;
    const config = loadMediaConfig(
      testConfigEnv({
        MEDIA_NODE_ID: nodeId,
        MEDIA_PUBLIC_URL: 'http://media.test:3001',
        MEDIA_REPORT_INTERVAL_MS: '500',
      }),
    );
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(config), RedisModule],
      providers: [WorkerPoolService, NodeRegistryService, MediaNodeDirectory],
    }).compile();
    await moduleRef.init();
    const directory = moduleRef.get(MediaNodeDirectory);

    const nodes = await directory.list();
    const me = nodes.find((n) => n.id === nodeId);
    expect(me).toMatchObject({ publicUrl: 'http://media.test:3001', workers: [expect.objectContaining({ index: 0 })] });
    const firstReport = me?.reportedAt ?? '';

    await new Promise((r) => setTimeout(r, 1200));
    const later = (await directory.list()).find((n) => n.id === nodeId);
    expect(later?.reportedAt.localeCompare(firstReport)).toBe(1);

    await moduleRef.close();
    // Shutdown deregisters; the Redis connection of this module is closed, so read with a fresh one.
    const reader = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(config), RedisModule],
      providers: [MediaNodeDirectory],
    }).compile();
    await reader.init();
    expect((await reader.get(MediaNodeDirectory).list()).find((n) => n.id === nodeId)).toBeUndefined();
    await reader.close();
  });
});
