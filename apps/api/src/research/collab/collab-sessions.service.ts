import { Injectable, Logger } from '@nestjs/common';
import { ErrorCode, type CollabAccess, type DocJoinResult, type DocSyncResult } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { Types } from 'mongoose';
import { applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { ResearchAccess } from '../access/research-access.service';
import type { CollabDoc } from './collab-doc';
import { CollabHooks } from './collab-hooks.service';
import { CollabRegistry } from './collab-registry.service';
import { CollabRelay } from './collab-relay.adapter';
import { docRoom, type CollabSocket } from './collab-socket.types';
import { CollabWriter } from './collab-writer.service';
import { CollabEmitter } from './collab.emitter';
import { decodeAwarenessClients, decodeSyncMessage, encodeStep1, encodeStep2, SYNC_STEP1 } from './sync-message.codec';

/** A handler's answer, and what to send once it has been acknowledged. */
export interface Answer {
  data: unknown;
  after?: () => void;
}

const planIdOf = (docId: string) => new Types.ObjectId(docId.slice('plan:'.length));
/** How long a socket's access to a document is trusted before it is checked again (on its next edit). */
const ACCESS_RECHECK_MS = 30_000;

/** The /collab requests of one socket: join and leave documents, sync them, publish presence. */
@Injectable()
export class CollabSessions {
  private readonly logger = new Logger(CollabSessions.name);

  constructor(
    private readonly access: ResearchAccess,
    private readonly registry: CollabRegistry,
    private readonly writer: CollabWriter,
    private readonly emitter: CollabEmitter,
    private readonly relay: CollabRelay,
    private readonly hooks: CollabHooks,
  ) {}

  /** Checks the plan's access, attaches the socket; after the ack the server sends its step 1 and the presence. */
  async join(socket: CollabSocket, docId: string): Promise<Answer> {
    const { plan, planAccess } = await this.access.plan(socket.data.user, planIdOf(docId));
    socket.data.docs.set(docId, planAccess);
    (socket.data.checkedAt ??= new Map()).set(docId, Date.now());
    const doc = await this.attached(socket, docId, plan.communityId);
    const data: DocJoinResult = { docId, access: planAccess };
    const after = () => {
      socket.emit('doc:sync', { docId, message: encodeStep1(Y.encodeStateVector(doc.ydoc)) });
      const others = [...doc.awareness.getStates().keys()];
      if (others.length) socket.emit('doc:awareness', { docId, update: encodeAwarenessUpdate(doc.awareness, others) });
    };
    return { data, after };
  }

  /** Step 1 is answered with step 2; step 2 and updates need edit access and are stored before the ack. */
  async sync(socket: CollabSocket, docId: string, message: Uint8Array): Promise<Answer> {
    this.joined(socket, docId);
    const decoded = decodeSyncMessage(message);
    const access = decoded.type === SYNC_STEP1 ? 'read' : await this.currentAccess(socket, docId);
    if (decoded.type !== SYNC_STEP1 && access !== 'edit') {
      throw new AppError(ErrorCode.FORBIDDEN, 'you may read this plan but not edit it');
    }
    const doc = await this.attached(socket, docId);
    const committed = await doc.exclusive(() => {
      this.assertCurrent(doc);
      if (decoded.type === SYNC_STEP1) {
        return { reply: encodeStep2(Y.encodeStateAsUpdate(doc.ydoc, decoded.stateVector)) };
      }
      return this.writer.commit(doc, decoded.update, socket.id);
    });
    if (committed && 'reply' in committed) return { data: committed satisfies DocSyncResult };
    await committed?.stored;
    return { data: {} };
  }

  async awareness(socket: CollabSocket, docId: string, update: Uint8Array): Promise<Answer> {
    this.joined(socket, docId);
    const clients = decodeAwarenessClients(update);
    const doc = await this.attached(socket, docId);
    await doc.exclusive(() => {
      applyAwarenessUpdate(doc.awareness, update, socket.id);
      const member = doc.members.get(socket.id);
      for (const client of clients) member?.awarenessClients.add(client);
    });
    this.emitter.awareness(docId, update, socket.id);
    this.publishAwareness(docId, update);
    return { data: {} };
  }

  async leave(socket: CollabSocket, docId: string): Promise<Answer> {
    this.joined(socket, docId);
    await this.detach(socket, docId);
    return { data: {} };
  }

  /** A closed connection leaves every document it joined. */
  async disconnect(socket: CollabSocket): Promise<void> {
    const docIds = [...(socket.data.docs?.keys() ?? [])];
    await Promise.all(docIds.map((id) => this.detach(socket, id).catch((err: unknown) => this.logDetach(id, err))));
  }

  /**
   * The socket's access to the document, checked again when the last check is older than
   * ACCESS_RECHECK_MS: a member removed from the group (or made an observer) or a deleted plan
   * stops an open editor's writes within that time.
   */
  private async currentAccess(socket: CollabSocket, docId: string): Promise<CollabAccess> {
    const checked = socket.data.checkedAt?.get(docId) ?? 0;
    if (Date.now() - checked < ACCESS_RECHECK_MS) return this.joined(socket, docId);
    try {
      const { planAccess } = await this.access.plan(socket.data.user, planIdOf(docId));
      socket.data.docs.set(docId, planAccess);
      (socket.data.checkedAt ??= new Map()).set(docId, Date.now());
      return planAccess;
    } catch (err) {
      if (err instanceof AppError && err.code === ErrorCode.NOT_FOUND) await this.detach(socket, docId);
      throw err;
    }
  }

  private joined(socket: CollabSocket, docId: string): CollabAccess {
    const access = socket.data.docs.get(docId);
    if (!access) throw new AppError(ErrorCode.INVALID_STATE, `join ${docId} first (doc:join)`);
    return access;
  }

  /** The open document with this socket attached (again, if the document was reloaded meanwhile). */
  private async attached(socket: CollabSocket, docId: string, communityId?: Types.ObjectId): Promise<CollabDoc> {
    const doc = await this.registry.open(docId, communityId);
    const access = socket.data.docs.get(docId) as CollabAccess;
    const member = doc.members.get(socket.id);
    if (member) member.access = access;
    else {
      const userId = socket.data.user._id.toHexString();
      doc.members.set(socket.id, { socketId: socket.id, userId, access, awarenessClients: new Set() });
    }
    this.registry.keep(doc);
    await socket.join(docRoom(docId));
    return doc;
  }

  private assertCurrent(doc: CollabDoc): void {
    if (!this.registry.isCurrent(doc)) {
      throw new AppError(ErrorCode.UNAVAILABLE, 'the document was reloaded, send the request again');
    }
  }

  private async detach(socket: CollabSocket, docId: string): Promise<void> {
    socket.data.docs.delete(docId);
    await socket.leave(docRoom(docId));
    const doc = this.registry.peek(docId);
    if (!doc) return;
    await doc.exclusive(() => {
      const member = doc.members.get(socket.id);
      if (!member) return;
      doc.members.delete(socket.id);
      this.dropPresence(doc, [...member.awarenessClients]);
      if (member.access === 'edit' && doc.edited && doc.editors().length === 0) {
        doc.edited = false;
        this.hooks.editorsLeft({ docId, communityId: doc.communityId, user: socket.data.user });
      }
      this.registry.scheduleUnload(doc);
    });
  }

  private dropPresence(doc: CollabDoc, clients: number[]): void {
    const present = clients.filter((c) => doc.awareness.getStates().has(c));
    if (!present.length) return;
    removeAwarenessStates(doc.awareness, present, 'leave');
    const update = encodeAwarenessUpdate(doc.awareness, present);
    this.emitter.awareness(doc.docId, update);
    this.publishAwareness(doc.docId, update);
  }

  private publishAwareness(docId: string, update: Uint8Array): void {
    this.relay.publish({ kind: 'awareness', docId, data: update }).catch((err: unknown) => {
      this.logger.warn(`relaying awareness of ${docId} failed: ${(err as Error).message}`);
    });
  }

  private logDetach(docId: string, err: unknown): void {
    this.logger.warn(`leaving ${docId} failed: ${(err as Error).message}`);
  }
}
