import { Injectable } from '@nestjs/common';
import type { DocClosedEvent, DocRestoredEvent } from '@tongke/contracts';
import { docRoom, type CollabNamespace, type CollabSocket } from './collab-socket.types';

/** Why a socket is closed, and whether its transport is dropped too (socket.io clients then reconnect by themselves). */
export interface CloseReason {
  code: DocClosedEvent['code'];
  message: string;
  /** Drop the connection (the client reconnects and joins again) instead of ending the session's socket. */
  reconnect?: boolean;
}

/** Sends server events to the sockets of a document in this process (other processes hear it through the relay). */
@Injectable()
export class CollabEmitter {
  private nsp: CollabNamespace | undefined;

  bind(nsp: CollabNamespace): void {
    this.nsp = nsp;
  }

  private room(docId: string, exceptSocketId?: string) {
    if (!this.nsp) return undefined;
    const room = this.nsp.to(docRoom(docId));
    return exceptSocketId ? room.except(exceptSocketId) : room;
  }

  sync(docId: string, message: Uint8Array, exceptSocketId?: string): void {
    this.room(docId, exceptSocketId)?.emit('doc:sync', { docId, message });
  }

  awareness(docId: string, update: Uint8Array, exceptSocketId?: string): void {
    this.room(docId, exceptSocketId)?.emit('doc:awareness', { docId, update });
  }

  restored(event: DocRestoredEvent): void {
    this.room(event.docId)?.emit('doc:restored', event);
  }

  /** The connected sockets of this process. */
  sockets(): CollabSocket[] {
    return this.nsp ? [...this.nsp.sockets.values()] : [];
  }

  /** Tells every socket of the document in this process why (`doc:closed`), then disconnects them. */
  close(docId: string, reason: CloseReason): void {
    if (!this.nsp) return;
    this.room(docId)?.emit('doc:closed', { docId, code: reason.code, message: reason.message });
    this.nsp.in(docRoom(docId)).disconnectSockets(reason.reconnect === true);
  }

  /** Tells one socket why (`doc:closed` for each of its documents), then disconnects it. */
  closeSocket(socket: CollabSocket, reason: CloseReason): void {
    for (const docId of socket.data.docs.keys()) {
      socket.emit('doc:closed', { docId, code: reason.code, message: reason.message });
    }
    socket.disconnect(reason.reconnect === true);
  }
}
