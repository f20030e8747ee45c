import { ErrorCode } from '@tongke/contracts';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
  decodeAwarenessEntries,
  encodeAwarenessEntries,
  decodeSyncMessage,
  encodeStep1,
  encodeStep2,
  encodeUpdate,
  SYNC_STEP1,
  SYNC_STEP2,
  SYNC_UPDATE,
} from './sync-message.codec';

const docWith = (text: string) => {
  const doc = new Y.Doc();
  doc.getText('objectives').insert(0, text);
  return doc;
};

describe(decodeSyncMessage.name, () => {
  it('reads step 1, step 2 and updates as y-protocols writes them', () => {
    const doc = docWith('教学目标');
    const sv = Y.encodeStateVector(doc);
    const update = Y.encodeStateAsUpdate(doc);
    expect(decodeSyncMessage(encodeStep1(sv))).toEqual({ type: SYNC_STEP1, stateVector: sv });
    expect(decodeSyncMessage(encodeStep2(update))).toEqual({ type: SYNC_STEP2, update });
    expect(decodeSyncMessage(encodeUpdate(update))).toEqual({ type: SYNC_UPDATE, update });
  });

  it.each([
    ['a truncated update', () => encodeUpdate(Y.encodeStateAsUpdate(docWith('abc')).slice(0, 4))],
    ['garbage as an update', () => encodeUpdate(new Uint8Array([1, 2, 3, 4, 5, 200, 7]))],
    ['a frame shorter than its length', () => new Uint8Array([2, 40, 1])],
    ['trailing bytes after the frame', () => new Uint8Array([...encodeUpdate(Y.encodeStateAsUpdate(docWith('a'))), 9])],
    ['an unknown message type', () => new Uint8Array([7, 1, 0])],
    ['an empty message', () => new Uint8Array()],
  ])('refuses %s with BAD_REQUEST', (_name, message) => {
    expect(() => decodeSyncMessage(message())).toThrow(expect.objectContaining({ code: ErrorCode.BAD_REQUEST }));
  });
});

describe(decodeAwarenessEntries.name, () => {
  it('reads the entries of an awareness update, and encodes them back byte for byte', () => {
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    awareness.setLocalState({ user: { name: '李老师' } });
    const update = encodeAwarenessUpdate(awareness, [doc.clientID]);
    const entries = decodeAwarenessEntries(update);
    expect(entries).toEqual([{ client: doc.clientID, clock: 1, state: { user: { name: '李老师' } } }]);
    expect(encodeAwarenessEntries(entries)).toEqual(update);
    awareness.destroy();
  });

  it('refuses broken updates', () => {
    expect(() => decodeAwarenessEntries(new Uint8Array([1, 5, 1, 3, 123, 120, 120]))).toThrow(
      expect.objectContaining({ code: ErrorCode.BAD_REQUEST }),
    );
    expect(() => decodeAwarenessEntries(new Uint8Array([2, 1]))).toThrow(
      expect.objectContaining({ code: ErrorCode.BAD_REQUEST }),
    );
  });
});
