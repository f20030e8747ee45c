import { getModelToken } from '@nestjs/mongoose';
import { ErrorCode } from '@tongke/contracts';
import { type Model, Types } from 'mongoose';
import { randomBytes } from 'node:crypto';
import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import { DEMO } from '../../org/testing/org-test.support';
import { PlanVersionRepository } from '../versions/plan-version.repository';
import { CollabDocuments } from './collab-documents.service';
import { CollabRegistry } from './collab-registry.service';
import { CollabStore } from './collab-store.service';
import { CollabUpdate } from './collab-update.schema';
import { CollabTestClient, until } from './testing/collab-test.client';
import { groupWithPlan } from './testing/collab-fixture';

const dbName = () =>
  `collabdocs${randomBytes(5)
    .toString('hex')
    .replace(/\d/g, (d) => 'abcdefghij'[Number(d)])}`;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe(CollabDocuments.name, () => {
  let one: ApiTestApp;
  let two: ApiTestApp;
  const clients: CollabTestClient[] = [];

  const client = async (app: ApiTestApp, username: string, docId: string) => {
    const c = await CollabTestClient.connect(app.url as string, await app.login(username));
    clients.push(c);
    expect(await c.join(docId)).toMatchObject({ ok: true });
    return c;
  };

  beforeAll(async () => {
    const db = dbName();
    one = await startApiTestApp(79, { dbName: db, listen: 0 });
    two = await startApiTestApp(79, { dbName: db, listen: 0 });
  });
  afterEach(() => {
    jest.restoreAllMocks();
    clients.splice(0).forEach((c) => c.close());
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
  });

  it('relays an update to the other process only once it is stored', async () => {
    const { docId } = await groupWithPlan(one, '先存后转');
    const a = await client(one, 'music.li', docId);
    const b = await client(two, 'english.zhao', docId);
    jest.spyOn(one.app.get(CollabStore), 'append').mockRejectedValueOnce(new Error('database down'));
    a.text().insert(0, '没存上');
    expect(await a.flush()).toEqual([expect.objectContaining({ code: ErrorCode.UNAVAILABLE })]);
    await pause(400);
    expect(b.text().toString()).toBe('');

    const c = await client(one, 'music.li', docId);
    c.text().insert(0, '存上了');
    expect(await c.flush()).toEqual([]);
    await until(() => b.text().toString() === '存上了', 'the stored edit reaching the other process');
  });

  it('a deleted plan closes its sockets in every process, stores nothing more and saves no version', async () => {
    const { docId, planId } = await groupWithPlan(one, '删除教案');
    const a = await client(one, 'music.li', docId);
    const b = await client(two, 'english.zhao', docId);
    a.text().insert(0, '甲');
    b.text().insert(0, '乙');
    expect(await a.flush()).toEqual([]);
    expect(await b.flush()).toEqual([]);

    await one.app.get(CollabDocuments).remove(docId);
    await until(() => !a.socket.connected && !b.socket.connected, 'both processes disconnecting their sockets');
    for (const c of [a, b])
      expect(c.closed).toEqual([{ docId, code: ErrorCode.NOT_FOUND, message: 'this plan was deleted' }]);
    expect(two.app.get(CollabRegistry).peek(docId)).toBeUndefined();

    await pause(500);
    const rows = await one.app.get<Model<CollabUpdate>>(getModelToken(CollabUpdate.name)).countDocuments({ docId });
    expect(rows).toBe(0);
    const versions = await one.app
      .get(PlanVersionRepository)
      .listByPlan(new Types.ObjectId(DEMO.community), new Types.ObjectId(planId));
    expect(versions).toEqual([]);
  });
});
