import { randomBytes } from 'node:crypto';
import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import { CollabRelay } from './collab-relay.adapter';
import { CollabTestClient, until } from './testing/collab-test.client';
import { groupWithPlan } from './testing/collab-fixture';

const dbName = () =>
  `collabrelay${randomBytes(5)
    .toString('hex')
    .replace(/\d/g, (d) => 'abcdefghij'[Number(d)])}`;

describe(CollabRelay.name, () => {
  let one: ApiTestApp;
  let two: ApiTestApp;
  const clients: CollabTestClient[] = [];

  const client = async (app: ApiTestApp, username: string) => {
    const c = await CollabTestClient.connect(app.url as string, await app.login(username));
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    const db = dbName();
    one = await startApiTestApp(53, { dbName: db, listen: 0 });
    two = await startApiTestApp(53, { dbName: db, listen: 0 });
  });

  afterAll(async () => {
    clients.forEach((c) => c.close());
    await one?.close();
    await two?.close();
  });

  it('two API processes serve one document in sync, presence included', async () => {
    expect(one.url).not.toBe(two.url);
    const { docId } = await groupWithPlan(one, '跨进程教研组');
    const a = await client(one, 'music.li');
    const b = await client(two, 'english.zhao');
    await a.join(docId);
    await b.join(docId);
    for (let i = 0; i < 20; i++) {
      a.text().insert(a.text().length, '甲');
      b.text().insert(0, 'b');
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(await a.flush()).toEqual([]);
    expect(await b.flush()).toEqual([]);
    await until(
      () => a.text().length === 40 && b.text().toString() === a.text().toString(),
      'cross-process convergence',
    );

    a.awareness.setLocalState({ user: { id: 'a', name: '李老师', color: '#f00', colorLight: '#fcc' } });
    await until(() => b.awareness.getStates().has(a.doc.clientID), 'presence from the other process');

    // A third client on process two joining later sees everything.
    const c = await client(two, 'music.li');
    await c.join(docId);
    await until(() => c.text().toString() === a.text().toString(), 'a late joiner on the other process');
  });
});
