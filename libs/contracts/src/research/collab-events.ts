import type { Ack } from '../ack';
import type { ErrorCode } from '../error-code.enum';

// The `/collab` socket.io namespace on the API: Yjs co-editing of lesson plans.
// Connect with the user's access token: `io(`${apiUrl}/collab`, { auth: { token } })`; a bad
// token fails the connection with `connect_error` whose `data` is an ErrorBody.
// Binary payloads travel as Uint8Array (socket.io binary attachments; the server accepts Buffer).
//
// Flow (y-protocols/sync semantics):
// 1. `doc:join` { docId } → ack { access }; the server then emits `doc:sync` with its sync step 1.
// 2. The client sends `doc:sync` with its own step 1; the ack's `reply` is the server's step 2
//    (everything the client lacks). The client answers the server's step 1 with `doc:sync` step 2.
// 3. Local edits go out as `doc:sync` update messages; the ack arrives once the update is stored
//    (an acknowledged edit survives an API restart). Remote edits arrive as `doc:sync` updates.
// 4. Presence (names, colours, cursors) uses y-protocols/awareness updates on `doc:awareness`.
// Read-only members (group observers) may send step 1 and awareness, never step 2 or updates
// (FORBIDDEN). Malformed messages are refused with BAD_REQUEST, oversized ones (message or
// resulting document, see COLLAB_LIMITS) with PAYLOAD_TOO_LARGE; the stored document is untouched.
// An update that builds on changes the server refused (it cannot be fully integrated), or that puts
// anything but a Y.Map into the 教学过程/作业设计 lists, is refused with BAD_REQUEST too: the client
// must then discard its local copy and sync again from the server.
// 5. Presence: the server binds each awareness client id to the first socket that publishes it
//    (others' updates for it are ignored) and stamps `user.id`/`user.name` with the socket's account.
// 6. `doc:closed` tells a socket why the server is about to disconnect it (see DocClosedEvent).

/** A collaborative document id: `plan:<LessonPlan id>`. */
export type CollabDocId = `plan:${string}`;
export const planDocId = (planId: string): CollabDocId => `plan:${planId}`;
export const COLLAB_DOC_ID_PATTERN = /^plan:[0-9a-f]{24}$/;

export type CollabAccess = 'edit' | 'read';

export interface DocJoinRequest {
  docId: string;
}
export interface DocJoinResult {
  docId: string;
  access: CollabAccess;
}

/** A y-protocols/sync message (step 1, step 2 or update). */
export interface DocSyncMessage {
  docId: string;
  message: Uint8Array;
}
export interface DocSyncResult {
  /** The answer to a step 1 (the server's step 2), if any. */
  reply?: Uint8Array;
}

/** A y-protocols/awareness update. */
export interface DocAwarenessMessage {
  docId: string;
  update: Uint8Array;
}

export interface DocLeaveRequest {
  docId: string;
}

/** Someone restored an old version: the content arrives as normal updates; this tells the UI who and which. */
export interface DocRestoredEvent {
  docId: string;
  versionId: string;
  versionName: string;
  by: { id: string; name: string };
}

/**
 * The server is disconnecting this socket from the document; `code` says why:
 * - UNAVAILABLE: the server lost the document's in-memory state; reconnect and join again
 *   (full handshake);
 * - NOT_FOUND: the plan was deleted, or the user is no longer a member of its group;
 * - UNAUTHENTICATED: the session was signed out or the account disabled; sign in again.
 * `message` is English, for display or logs.
 */
export interface DocClosedEvent {
  docId: string;
  code: ErrorCode.UNAVAILABLE | ErrorCode.NOT_FOUND | ErrorCode.UNAUTHENTICATED;
  message: string;
}

/** The awareness state each client publishes (y-codemirror.next reads `user` and `cursor`). */
export interface CollabAwarenessUser {
  id: string;
  name: string;
  /** CSS colour of the caret and the avatar. */
  color: string;
  colorLight: string;
}

export interface CollabClientToServerEvents {
  'doc:join': (req: DocJoinRequest, ack: (res: Ack<DocJoinResult>) => void) => void;
  'doc:sync': (req: DocSyncMessage, ack: (res: Ack<DocSyncResult>) => void) => void;
  'doc:awareness': (req: DocAwarenessMessage, ack: (res: Ack<Record<string, never>>) => void) => void;
  'doc:leave': (req: DocLeaveRequest, ack: (res: Ack<Record<string, never>>) => void) => void;
}

export interface CollabServerToClientEvents {
  'doc:sync': (event: DocSyncMessage) => void;
  'doc:awareness': (event: DocAwarenessMessage) => void;
  'doc:restored': (event: DocRestoredEvent) => void;
  'doc:closed': (event: DocClosedEvent) => void;
}

export type CollabRequestName = keyof CollabClientToServerEvents;
