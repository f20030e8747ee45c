import { randomBytes } from 'node:crypto';
import { getModelToken } from '@nestjs/mongoose';
import { COLLAB_LIMITS, ErrorCode, type ErrorBody } from '@tongke/contracts';
import { type Model, Types } from 'mongoose';
import * as Y from 'yjs';
import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import { DEMO } from '../../org/testing/org-test.support';
import { ResearchGroupRepository } from '../groups/research-group.repository';
import { LessonPlanRepository } from '../plans/lesson-plan.repository';
import { CollabDocuments } from './collab-documents.service';
import { CollabStore } from './collab-store.service';
import { CollabUpdate } from './collab-update.schema';
import { CollabGateway } from './collab.gateway';
import { CollabTestClient, syncMessage, until } from './testing/collab-test.client';
import { groupWithPlan, type PlanFixture } from './testing/collab-fixture';

const dbName = () =>
  `collabtest${randomBytes(5)
    .toString('hex')
    .replace(/\d/g, (d) => 'abcdefghij'[Number(d)])}`;

describe(CollabGateway.name, () => {
  let t: ApiTestApp;
  let fixture: PlanFixture;
  let tokens: Record<string, string>;
  const clients: CollabTestClient[] = [];
  const db = dbName();

  const client = async (username: string, app = t) => {
    const c = await CollabTestClient.connect(app.url as string, tokens[username] ?? (await app.login(username)));
    clients.push(c);
    return c;
  };
  const rows = () =>
    t.app.get<Model<CollabUpdate>>(getModelToken(CollabUpdate.name)).countDocuments({ docId: fixture.docId });
  const storedText = async (docId = fixture.docId) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, await t.app.get(CollabStore).state(docId));
    return doc.getText('objectives').toString();
  };

  beforeAll(async () => {
    t = await startApiTestApp(51, { dbName: db, listen: 0 });
    tokens = {};
    for (const u of ['music.li', 'english.zhao', 'art.chen', 'school.wang']) tokens[u] = await t.login(u);
    fixture = await groupWithPlan(t, '音乐教研组');
  });

  afterEach(() => clients.splice(0).forEach((c) => c.close()));
  afterAll(() => t?.close());

  it('refuses connections without a valid token', async () => {
    await expect(CollabTestClient.connect(t.url as string, 'not-a-token')).rejects.toMatchObject({
      code: ErrorCode.UNAUTHENTICATED,
    });
  });

  it('two editors typing at once converge with no lost characters; a later joiner gets everything', async () => {
    const [a, b] = [await client('music.li'), await client('english.zhao')];
    expect(await a.join(fixture.docId)).toEqual({ ok: true, data: { docId: fixture.docId, access: 'edit' } });
    await b.join(fixture.docId);
    const typeInto = async (c: CollabTestClient, letters: string) => {
      for (const ch of letters) {
        c.text().insert(c.text().length, ch);
        await new Promise((r) => setImmediate(r));
      }
    };
    await Promise.all([typeInto(a, '甲乙丙丁戊己庚辛'), typeInto(b, 'abcdefgh')]);
    expect(await a.flush()).toEqual([]);
    expect(await b.flush()).toEqual([]);
    await until(() => a.text().toString() === b.text().toString() && a.text().length === 16, 'convergence');
    const text = a.text().toString();
    expect([...text].sort().join('')).toBe([...'甲乙丙丁戊己庚辛abcdefgh'].sort().join(''));
    expect(await storedText()).toBe(text);

    const c = await client('english.zhao');
    await c.join(fixture.docId);
    await until(() => c.text().toString() === text, 'the late joiner catching up');
  });

  it('sends presence to the other sockets of the document, named by the server', async () => {
    const [a, b] = [await client('music.li'), await client('english.zhao')];
    await a.join(fixture.docId);
    await b.join(fixture.docId);
    a.awareness.setLocalState({ user: { id: 'a', name: '冒名', color: '#f00', colorLight: '#fcc' } });
    await until(() => b.awareness.getStates().has(a.doc.clientID), 'presence');
    expect(b.awareness.getStates().get(a.doc.clientID)).toEqual({
      user: { id: DEMO.user.musicLi, name: '李静（音乐）', color: '#f00', colorLight: '#fcc' },
    });
    a.close();
    await until(() => !b.awareness.getStates().has(a.doc.clientID), 'presence removed when A leaves');
  });

  it('lets observers read but refuses their updates (nothing stored); non-members cannot join', async () => {
    const observer = await client('art.chen');
    expect(await observer.join(fixture.docId)).toMatchObject({ ok: true, data: { access: 'read' } });
    const before = await rows();
    const content = await storedText();
    const other = new Y.Doc();
    other.getText('objectives').insert(0, '不能改');
    const res = await observer.sendRaw(syncMessage(2, Y.encodeStateAsUpdate(other)));
    expect(res).toMatchObject({ ok: false, error: { code: ErrorCode.FORBIDDEN } });
    expect(await rows()).toBe(before);
    expect(await storedText()).toBe(content);

    const outsider = await client('school.wang');
    expect(await outsider.join(fixture.docId)).toMatchObject({ ok: false, error: { code: ErrorCode.NOT_FOUND } });
    const step1 = syncMessage(0, Y.encodeStateVector(new Y.Doc()));
    expect(await outsider.request('doc:sync', { docId: fixture.docId, message: step1 })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.INVALID_STATE },
    });
  });

  it('stops an open editor’s writes once they are made an observer (checked again after 30 s)', async () => {
    const own = await groupWithPlan(t, '降级');
    const editor = await client('english.zhao');
    expect(await editor.join(own.docId)).toMatchObject({ ok: true, data: { access: 'edit' } });
    editor.text().insert(0, '成员时写的');
    expect(await editor.flush()).toEqual([]);

    const plan = await t.app.get(LessonPlanRepository).findByIdForAccess(new Types.ObjectId(own.planId));
    const groups = t.app.get(ResearchGroupRepository);
    const group = await groups.findByIdForAccess(plan!.groupId);
    const members = group!.members.map((m) =>
      m.userId.equals(DEMO.user.englishZhao) ? { ...m, role: 'observer' as const } : m,
    );
    await groups.update(group!.communityId, group!._id, { members });
    const realNow = Date.now();
    const clock = jest.spyOn(Date, 'now').mockImplementation(() => realNow + 31_000);
    try {
      const other = new Y.Doc();
      other.getText('objectives').insert(0, '降级后写的');
      const res = await editor.sendRaw(syncMessage(2, Y.encodeStateAsUpdate(other)));
      expect(res).toMatchObject({ ok: false, error: { code: ErrorCode.FORBIDDEN } });
    } finally {
      clock.mockRestore();
    }
    expect(await storedText(own.docId)).toBe('成员时写的');
  });

  it('refuses malformed messages with BAD_REQUEST and keeps the stored document loadable', async () => {
    const a = await client('music.li');
    await a.join(fixture.docId);
    const content = await storedText();
    const before = await rows();
    const truncated = Y.encodeStateAsUpdate(a.doc).slice(0, 5);
    for (const message of [
      syncMessage(2, truncated),
      syncMessage(2, new Uint8Array([1, 2, 3, 4, 5, 200, 7])),
      new Uint8Array([2, 40, 1]),
      syncMessage(7, new Uint8Array([0])),
    ]) {
      expect(await a.sendRaw(message)).toMatchObject({ ok: false, error: { code: ErrorCode.BAD_REQUEST } });
    }
    expect(await a.request('doc:sync', { docId: fixture.docId, message: 'text' } as never)).toMatchObject({
      ok: false,
      error: { code: ErrorCode.BAD_REQUEST },
    });
    expect(await a.request('doc:join', { docId: 'plan:nope' })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.BAD_REQUEST },
    });
    expect(await rows()).toBe(before);
    expect(await storedText()).toBe(content);
    expect((await t.app.get(CollabDocuments).readContent(fixture.docId)).objectives).toBe(content);
  });

  it('refuses oversized messages and documents with PAYLOAD_TOO_LARGE, keeping the document intact', async () => {
    const big = await groupWithPlan(t, '大文档');
    const a = await client('music.li');
    await a.join(big.docId);
    const oversized = new Uint8Array(COLLAB_LIMITS.messageMaxBytes + 1000);
    expect(await a.sendRaw(oversized)).toMatchObject({ ok: false, error: { code: ErrorCode.PAYLOAD_TOO_LARGE } });
    expect(a.socket.connected).toBe(true);

    const chunk = 'x'.repeat(250_000);
    for (let i = 0; i < 8; i++) a.text().insert(a.text().length, chunk);
    expect(await a.flush()).toEqual([]);
    a.text().insert(0, chunk); // ~2.25 MB: over docMaxBytes
    const failures: ErrorBody[] = await a.flush();
    expect(failures).toEqual([expect.objectContaining({ code: ErrorCode.PAYLOAD_TOO_LARGE })]);
    expect(await storedText(big.docId)).toHaveLength(8 * 250_000);
    expect((await t.app.get(CollabDocuments).readContent(big.docId)).objectives).toHaveLength(8 * 250_000);
  });

  it('compacts many stored updates into a snapshot, keeping the content', async () => {
    const a = await client('music.li');
    await a.join(fixture.docId);
    for (let i = 0; i < COLLAB_LIMITS.compactAfterUpdates + 10; i++) {
      a.text().insert(a.text().length, String(i % 10));
      if (i % 20 === 19) await a.flush();
    }
    expect(await a.flush()).toEqual([]);
    const expected = a.text().toString();
    let count = await rows();
    const deadline = Date.now() + 10_000;
    while (count > COLLAB_LIMITS.compactAfterUpdates / 2 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      count = await rows();
    }
    expect(count).toBeLessThan(COLLAB_LIMITS.compactAfterUpdates / 2);
    expect(await storedText()).toBe(expected);
  });

  it('loses no acknowledged edit when the API restarts on the same database', async () => {
    const a = await client('music.li');
    await a.join(fixture.docId);
    a.text().insert(a.text().length, '【重启前的最后一句】');
    expect(await a.flush()).toEqual([]);
    const expected = a.text().toString();
    a.close();
    await t.close();
    t = await startApiTestApp(51, { dbName: db, listen: 0 });
    tokens = {};
    const b = await client('english.zhao');
    await b.join(fixture.docId);
    await until(() => b.text().toString() === expected, 'the restarted API serving every acknowledged edit');
  });
});
