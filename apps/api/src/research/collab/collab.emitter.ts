import { Injectable } from '@nestjs/common';
import type { DocRestoredEvent } from '@tongke/contracts';
import { docRoom, type CollabNamespace } from './collab-socket.types';

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

  /** Takes every socket of this process out of the document's room. */
  clear(docId: string): void {
    this.nsp?.in(docRoom(docId)).socketsLeave(docRoom(docId));
  }
}
