import type { CollabAccess, CollabClientToServerEvents, CollabServerToClientEvents } from '@tongke/contracts';
import type { Namespace, Socket } from 'socket.io';
import type { User } from '../../org/schemas/user.schema';

/** What the /collab namespace keeps on each socket. */
export interface CollabSocketData {
  /** The account, as of the last check (connect, then every access re-check). */
  user: User;
  /** The auth session of the connection's access token (re-checked while the socket is open). */
  sessionId: string;
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

/** Whether the socket is still connected and still holds the document (it did not leave it meanwhile). */
export const holdsDoc = (socket: CollabSocket, docId: string): boolean =>
  socket.connected && socket.data.docs.has(docId);
