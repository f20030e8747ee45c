import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import { groupWithPlan, type PlanFixture } from '../../../../api/src/research/collab/testing/collab-fixture';
import { COLLAB_LIMITS } from '@tongke/contracts/research/research-values';
import { CollabProvider, type CollabReset, type CollabStatus } from './collab-provider';
import { SocketCollabTransport } from './socket-collab.transport';

// The web editor's provider against the real /collab namespace of the API (socket.io-client in
// node): two editors converge, an observer reads only, an API restart loses no acknowledged edit,
// and an edit the server refuses for its size makes the provider reload the server's copy.

const REDIS_DB = 63;

async function until(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface Editor {
  doc: Y.Doc;
  provider: CollabProvider;
  awareness: Awareness;
  status: () => CollabStatus;
  text: () => string;
}

function editor(url: string, token: () => Promise<string>, docId: string): Editor {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  const provider = new CollabProvider({
    docId,
    doc,
    awareness,
    transport: new SocketCollabTransport(url, token),
  });
  return {
    doc,
    provider,
    awareness,
    status: () => provider.status,
    // A reset replaces the provider's doc: read through the provider.
    text: () => provider.doc.getText('objectives').toString(),
  };
}

describe(`${CollabProvider.name} against the API`, () => {
  let t: ApiTestApp;
  let fixture: PlanFixture;
  const open: Editor[] = [];
  const start = (dbName?: string) => startApiTestApp(REDIS_DB, { listen: 0, ...(dbName && { dbName }) });

  beforeAll(async () => {
    t = await start();
    fixture = await groupWithPlan(t, 'web provider');
  }, 120_000);

  afterAll(async () => {
    for (const e of open) {
      e.provider.destroy();
      e.awareness.destroy();
      e.provider.awareness.destroy();
    }
    await new Promise((r) => setTimeout(r, 1200));
    await t?.close();
  });

  const connect = async (username: string) => {
    // Each handshake signs in to the current app (a restarted test app has a new JWT secret).
    const e = editor(t.url!, () => t.login(username), fixture.docId);
    open.push(e);
    await until(() => e.status().loaded && e.status().saveState === 'saved', `${username} synced`);
    return e;
  };

  it('syncs two editors, serves a late reader and refuses nothing it should not', async () => {
    const a = await connect('music.li');
    const b = await connect('english.zhao');
    a.doc.getText('objectives').insert(0, '感受草原');
    b.doc.getText('objectives').insert(0, 'abc');
    await until(() => a.text() === b.text() && a.text().length === 7, 'convergence');
    await until(() => a.status().saveState === 'saved' && b.status().saveState === 'saved', 'saved');
    const reader = await connect('art.chen');
    expect(reader.status().access).toBe('read');
    await until(() => reader.text() === a.text(), 'reader content');
    expect(reader.status().error).toBe('');
  }, 60_000);

  it('loses no acknowledged edit when the API restarts, and re-sends edits made while it was down', async () => {
    const a = await connect('music.li');
    a.doc.getText('objectives').insert(a.text().length, '辽阔');
    await until(() => a.status().saveState === 'saved', 'acknowledged');
    const dbName = t.config.mongo.dbName;
    await t.close();
    await until(() => a.status().saveState === 'offline', 'offline');
    a.doc.getText('objectives').insert(0, '【离线】');
    const port = Number(new URL(t.url!).port);
    t = await startApiTestApp(REDIS_DB, { listen: port, dbName });
    await until(() => a.status().saveState === 'saved', 'resynced', 30_000);
    const late = await connect('english.zhao');
    await until(() => late.text() === a.text(), 'late editor sees everything');
    expect(late.text()).toContain('辽阔');
    expect(late.text().startsWith('【离线】')).toBe(true);
  }, 120_000);

  it('reloads the server copy after an oversized edit is refused, then saves later edits', async () => {
    const a = await connect('music.li');
    const b = await connect('english.zhao');
    await until(() => b.text() === a.text(), 'same start');
    const before = a.text();
    const resets: CollabReset[] = [];
    a.provider.onReset((r) => resets.push(r));
    a.doc.getText('objectives').insert(0, '长'.repeat(Math.ceil(COLLAB_LIMITS.messageMaxBytes / 3) + 100));
    a.doc.getText('objectives').insert(0, '之后');
    await until(() => resets.length === 1, 'reset after the refusal');
    expect(resets[0]!.reason).toMatch(/^PAYLOAD_TOO_LARGE: /);
    await until(() => a.status().loaded && a.status().saveState === 'saved', 'reloaded');
    expect(a.provider.doc).not.toBe(a.doc);
    expect(a.text()).toBe(before);
    expect(b.text()).toBe(before);

    a.provider.doc.getText('objectives').insert(0, '重新输入');
    await until(() => a.status().saveState === 'saved' && a.status().pending === 0, 'later edit acknowledged');
    await until(() => b.text() === `重新输入${before}`, 'later edit reaches the other editor');
    expect(a.status().resets).toBe(1);
    const late = await connect('art.chen');
    await until(() => late.text() === `重新输入${before}`, 'stored without the refused text');
  }, 60_000);
});
