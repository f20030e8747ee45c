import type { CollabAccess } from '@tongke/contracts';
import type { Types } from 'mongoose';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';

/** A socket attached to a loaded document. */
export interface DocMember {
  socketId: string;
  userId: string;
  access: CollabAccess;
  /** Awareness client ids this socket published (removed when it leaves). */
  awarenessClients: Set<number>;
  /** Whether the socket is still connected and still holds the document (false once it left). */
  stillAttached: () => boolean;
}

/**
 * One open collaborative document in this process: the Y.Doc, its awareness, the sockets using
 * it, and a queue that runs the operations on it one at a time.
 */
export class CollabDoc {
  readonly ydoc = new Y.Doc();
  readonly awareness = new Awareness(this.ydoc);
  readonly members = new Map<string, DocMember>();
  /** Which socket owns each awareness client id (the first one that published it). */
  readonly awarenessOwners = new Map<number, string>();
  /** The document was deleted: nothing more is stored and no version is saved for it. */
  removed = false;
  /** An upper bound of the encoded state's size (exact after a full measure). */
  sizeBound = 0;
  /** Rows stored for the document as far as this process knows (loaded + appended here). */
  storedRows = 0;
  /** Edits accepted here since it was loaded or since an auto version was considered. */
  edited = false;
  compacting = false;
  /** Committed updates waiting to be stored (their senders' acks wait on them). */
  readonly unstored: { update: Uint8Array; resolve: () => void; reject: (err: Error) => void }[] = [];
  /** A storage write of this document is in flight. */
  writing = false;
  unloadTimer: NodeJS.Timeout | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly docId: string,
    readonly communityId: Types.ObjectId,
  ) {
    this.awareness.setLocalState(null);
  }

  /** Runs `op` after every operation queued before it (operations on one document are serialised). */
  exclusive<T>(op: () => T | Promise<T>): Promise<T> {
    const run = this.queue.then(op, op);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Measures the encoded state exactly (and remembers it as the bound). */
  measure(): number {
    this.sizeBound = Y.encodeStateAsUpdate(this.ydoc).byteLength;
    return this.sizeBound;
  }

  editors(): DocMember[] {
    return [...this.members.values()].filter((m) => m.access === 'edit');
  }

  destroy(): void {
    clearTimeout(this.unloadTimer);
    this.awareness.destroy();
    this.ydoc.destroy();
  }
}
