import { afterEach, describe, expect, it } from '@jest/globals';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CollabProvider } from './collab-provider';
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
afterEach(() => {
  for (const a of awarenesses.splice(0)) a.destroy();
});

function client(server: FakeCollabServer): Client {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  awarenesses.push(awareness);
  const transport = server.connect();
  const provider = new CollabProvider({ docId: DOC, doc, awareness, transport });
  return { doc, awareness, transport, provider, text: () => doc.getText('objectives').toString() };
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
});
