import { ErrorCode } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

// The y-protocols/sync and awareness wire formats, decoded strictly (every byte accounted for) so
// a malformed message is refused before anything touches a document.

export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

export type SyncMessage =
  | { type: typeof SYNC_STEP1; stateVector: Uint8Array }
  | { type: typeof SYNC_STEP2 | typeof SYNC_UPDATE; update: Uint8Array };

const malformed = (what: string) => new AppError(ErrorCode.BAD_REQUEST, `malformed ${what}`);

/** Runs a decoder over `bytes`, requiring it to succeed and to read every byte. */
function strictly<T>(bytes: Uint8Array, what: string, read: (d: decoding.Decoder) => T): T {
  try {
    const decoder = decoding.createDecoder(bytes);
    const value = read(decoder);
    if (decoding.hasContent(decoder)) throw new Error('trailing bytes');
    return value;
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw malformed(what);
  }
}

/** Checks that `update` is a well-formed Yjs (v1) update; BAD_REQUEST otherwise. */
export function assertYjsUpdate(update: Uint8Array): void {
  try {
    Y.decodeUpdate(update);
  } catch {
    throw malformed('Yjs update');
  }
}

/** Decodes a y-protocols/sync message and validates its payload (state vector or update). */
export function decodeSyncMessage(message: Uint8Array): SyncMessage {
  const { type, payload } = strictly(message, 'sync message', (d) => ({
    type: decoding.readVarUint(d),
    payload: decoding.readVarUint8Array(d),
  }));
  if (type === SYNC_STEP1) {
    try {
      Y.decodeStateVector(payload);
    } catch {
      throw malformed('state vector');
    }
    return { type, stateVector: payload };
  }
  if (type === SYNC_STEP2 || type === SYNC_UPDATE) {
    assertYjsUpdate(payload);
    return { type, update: payload };
  }
  throw new AppError(ErrorCode.BAD_REQUEST, `unknown sync message type ${type}`);
}

const frame = (type: number, payload: Uint8Array): Uint8Array => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
};

export const encodeStep1 = (stateVector: Uint8Array): Uint8Array => frame(SYNC_STEP1, stateVector);
export const encodeStep2 = (update: Uint8Array): Uint8Array => frame(SYNC_STEP2, update);
export const encodeUpdate = (update: Uint8Array): Uint8Array => frame(SYNC_UPDATE, update);

/** One client's entry of an awareness update (`state` null: the client left). */
export interface AwarenessEntry {
  client: number;
  clock: number;
  state: unknown;
}

/** The entries of an awareness update; BAD_REQUEST unless it is well-formed (states are JSON). */
export function decodeAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  return strictly(update, 'awareness update', (d) => {
    const count = decoding.readVarUint(d);
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const client = decoding.readVarUint(d);
      const clock = decoding.readVarUint(d);
      entries.push({ client, clock, state: JSON.parse(decoding.readVarString(d)) as unknown });
    }
    return entries;
  });
}

/** An awareness update carrying `entries` (the y-protocols/awareness wire format). */
export function encodeAwarenessEntries(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { client, clock, state } of entries) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(state));
  }
  return encoding.toUint8Array(encoder);
}
