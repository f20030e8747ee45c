import type { CollabAccess, CollabClientToServerEvents, CollabServerToClientEvents } from '@tongke/contracts';
import type { Namespace, Socket } from 'socket.io';
import type { User } from '../../org/schemas/user.schema';

/** What the /collab namespace keeps on each socket. */
export interface CollabSocketData {
  user: User;
  /** The documents this socket joined, with its access to each. */
  docs: Map<string, CollabAccess>;
  /** When each joined document's access was last checked (ms since epoch). */
  checkedAt?: Map<string, number>;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
type NoServerSideEvents = {};

export type CollabSocket = Socket<
  CollabClientToServerEvents,
  CollabServerToClientEvents,
  NoServerSideEvents,
  CollabSocketData
>;
export type CollabNamespace = Namespace<
  CollabClientToServerEvents,
  CollabServerToClientEvents,
  NoServerSideEvents,
  CollabSocketData
>;

/** The socket.io room of a document's sockets in this process. */
export const docRoom = (docId: string): string => `doc:${docId}`;
