import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';

// y-protocols/sync messages of the /collab namespace as pure functions over a Y.Doc.

export type SyncMessageKind = 'step1' | 'step2' | 'update';

const KIND_BY_TYPE: Record<number, SyncMessageKind> = {
  [syncProtocol.messageYjsSyncStep1]: 'step1',
  [syncProtocol.messageYjsSyncStep2]: 'step2',
  [syncProtocol.messageYjsUpdate]: 'update',
};

/** Sync step 1: our state vector (the other side answers with what we lack). */
export function step1Message(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/** An update message carrying a Yjs update. */
export function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** The kind of a sync message, or null when it is not one. */
export function syncMessageKind(message: Uint8Array): SyncMessageKind | null {
  if (message.length === 0) return null;
  try {
    return KIND_BY_TYPE[decoding.readVarUint(decoding.createDecoder(message))] ?? null;
  } catch {
    return null;
  }
}

export interface SyncReadResult {
  kind: SyncMessageKind;
  /** The answer a step 1 asks for (our step 2: what the other side lacks). */
  reply?: Uint8Array;
}

/**
 * Applies a sync message to `doc` (step 2 and updates are applied with `origin`, so the
 * provider does not send them back). A step 1 yields the step 2 reply. Throws on malformed input.
 */
export function readSyncMessage(doc: Y.Doc, message: Uint8Array, origin: unknown): SyncReadResult {
  const kind = syncMessageKind(message);
  if (!kind) throw new Error('not a sync message');
  const decoder = decoding.createDecoder(message);
  const encoder = encoding.createEncoder();
  syncProtocol.readSyncMessage(decoder, encoder, doc, origin);
  const reply = encoding.length(encoder) > 0 ? encoding.toUint8Array(encoder) : undefined;
  return reply ? { kind, reply } : { kind };
}

/** socket.io delivers binary as ArrayBuffer in browsers and Buffer/Uint8Array elsewhere. */
export function toBytes(value: unknown): Uint8Array | null {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  return null;
}
