import { createHash } from 'node:crypto';
import {
  DEFAULT_PERMISSIONS,
  LessonRole,
  type JoinTokenClaims,
  type LinkMode,
  type NetworkQuality,
  type PermissionSet,
} from '@tongke/contracts';
import type { types } from 'mediasoup';
import type { LiveSocket } from '../live-socket.types';

/** Identity of a participant as lesson record events carry it. */
export interface PeerWho {
  peerId: string;
  userId: string;
  name: string;
  role: LessonRole;
  classroomId?: string;
}

/** A stable peer id per identity (session, role, user, classroom): a reconnection keeps its id. */
export function peerIdOf(claims: Pick<JoinTokenClaims, 'sid' | 'role' | 'sub' | 'cid'>): string {
  const key = [claims.sid, claims.role, claims.sub, claims.cid ?? ''].join('\u0000');
  return `p${createHash('sha256').update(key).digest('base64url').slice(0, 22)}`;
}

/**
 * One participant's own state in a lesson. Its transports, producers and consumers live in the
 * Room's maps; the Room coordinates.
 */
export class Peer {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  readonly role: LessonRole;
  readonly classroomId: string | undefined;
  permissions: PermissionSet;
  linkMode: LinkMode = 'full';
  quality: NetworkQuality = 'unknown';
  /** The participant's current socket (the disconnected one while it may still come back). */
  socket: LiveSocket;
  connected = true;
  /** `room:join` done on the current socket. */
  joined = false;
  /** Listed to the others: joined once and not removed since. */
  listed = false;
  /** An attendance interval is open for it. */
  present = false;
  rtpCapabilities: types.RtpCapabilities | undefined;
  /** Sources muted server-side (by the lead, its assistant, a permission or a disabled interaction). */
  readonly muted = new Set<'mic' | 'camera'>();
  graceTimer: NodeJS.Timeout | undefined;

  constructor(claims: JoinTokenClaims, socket: LiveSocket) {
    this.id = peerIdOf(claims);
    this.userId = claims.sub;
    this.name = claims.name;
    this.role = claims.role;
    this.classroomId = claims.cid;
    this.permissions = { ...DEFAULT_PERMISSIONS[claims.role] };
    this.socket = socket;
  }

  get who(): PeerWho {
    const who: PeerWho = { peerId: this.id, userId: this.userId, name: this.name, role: this.role };
    if (this.classroomId) who.classroomId = this.classroomId;
    return who;
  }

  get isLead(): boolean {
    return this.role === LessonRole.LEAD;
  }

  /** Takes a new socket: a fresh one (after replacement) or the recovered one. */
  attach(socket: LiveSocket, fresh: boolean): void {
    this.socket = socket;
    this.connected = true;
    clearTimeout(this.graceTimer);
    this.graceTimer = undefined;
    if (fresh) {
      this.joined = false;
      this.rtpCapabilities = undefined;
      this.linkMode = 'full';
      this.quality = 'unknown';
    }
  }
}
