import { COLLAB_LIMITS, planDocId } from '@tongke/contracts';
import { Types } from 'mongoose';
import * as Y from 'yjs';
import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import { CollabStore } from './collab-store.service';
import { CollabUpdateRepository } from './collab-update.repository';

describe(CollabStore.name, () => {
  let t: ApiTestApp;

  beforeAll(async () => {
    t = await startApiTestApp(52);
  });
  afterAll(() => t?.close());

  it('two compactions at once keep every edit and leave fewer rows', async () => {
    const store = t.app.get(CollabStore);
    const docId = planDocId(new Types.ObjectId().toHexString());
    const communityId = new Types.ObjectId();
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < COLLAB_LIMITS.compactAfterUpdates + 5; i++) doc.getText('objectives').insert(i, String(i % 10));
    doc.getText('objectives').delete(0, 5);
    for (const u of updates) await store.append(docId, communityId, u);

    const [left1, left2] = await Promise.all([store.compact(docId, communityId), store.compact(docId, communityId)]);
    // Rows appended during compaction are not touched by it.
    await store.append(docId, communityId, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc)));

    const loaded = new Y.Doc();
    Y.applyUpdate(loaded, await store.state(docId));
    expect(loaded.getText('objectives').toString()).toBe(doc.getText('objectives').toString());
    expect(Math.max(left1, left2)).toBeLessThanOrEqual(2);
    expect((await t.app.get(CollabUpdateRepository).rows(docId)).length).toBeLessThanOrEqual(3);
  });
});
