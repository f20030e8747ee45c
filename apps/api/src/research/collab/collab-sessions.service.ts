import { Injectable, Logger } from '@nestjs/common';
import { ErrorCode, type CollabAccess, type DocJoinResult, type DocSyncResult } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { Types } from 'mongoose';
import { encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { ResearchAccess } from '../access/research-access.service';
import type { CollabDoc } from './collab-doc';
import { CollabHooks } from './collab-hooks.service';
import { CollabRegistry } from './collab-registry.service';
import { CollabPresence } from './collab-presence.service';
import { docRoom, holdsDoc, type CollabSocket } from './collab-socket.types';
import { CollabWriter } from './collab-writer.service';
import { decodeSyncMessage, encodeStep1, encodeStep2, SYNC_STEP1 } from './sync-message.codec';

/** A handler's answer, and what to send once it has been acknowledged. */
export interface Answer {
  data: unknown;
  after?: () => void;
}

const planIdOf = (docId: string) => new Types.ObjectId(docId.slice('plan:'.length));
/** How long a socket's access to a document is trusted before it is checked again (on its next edit, and by CollabAccessChecker). */
export const ACCESS_RECHECK_MS = 30_000;

/** INVALID_STATE unless the socket still holds the document (checked after every wait). */
function assertHolds(socket: CollabSocket, docId: string): void {
  if (!holdsDoc(socket, docId))
    throw new AppError(ErrorCode.INVALID_STATE, `${docId} was left or the connection closed`);
}

/** The /collab requests of one socket: join and leave documents, sync them, publish presence. */
@Injectable()
export class CollabSessions {
  private readonly logger = new Logger(CollabSessions.name);

  constructor(
    private readonly access: ResearchAccess,
    private readonly registry: CollabRegistry,
    private readonly writer: CollabWriter,
    private readonly presence: CollabPresence,
    private readonly hooks: CollabHooks,
  ) {}

  /** Checks the plan's access, attaches the socket; after the ack the server sends its step 1 and the presence. */
  async join(socket: CollabSocket, docId: string): Promise<Answer> {
    const { plan, planAccess } = await this.access.plan(socket.data.user, planIdOf(docId));
    if (!socket.connected) throw new AppError(ErrorCode.INVALID_STATE, 'the connection closed');
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
    const doc = await this.attached(socket, docId);
    await doc.exclusive(() => {
      const member = doc.members.get(socket.id);
      if (member && this.registry.isCurrent(doc)) this.presence.publish(doc, member, socket.data.user, update);
    });
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
      assertHolds(socket, docId);
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

  /**
   * The open document with this socket attached (again, if the document was reloaded meanwhile);
   * INVALID_STATE, attaching nothing, if the socket left the document or closed while it loaded.
   */
  private async attached(socket: CollabSocket, docId: string, communityId?: Types.ObjectId): Promise<CollabDoc> {
    const doc = await this.registry.open(docId, communityId);
    if (!holdsDoc(socket, docId)) {
      this.registry.scheduleUnload(doc);
      assertHolds(socket, docId);
    }
    const access = socket.data.docs.get(docId) as CollabAccess;
    const member = doc.members.get(socket.id);
    if (member) member.access = access;
    else {
      const userId = socket.data.user._id.toHexString();
      const stillAttached = () => holdsDoc(socket, docId);
      doc.members.set(socket.id, { socketId: socket.id, userId, access, awarenessClients: new Set(), stillAttached });
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
      this.presence.drop(doc, [...member.awarenessClients]);
      const current = this.registry.isCurrent(doc) && !doc.removed;
      if (current && member.access === 'edit' && doc.edited && doc.editors().length === 0) {
        doc.edited = false;
        this.hooks.editorsLeft({ docId, communityId: doc.communityId, user: socket.data.user });
      }
      this.registry.scheduleUnload(doc);
    });
  }

  private logDetach(docId: string, err: unknown): void {
    this.logger.warn(`leaving ${docId} failed: ${(err as Error).message}`);
  }
}
