import { Injectable, Logger } from '@nestjs/common';
import { applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import type { User } from '../../org/schemas/user.schema';
import type { CollabDoc, DocMember } from './collab-doc';
import { CollabRelay } from './collab-relay.adapter';
import { CollabEmitter } from './collab.emitter';
import { decodeAwarenessEntries, encodeAwarenessEntries, type AwarenessEntry } from './sync-message.codec';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The state with `user.id` and `user.name` set to the server's identity of the publisher. */
function stamped(state: unknown, user: User): unknown {
  if (!isRecord(state)) return state; // null: the client left
  const published = isRecord(state.user) ? state.user : {};
  return { ...state, user: { ...published, id: user._id.toHexString(), name: user.displayName } };
}

/**
 * Presence (y-protocols/awareness) of the documents open here. Each awareness client id belongs to
 * the first socket that publishes it: updates for ids of other sockets (here or in another
 * process) are ignored, and the `user` a socket publishes carries its own account's id and name.
 */
@Injectable()
export class CollabPresence {
  private readonly logger = new Logger(CollabPresence.name);

  constructor(
    private readonly emitter: CollabEmitter,
    private readonly relay: CollabRelay,
  ) {}

  /**
   * Applies the member's awareness update (only its own client ids, stamped) and sends it to the
   * document's other sockets and processes. Call it inside the document's queue.
   */
  publish(doc: CollabDoc, member: DocMember, user: User, update: Uint8Array): void {
    const entries = decodeAwarenessEntries(update).filter((e) => this.claim(doc, member, e));
    if (!entries.length) return;
    const accepted = encodeAwarenessEntries(entries.map((e) => ({ ...e, state: stamped(e.state, user) })));
    applyAwarenessUpdate(doc.awareness, accepted, member.socketId);
    this.emitter.awareness(doc.docId, accepted, member.socketId);
    this.relayAwareness(doc.docId, accepted);
  }

  /** Removes the presence of clients that left (their socket left the document) everywhere. */
  drop(doc: CollabDoc, clients: number[]): void {
    for (const client of clients) doc.awarenessOwners.delete(client);
    const present = clients.filter((c) => doc.awareness.getStates().has(c));
    if (!present.length) return;
    removeAwarenessStates(doc.awareness, present, 'leave');
    const update = encodeAwarenessUpdate(doc.awareness, present);
    this.emitter.awareness(doc.docId, update);
    this.relayAwareness(doc.docId, update);
  }

  /** True if the client id is the member's (claiming it if nobody holds it yet). */
  private claim(doc: CollabDoc, member: DocMember, entry: AwarenessEntry): boolean {
    const owner = doc.awarenessOwners.get(entry.client);
    if (owner !== undefined) return owner === member.socketId;
    // Present without a local owner: published by a socket of another process.
    if (doc.awareness.getStates().has(entry.client)) return false;
    doc.awarenessOwners.set(entry.client, member.socketId);
    member.awarenessClients.add(entry.client);
    return true;
  }

  private relayAwareness(docId: string, update: Uint8Array): void {
    this.relay.publish({ kind: 'awareness', docId, data: update }).catch((err: unknown) => {
      this.logger.warn(`relaying awareness of ${docId} failed: ${(err as Error).message}`);
    });
  }
}
