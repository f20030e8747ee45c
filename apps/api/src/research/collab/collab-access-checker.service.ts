import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ErrorCode, type CollabAccess } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { Types } from 'mongoose';
import { AuthService } from '../../auth/auth.service';
import type { User } from '../../org/schemas/user.schema';
import { ResearchAccess } from '../access/research-access.service';
import { CollabRegistry } from './collab-registry.service';
import { ACCESS_RECHECK_MS } from './collab-sessions.service';
import { holdsDoc, type CollabSocket } from './collab-socket.types';
import { CollabEmitter } from './collab.emitter';

/** Sockets checked at once (each check reads the session, the account and the plans' groups). */
const CHECK_BATCH = 10;

/**
 * Re-checks every open /collab socket every ACCESS_RECHECK_MS: its session must still be signed in
 * and its account active (the same check as the connection), and it must still be a member of each
 * joined plan's group. A socket that fails is told why (`doc:closed`) and disconnected, so a
 * removed member, a signed-out session or a disabled account stops receiving live edits.
 */
@Injectable()
export class CollabAccessChecker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(CollabAccessChecker.name);
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    private readonly auth: AuthService,
    private readonly access: ResearchAccess,
    private readonly registry: CollabRegistry,
    private readonly emitter: CollabEmitter,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.checkAll(), ACCESS_RECHECK_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** Checks every connected socket of this process (skipped while a previous round still runs). */
  async checkAll(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const sockets = this.emitter.sockets();
      for (let i = 0; i < sockets.length; i += CHECK_BATCH) {
        await Promise.all(sockets.slice(i, i + CHECK_BATCH).map((s) => this.check(s)));
      }
    } finally {
      this.running = false;
    }
  }

  private async check(socket: CollabSocket): Promise<void> {
    try {
      const user = await this.auth.stillSignedIn(socket.data.user._id, socket.data.sessionId);
      if (!socket.connected) return;
      socket.data.user = user;
      for (const docId of [...socket.data.docs.keys()]) {
        const access = await this.planAccess(user, docId);
        if (!holdsDoc(socket, docId)) continue;
        if (!access) {
          const message = 'you no longer have access to this plan';
          return this.emitter.closeSocket(socket, { code: ErrorCode.NOT_FOUND, message });
        }
        this.refresh(socket, docId, access);
      }
    } catch (err) {
      if (err instanceof AppError && err.code === ErrorCode.UNAUTHENTICATED) {
        return this.emitter.closeSocket(socket, { code: ErrorCode.UNAUTHENTICATED, message: err.message });
      }
      this.logger.warn(`re-checking collab socket ${socket.id} failed: ${(err as Error).message}`);
    }
  }

  /** The user's access to the document's plan; null when the plan is gone or no longer theirs. */
  private async planAccess(user: User, docId: string): Promise<CollabAccess | null> {
    try {
      return (await this.access.plan(user, new Types.ObjectId(docId.slice('plan:'.length)))).planAccess;
    } catch (err) {
      if (err instanceof AppError && (err.code === ErrorCode.NOT_FOUND || err.code === ErrorCode.FORBIDDEN)) {
        return null;
      }
      throw err;
    }
  }

  private refresh(socket: CollabSocket, docId: string, access: CollabAccess): void {
    socket.data.docs.set(docId, access);
    (socket.data.checkedAt ??= new Map()).set(docId, Date.now());
    const member = this.registry.peek(docId)?.members.get(socket.id);
    if (member) member.access = access;
  }
}
