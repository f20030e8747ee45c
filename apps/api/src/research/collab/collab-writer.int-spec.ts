import { getModelToken } from '@nestjs/mongoose';
import { COLLAB_LIMITS, ErrorCode } from '@tongke/contracts';
import type { Model } from 'mongoose';
import * as Y from 'yjs';
import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import { CollabRegistry } from './collab-registry.service';
import { CollabStore } from './collab-store.service';
import { CollabUpdate } from './collab-update.schema';
import { CollabWriter } from './collab-writer.service';
import { CollabTestClient, until } from './testing/collab-test.client';
import { groupWithPlan } from './testing/collab-fixture';
import { MISSING_HISTORY, NOT_A_MAP } from './update-admission.policy';

describe(CollabWriter.name, () => {
  let t: ApiTestApp;
  const clients: CollabTestClient[] = [];

  const client = async (username: string, docId: string) => {
    const c = await CollabTestClient.connect(t.url as string, await t.login(username));
    clients.push(c);
    expect(await c.join(docId)).toMatchObject({ ok: true });
    return c;
  };
  const rows = (docId: string) =>
    t.app.get<Model<CollabUpdate>>(getModelToken(CollabUpdate.name)).countDocuments({ docId });
  const storedDoc = async (docId: string) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, await t.app.get(CollabStore).state(docId));
    return doc;
  };

  beforeAll(async () => {
    t = await startApiTestApp(76, { listen: 0 });
  });
  afterEach(() => {
    jest.restoreAllMocks();
    clients.splice(0).forEach((c) => c.close());
  });
  afterAll(() => t?.close());

  it('refuses an edit built on a refused update: nothing stored, the document stays clean', async () => {
    const { docId } = await groupWithPlan(t, '拒绝后续');
    const a = await client('music.li', docId);
    a.text().insert(0, '已接受');
    expect(await a.flush()).toEqual([]);
    const before = await rows(docId);

    a.text().insert(3, 'x'.repeat(COLLAB_LIMITS.messageMaxBytes + 10)); // refused: too large
    a.text().insert(a.text().length, '后续'); // built on the refused text
    a.text().delete(3, 5); // deletes refused text
    const failures = await a.flush();
    expect(failures.map((f) => f.code)).toEqual([
      ErrorCode.PAYLOAD_TOO_LARGE,
      ErrorCode.BAD_REQUEST,
      ErrorCode.BAD_REQUEST,
    ]);
    expect(failures[1]).toEqual({ code: ErrorCode.BAD_REQUEST, message: MISSING_HISTORY });
    expect(failures[2]).toEqual({ code: ErrorCode.BAD_REQUEST, message: MISSING_HISTORY });

    expect(await rows(docId)).toBe(before);
    const stored = await storedDoc(docId);
    expect(stored.store.pendingStructs).toBeNull();
    expect(stored.store.pendingDs).toBeNull();
    const live = t.app.get(CollabRegistry).peek(docId);
    expect(live?.ydoc.store.pendingStructs ?? null).toBeNull();

    const fresh = await client('english.zhao', docId);
    await until(() => fresh.text().toString() === '已接受', 'a fresh client seeing only accepted content');
    fresh.text().insert(3, '！');
    expect(await fresh.flush()).toEqual([]);
    expect((await storedDoc(docId)).getText('objectives').toString()).toBe('已接受！');
  });

  it('refuses anything but a Y.Map in the process and homework lists', async () => {
    const { docId } = await groupWithPlan(t, '列表');
    const a = await client('music.li', docId);
    const before = await rows(docId);
    (a.doc.getArray('process') as Y.Array<unknown>).push(['不是步骤']);
    expect(await a.flush()).toEqual([{ code: ErrorCode.BAD_REQUEST, message: NOT_A_MAP }]);
    expect(await rows(docId)).toBe(before);
    expect((await storedDoc(docId)).getArray('process').length).toBe(0);
  });

  it('disconnects the document’s sockets when a failed write is followed by a failed reload', async () => {
    const { docId } = await groupWithPlan(t, '重载失败');
    const a = await client('music.li', docId);
    const observer = await client('art.chen', docId);
    const store = t.app.get(CollabStore);
    jest.spyOn(store, 'append').mockRejectedValueOnce(new Error('database down'));
    jest.spyOn(store, 'loadInto').mockRejectedValueOnce(new Error('database still down'));

    a.text().insert(0, '写不进去');
    expect(await a.flush()).toEqual([expect.objectContaining({ code: ErrorCode.UNAVAILABLE })]);
    await until(() => !observer.socket.connected && !a.socket.connected, 'both sockets disconnected');
    expect(observer.closed).toEqual([expect.objectContaining({ docId, code: ErrorCode.UNAVAILABLE })]);

    const again = await client('art.chen', docId);
    await until(() => again.socket.connected, 'a reconnect');
    expect(again.text().toString()).toBe('');
  });
});
