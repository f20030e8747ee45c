import type { JoinTokenClaims, LiveClientEvents, LiveServerEvents } from '@tongke/contracts';
import type { Namespace, Socket } from 'socket.io';

/** What the `/live` namespace keeps on each socket (restored with it by connection-state recovery). */
export interface LiveSocketData {
  claims: JoinTokenClaims;
  peerId: string;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
type NoServerSideEvents = {};

export type LiveSocket = Socket<LiveClientEvents, LiveServerEvents, NoServerSideEvents, LiveSocketData>;
export type LiveNamespace = Namespace<LiveClientEvents, LiveServerEvents, NoServerSideEvents, LiveSocketData>;

/** socket.io room holding the sockets of one participant (so its events survive a reconnection). */
export const peerRoom = (peerId: string): string => `peer:${peerId}`;
