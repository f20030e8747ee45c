import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import { DEMO } from '../../org/testing/org-test.support';
import { ResearchAccess } from '../access/research-access.service';
import { CollabRegistry } from './collab-registry.service';
import { CollabSessions } from './collab-sessions.service';
import { CollabTestClient, syncMessage, until } from './testing/collab-test.client';
import { groupWithPlan } from './testing/collab-fixture';
import { encodeAwarenessEntries } from './sync-message.codec';
import type { DocMember } from './collab-doc';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe(CollabSessions.name, () => {
  let t: ApiTestApp;
  const clients: CollabTestClient[] = [];

  const connect = async (username: string) => {
    const c = await CollabTestClient.connect(t.url as string, await t.login(username));
    clients.push(c);
    return c;
  };
  /** Makes the next access checks wait `ms` first (a slow database). */
  const slowAccess = (ms: number) => {
    const access = t.app.get(ResearchAccess);
    const real = access.plan.bind(access);
    jest.spyOn(access, 'plan').mockImplementation(async (...args) => {
      await pause(ms);
      return real(...args);
    });
  };

  beforeAll(async () => {
    t = await startApiTestApp(77, { listen: 0 });
  });
  afterEach(() => {
    jest.restoreAllMocks();
    clients.splice(0).forEach((c) => c.close());
  });
  afterAll(() => t?.close());

  it('attaches nothing when the socket disconnects while doc:join awaits the access check', async () => {
    const { docId } = await groupWithPlan(t, '加入时断开');
    const a = await connect('music.li');
    slowAccess(300);
    a.socket.emit('doc:join', { docId }, () => undefined);
    await pause(50);
    a.close();
    await pause(500);
    const doc = t.app.get(CollabRegistry).peek(docId);
    expect(doc?.members.size ?? 0).toBe(0);
  });

  it('attaches nothing when the socket disconnects during the 30 s access re-check of an edit', async () => {
    const { docId } = await groupWithPlan(t, '复查时断开');
    const a = await connect('music.li');
    await a.join(docId);
    const registry = t.app.get(CollabRegistry);
    expect(registry.peek(docId)?.members.size).toBe(1);
    slowAccess(300);
    const realNow = Date.now();
    jest.spyOn(Date, 'now').mockImplementation(() => realNow + 31_000);
    a.socket.emit('doc:sync', { docId, message: syncMessage(2, new Uint8Array([0, 0])) }, () => undefined);
    await pause(50);
    a.close();
    await pause(500);
    expect(registry.peek(docId)?.members.size ?? 0).toBe(0);
  });

  it('reload keeps only the members still attached once the document is loaded again', async () => {
    const { docId } = await groupWithPlan(t, '重载成员');
    const registry = t.app.get(CollabRegistry);
    const doc = await registry.open(docId);
    const member = (socketId: string, attached: boolean): DocMember => ({
      socketId,
      userId: DEMO.user.musicLi,
      access: 'edit',
      awarenessClients: new Set(),
      stillAttached: () => attached,
    });
    doc.members.set('left', member('left', false));
    doc.members.set('here', member('here', true));
    const fresh = await registry.reload(doc);
    expect([...fresh.members.keys()]).toEqual(['here']);
    fresh.members.clear();
    registry.evict(docId);
  });

  it('binds each awareness client id to its first socket and stamps the account’s name', async () => {
    const { docId } = await groupWithPlan(t, '在线状态');
    const [a, b, c] = [await connect('music.li'), await connect('english.zhao'), await connect('art.chen')];
    for (const x of [a, b, c]) await x.join(docId);
    a.awareness.setLocalState({ user: { id: 'x', name: '随便写', color: '#f00', colorLight: '#fcc' } });
    await until(() => c.awareness.getStates().has(a.doc.clientID), 'A’s presence at C');
    const expected = { user: { id: DEMO.user.musicLi, name: '李静（音乐）', color: '#f00', colorLight: '#fcc' } };
    expect(c.awareness.getStates().get(a.doc.clientID)).toEqual(expected);

    const forged = (clock: number, state: unknown) =>
      encodeAwarenessEntries([{ client: a.doc.clientID, clock, state }]);
    expect(await b.request('doc:awareness', { docId, update: forged(50, { user: { name: '冒充' } }) })).toEqual({
      ok: true,
      data: {},
    });
    await b.request('doc:awareness', { docId, update: forged(51, null) });
    b.awareness.setLocalState({ user: { name: '赵' } });
    await until(() => c.awareness.getStates().has(b.doc.clientID), 'B’s own presence at C');
    expect(c.awareness.getStates().get(a.doc.clientID)).toEqual(expected);
    expect(t.app.get(CollabRegistry).peek(docId)?.awareness.getStates().get(a.doc.clientID)).toEqual(expected);
  });
});
