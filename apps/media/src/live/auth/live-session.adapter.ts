import { SessionAwareAdapter } from 'socket.io-adapter';

/** Longer than any maxDisconnectionDuration in use: by then socket.io has dropped the session itself. */
const FORGET_AFTER_MS = 10 * 60_000;

type PersistedSession = Parameters<SessionAwareAdapter['persistSession']>[0];
type RestoredSession = Awaited<ReturnType<SessionAwareAdapter['restoreSession']>>;

/**
 * socket.io's in-memory connection-state-recovery adapter, plus a way to refuse recovering a
 * socket whose participant is gone (removed after its reconnect grace, replaced by a newer
 * connection, or its lesson closed): that client then connects fresh, runs the auth middleware
 * and rejoins, instead of believing its old media still exists.
 */
export class LiveSessionAdapter extends SessionAwareAdapter {
  private readonly pidBySid = new Map<string, string>();
  private readonly revoked = new Set<string>();

  override persistSession(session: PersistedSession): void {
    super.persistSession(session);
    this.pidBySid.set(session.sid, session.pid);
    setTimeout(() => this.forget(session.sid, session.pid), FORGET_AFTER_MS).unref();
  }

  override async restoreSession(pid: string, offset: string): Promise<RestoredSession> {
    if (this.revoked.delete(pid)) return null as unknown as RestoredSession;
    const session = await super.restoreSession(pid, offset);
    if (session) this.pidBySid.delete(session.sid);
    return session;
  }

  /** The socket `sid` (if it is waiting to be recovered) will not be. */
  revoke(sid: string): void {
    const pid = this.pidBySid.get(sid);
    if (pid === undefined) return;
    this.pidBySid.delete(sid);
    this.revoked.add(pid);
    setTimeout(() => this.revoked.delete(pid), FORGET_AFTER_MS).unref();
  }

  private forget(sid: string, pid: string): void {
    if (this.pidBySid.get(sid) === pid) this.pidBySid.delete(sid);
  }
}
