import { afterEach, describe, expect, it } from '@jest/globals';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CollabProvider, type CollabReset, SERVER_RECONNECT_MS } from './collab-provider';
import { FakeCollabServer, type FakeCollabTransport, tick } from './testing/fake-collab.server';

const DOC = 'plan:0123456789abcdef01234567';

async function flush(rounds = 30): Promise<void> {
  for (let i = 0; i < rounds; i++) await tick();
}

interface Client {
  doc: Y.Doc;
  awareness: Awareness;
  transport: FakeCollabTransport;
  provider: CollabProvider;
  text: () => string;
}

const awarenesses: Awareness[] = [];
const providers: CollabProvider[] = [];
afterEach(() => {
  // A reset leaves the provider with an awareness of its own (its timer must stop too).
  for (const p of providers.splice(0)) awarenesses.push(p.awareness);
  for (const a of awarenesses.splice(0)) a.destroy();
});

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function client(server: FakeCollabServer): Client {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  awarenesses.push(awareness);
  const transport = server.connect();
  const provider = new CollabProvider({ docId: DOC, doc, awareness, transport });
  providers.push(provider);
  // After a reset the provider holds a fresh doc: read through it.
  return { doc, awareness, transport, provider, text: () => provider.doc.getText('objectives').toString() };
}

const serverText = (server: FakeCollabServer) => server.doc.getText('objectives').toString();
const storedText = (server: FakeCollabServer) => {
  const doc = new Y.Doc();
  for (const u of server.stored) Y.applyUpdate(doc, u);
  return doc.getText('objectives').toString();
};

describe(CollabProvider.name, () => {
  it('syncs two documents both ways and reports saving, then saved', async () => {
    const server = new FakeCollabServer();
    const a = client(server);
    const b = client(server);
    await flush();
    expect(a.provider.status).toMatchObject({ connected: true, access: 'edit', loaded: true, saveState: 'saved' });

    server.holdAcks = true;
    a.doc.getText('objectives').insert(0, '理解分数');
    expect(a.provider.status.saveState).toBe('saving');
    await flush();
    expect(b.text()).toBe('理解分数');
    expect(a.provider.status.saveState).toBe('saving');
    server.releaseAcks();
    await flush();
    expect(a.provider.status).toMatchObject({ saveState: 'saved', pending: 0 });

    server.holdAcks = false;
    b.doc.getText('objectives').insert(4, '的意义');
    a.doc.getText('objectives').insert(0, '1. ');
    await flush();
    expect(a.text()).toBe('1. 理解分数的意义');
    expect(b.text()).toBe(a.text());
    expect(serverText(server)).toBe(a.text());
  });

  it('gives a client joining later the whole document', async () => {
    const server = new FakeCollabServer();
    const a = client(server);
    await flush();
    a.doc.getText('objectives').insert(0, 'abc');
    a.doc.getArray('process').push([new Y.Map([['id', 's1']])]);
    await flush();
    const c = client(server);
    await flush();
    expect(c.text()).toBe('abc');
    expect(c.doc.getArray('process').length).toBe(1);
  });

  it('is offline while the connection is down and sends the edits made meanwhile on reconnect', async () => {
    const server = new FakeCollabServer();
    const a = client(server);
    const b = client(server);
    await flush();
    a.transport.drop();
    expect(a.provider.status.saveState).toBe('offline');
    a.doc.getText('objectives').insert(0, 'offline edit');
    await flush();
    expect(b.text()).toBe('');
    expect(a.provider.status.saveState).toBe('offline');
    a.transport.reconnect();
    await flush();
    expect(b.text()).toBe('offline edit');
    expect(a.provider.status.saveState).toBe('saved');
  });

  it('re-sends edits the server never acknowledged after a restart', async () => {
    const server = new FakeCollabServer();
    const a = client(server);
    await flush();
    a.doc.getText('objectives').insert(0, 'kept ');
    await flush();
    server.holdAcks = true;
    a.doc.getText('objectives').insert(5, 'unacked');
    await flush();
    expect(a.provider.status.saveState).toBe('saving');
    server.restart();
    server.holdAcks = false;
    expect(storedText(server)).toBe('kept ');
    a.transport.reconnect();
    await flush();
    expect(storedText(server)).toBe('kept unacked');
    expect(a.provider.status).toMatchObject({ saveState: 'saved', pending: 0 });
    const late = client(server);
    await flush();
    expect(late.text()).toBe('kept unacked');
  });

  it('never sends edits as a read-only member, but receives them', async () => {
    const server = new FakeCollabServer((c) => (c === readerTransport ? 'read' : 'edit'));
    let readerTransport: FakeCollabTransport | null = null;
    const editor = client(server);
    const readerDoc = new Y.Doc();
    readerTransport = server.connect();
    const readerAwareness = new Awareness(readerDoc);
    awarenesses.push(readerAwareness);
    const reader = new CollabProvider({
      docId: DOC,
      doc: readerDoc,
      awareness: readerAwareness,
      transport: readerTransport,
    });
    await flush();
    expect(reader.status.access).toBe('read');
    editor.doc.getText('objectives').insert(0, 'from editor');
    await flush();
    expect(readerDoc.getText('objectives').toString()).toBe('from editor');
    readerDoc.getText('reflection').insert(0, 'local only');
    await flush();
    expect(server.doc.getText('reflection').toString()).toBe('');
    expect(reader.status.error).toBe('');
  });

  it('relays presence and removes it when a client leaves', async () => {
    const server = new FakeCollabServer();
    const a = client(server);
    const b = client(server);
    await flush();
    a.awareness.setLocalStateField('user', { id: 'u1', name: '李老师', color: '#e91e63', colorLight: '#e91e6333' });
    await flush();
    expect(b.awareness.getStates().get(a.doc.clientID)).toMatchObject({ user: { name: '李老师' } });
    a.provider.destroy();
    await flush();
    expect(b.awareness.getStates().has(a.doc.clientID)).toBe(false);
  });

  it('tells the page when someone restored a version', async () => {
    const server = new FakeCollabServer();
    const a = client(server);
    await flush();
    const seen: string[] = [];
    a.provider.onRestored((e) => seen.push(`${e.by.name}:${e.versionName}`));
    server.restored({ docId: DOC, versionId: 'v1', versionName: '初稿', by: { id: 'u2', name: '赵老师' } });
    server.restored({
      docId: 'plan:ffffffffffffffffffffffff',
      versionId: 'v2',
      versionName: 'x',
      by: { id: 'u', name: 'y' },
    });
    await flush();
    expect(seen).toEqual(['赵老师:初稿']);
  });

  it('discards its copy after a refused edit, reloads the server state and saves later edits', async () => {
    const server = new FakeCollabServer();
    server.maxUpdateBytes = 2000;
    const a = client(server);
    const b = client(server);
    await flush();
    a.doc.getText('objectives').insert(0, 'saved ');
    await flush();
    const resets: CollabReset[] = [];
    a.provider.onReset((r) => resets.push(r));
    a.doc.getText('objectives').insert(6, 'x'.repeat(5000));
    a.doc.getText('objectives').insert(0, 'builds on it ');
    await flush();
    expect(resets).toHaveLength(1);
    expect(resets[0]!.reason).toMatch(/^PAYLOAD_TOO_LARGE: /);
    expect(resets[0]!.previous).toBe(a.doc);
    expect(resets[0]!.previous.getText('objectives').toString()).toContain('x'.repeat(5000));
    expect(a.provider.doc).not.toBe(a.doc);
    expect(a.provider.awareness.clientID).toBe(a.provider.doc.clientID);
    expect(a.text()).toBe('saved ');
    expect(a.provider.status).toMatchObject({ loaded: true, saveState: 'saved', resets: 1, error: '' });

    a.provider.doc.getText('objectives').insert(6, 'later');
    await flush();
    expect(b.text()).toBe('saved later');
    expect(storedText(server)).toBe('saved later');
    expect(a.provider.status).toMatchObject({ saveState: 'saved', pending: 0 });

    // The refused text is gone for good: a reconnect does not send it again.
    a.transport.drop();
    a.transport.reconnect();
    await flush();
    expect(serverText(server)).toBe('saved later');
    expect(resets).toHaveLength(1);
  });

  it('keeps a fresh copy that the server refuses too, rather than resetting again and again', async () => {
    const server = new FakeCollabServer();
    const a = client(server);
    await flush();
    server.maxUpdateBytes = 0;
    a.doc.getText('objectives').insert(0, 'refused');
    await flush(60);
    expect(a.provider.status).toMatchObject({ resets: 1, saveState: 'rejected' });
    expect(a.provider.status.error).toMatch(/^PAYLOAD_TOO_LARGE: /);
  });

  it('reconnects once after the server closed the connection, and resumes', async () => {
    const server = new FakeCollabServer();
    const a = client(server);
    const b = client(server);
    await flush();
    a.transport.serverDisconnect();
    expect(a.provider.status.closed).toBe('reconnecting');
    await wait(SERVER_RECONNECT_MS + 100);
    await flush();
    expect(a.transport.reconnects).toBe(2);
    expect(a.provider.status).toMatchObject({ connected: true, closed: null, access: 'edit', saveState: 'saved' });
    a.provider.doc.getText('objectives').insert(0, 'after');
    await flush();
    expect(b.text()).toBe('after');
  });

  it('shows that access was removed when the rejoin after a server disconnect is refused', async () => {
    let allowed = true;
    const server = new FakeCollabServer(() => (allowed ? 'edit' : 'none'));
    const a = client(server);
    await flush();
    allowed = false;
    a.transport.serverDisconnect();
    await wait(SERVER_RECONNECT_MS + 100);
    await flush();
    expect(a.provider.status).toMatchObject({ closed: 'access-removed', access: null });
    expect(a.provider.status.error).toMatch(/^FORBIDDEN: /);
  });

  it('stops after a second server disconnect before the document loaded again, until asked', async () => {
    const server = new FakeCollabServer();
    const a = client(server);
    await flush();
    a.transport.serverDisconnect();
    server.holdAcks = true;
    await wait(SERVER_RECONNECT_MS + 100);
    await flush();
    expect(a.provider.status.closed).toBe('reconnecting');
    a.transport.serverDisconnect();
    server.holdAcks = false;
    await wait(SERVER_RECONNECT_MS + 100);
    await flush();
    expect(a.provider.status).toMatchObject({ closed: 'server', connected: false });
    expect(a.transport.reconnects).toBe(2);
    a.provider.reconnect();
    await flush();
    expect(a.provider.status).toMatchObject({ closed: null, connected: true, loaded: true });
  });
});
