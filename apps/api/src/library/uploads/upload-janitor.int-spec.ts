import { mkdir, utimes, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Types } from 'mongoose';
import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import { DEMO } from '../../org/testing/org-test.support';
import { createResource } from '../resources/testing/library-test.support';
import { ORPHAN_SOURCE_AGE_MS, UploadJanitor } from './upload-janitor.service';

describe(UploadJanitor.name, () => {
  let t: ApiTestApp;

  beforeAll(async () => {
    t = await startApiTestApp(50);
  });

  afterAll(async () => {
    await t?.close();
  });

  async function sourceDir(id: string, ageMs: number): Promise<string> {
    const dir = path.join(t.config.storage.root, 'sources', id);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'source.mp4'), 'video bytes');
    const when = new Date(Date.now() - ageMs);
    await utimes(dir, when, when);
    return dir;
  }

  it('removes old source folders without a resource, and keeps recent ones and those of resources', async () => {
    const owner = { communityId: DEMO.community, userId: DEMO.user.musicLi };
    const kept = await createResource(t, owner, { title: '有资源的源文件', subject: 'music', grade: 4 });
    const old = ORPHAN_SOURCE_AGE_MS + 60_000;
    const orphan = await sourceDir(new Types.ObjectId().toHexString(), old);
    const recent = await sourceDir(new Types.ObjectId().toHexString(), 1000);
    const owned = await sourceDir(kept._id.toHexString(), old);

    await expect(t.app.get(UploadJanitor).sweepOrphanSources()).resolves.toBe(1);
    expect(existsSync(orphan)).toBe(false);
    expect(existsSync(recent)).toBe(true);
    expect(existsSync(owned)).toBe(true);
  });
});
