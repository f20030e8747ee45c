import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { LiveConfig, MediaServerConfig } from '@tongke/config';
import {
  ErrorCode,
  SERVICE_TOKEN_AUDIENCE,
  type LessonRecordEvent,
  type LessonRecordEventStored,
} from '@tongke/contracts';
import { AppError } from '@tongke/core';

/** Waits between attempts of an event a participant is waiting for (chat, answers, strokes, ...). */
export const STORE_RETRY_DELAYS_MS = [250, 750];
/** Waits between attempts of a background event (attendance, session state, quiz end). */
export const REPORT_RETRY_DELAYS_MS = [500, 1000, 2000, 4000, 8000];
const ATTEMPT_TIMEOUT_MS = 5000;
const SERVICE_TOKEN_TTL_S = 60;
/** How long shutting down waits for queued background events. */
const FLUSH_TIMEOUT_MS = 3000;

/** A new event's id and time. */
export function eventStamp(at: Date = new Date()): { eventId: string; at: string } {
  return { eventId: randomUUID(), at: at.toISOString() };
}

class PermanentFailure extends Error {}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The adapter to the API's lesson record: POST /api/internal/live-sessions/:id/events with a
 * short-lived service token. A retried event keeps its eventId, so the API stores it once.
 */
@Injectable()
export class LessonRecordClient implements OnModuleDestroy {
  private readonly logger = new Logger(LessonRecordClient.name);
  private readonly queues = new Map<string, Promise<void>>();

  constructor(
    private readonly live: LiveConfig,
    private readonly server: MediaServerConfig,
    private readonly jwt: JwtService,
  ) {}

  /** Stores an event a participant waits for; fails with UNAVAILABLE if the API did not store it. */
  async store(sessionId: string, event: LessonRecordEvent): Promise<LessonRecordEventStored> {
    try {
      return await this.post(sessionId, event, STORE_RETRY_DELAYS_MS);
    } catch (err) {
      this.logger.warn(
        `storing ${event.type} ${event.eventId} of session ${sessionId} failed: ${(err as Error).message}`,
      );
      throw new AppError(ErrorCode.UNAVAILABLE, 'the lesson record could not be stored; try again');
    }
  }

  /** Queues a background event: sent in order per session, retried, failures logged. */
  report(sessionId: string, event: LessonRecordEvent): void {
    const previous = this.queues.get(sessionId) ?? Promise.resolve();
    const next = previous
      .then(() => this.post(sessionId, event, REPORT_RETRY_DELAYS_MS))
      .then(
        () => undefined,
        (err: Error) =>
          this.logger.error(`lost ${event.type} ${event.eventId} of session ${sessionId}: ${err.message}`),
      );
    this.queues.set(sessionId, next);
    void next.then(() => {
      if (this.queues.get(sessionId) === next) this.queues.delete(sessionId);
    });
  }

  /** Waits (a bounded time) for the queued background events. */
  async flush(timeoutMs = FLUSH_TIMEOUT_MS): Promise<void> {
    const all = Promise.all([...this.queues.values()]);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    await Promise.race([all, timeout]);
    clearTimeout(timer);
  }

  onModuleDestroy(): Promise<void> {
    return this.flush();
  }

  private async post(
    sessionId: string,
    event: LessonRecordEvent,
    retryDelays: number[],
  ): Promise<LessonRecordEventStored> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.attempt(sessionId, event);
      } catch (err) {
        if (err instanceof PermanentFailure || attempt >= retryDelays.length) throw err;
        await sleep(retryDelays[attempt]);
      }
    }
  }

  private async attempt(sessionId: string, event: LessonRecordEvent): Promise<LessonRecordEventStored> {
    const url = `${this.live.apiInternalUrl}/api/internal/live-sessions/${encodeURIComponent(sessionId)}/events`;
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await this.serviceToken()}` },
      body: JSON.stringify(event),
      signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
    });
    const text = await res.text();
    if (res.ok) return text ? (JSON.parse(text) as LessonRecordEventStored) : { eventId: event.eventId };
    const message = `API answered ${res.status}: ${text.slice(0, 200)}`;
    const transient = res.status >= 500 || res.status === 408 || res.status === 429;
    throw transient ? new Error(message) : new PermanentFailure(message);
  }

  private serviceToken(): Promise<string> {
    return this.jwt.signAsync(
      {},
      {
        algorithm: 'HS256',
        audience: SERVICE_TOKEN_AUDIENCE,
        subject: this.server.nodeId,
        expiresIn: SERVICE_TOKEN_TTL_S,
      },
    );
  }
}
