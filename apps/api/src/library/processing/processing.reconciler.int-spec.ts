import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import { DEMO } from '../../org/testing/org-test.support';
import { ResourceRepository } from '../resources/resource.repository';
import { Resource } from '../resources/resource.schema';
import { createResource } from '../resources/testing/library-test.support';
import { ProcessingQueue } from './processing.queue';
import { ProcessingReconciler, STALE_AFTER_MS } from './processing.reconciler';

describe(ProcessingReconciler.name, () => {
  let t: ApiTestApp;
  let resources: Model<Resource>;

  beforeAll(async () => {
    t = await startApiTestApp(49, { env: { PROCESSING_ATTEMPTS: '2' } });
    resources = t.app.get<Model<Resource>>(getModelToken(Resource.name));
  });

  afterAll(async () => {
    await t?.close();
  });

  const owner = () => ({ communityId: DEMO.community, userId: DEMO.user.musicLi });
  const age = async (r: Resource, attempts: number) =>
    resources
      .updateOne(
        { _id: r._id },
        { 'processing.updatedAt': new Date(Date.now() - STALE_AFTER_MS - 60_000), 'processing.attempts': attempts },
      )
      .exec();

  it('queues again a processing resource nobody queued, and fails one whose attempts are used up', async () => {
    const orphan = await createResource(t, owner(), { title: '无人排队的视频', subject: 'music', grade: 4 });
    const exhausted = await createResource(t, owner(), { title: '多次失败的视频', subject: 'art', grade: 2 });
    const fresh = await createResource(t, owner(), { title: '刚上传的视频', subject: 'art', grade: 2 });
    await age(orphan, 0);
    await age(exhausted, 2);
    const queue = t.app.get(ProcessingQueue);
    expect(await queue.jobState(orphan._id.toHexString())).toBe('missing');

    await expect(t.app.get(ProcessingReconciler).sweep()).resolves.toBe(2);

    expect(await queue.jobState(orphan._id.toHexString())).not.toBe('missing');
    const repo = t.app.get(ResourceRepository);
    const failed = await repo.findOne(exhausted.communityId, exhausted._id);
    expect(failed?.status).toBe('failed');
    expect(failed?.processing.error).toContain('attempts');
    expect(await queue.jobState(fresh._id.toHexString())).toBe('missing');
    expect((await repo.findOne(fresh.communityId, fresh._id))?.status).toBe('processing');
  });
});
