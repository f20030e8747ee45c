import type { JoinLessonResponse } from '@tongke/contracts';
import { JOIN_TOKEN_TTL_S } from './contract-values';

export interface JoinTokenProviderOptions {
  /** Asks the API for a join (POST /api/live-sessions/:id/join). */
  fetchJoin: () => Promise<JoinLessonResponse>;
  now?: () => number;
  /** Refresh once a token is this old (tokens live 5 minutes); default 4 minutes. */
  maxAgeMs?: number;
  /** Never use a token closer than this to its own expiry; default 45 s. */
  marginMs?: number;
}

interface Held {
  join: JoinLessonResponse;
  refreshAt: number;
}

/**
 * Holds the lesson's join token and fetches a fresh one when it gets old, so that a socket
 * reconnecting after a long network drop presents a valid token. Concurrent callers share
 * one API request.
 */
export class JoinTokenProvider {
  private held: Held | null = null;
  private inFlight: Promise<JoinLessonResponse> | null = null;
  private readonly now: () => number;
  private readonly maxAgeMs: number;
  private readonly marginMs: number;

  constructor(private readonly options: JoinTokenProviderOptions) {
    this.now = options.now ?? (() => Date.now());
    this.maxAgeMs = options.maxAgeMs ?? 4 * 60_000;
    this.marginMs = options.marginMs ?? 45_000;
  }

  /** The last join answer, if any (role, media URL, session). */
  get latest(): JoinLessonResponse | null {
    return this.held?.join ?? null;
  }

  /** A join answer whose token is fresh enough to present now. */
  async join(): Promise<JoinLessonResponse> {
    if (this.held && this.now() < this.held.refreshAt) return this.held.join;
    return this.fetch();
  }

  async token(): Promise<string> {
    return (await this.join()).token;
  }

  /** Forget the current token (e.g. the media node said TOKEN_EXPIRED). */
  invalidate(): void {
    this.held = null;
  }

  /**
   * When a token fetched at `fetchedAt` must be replaced. The server's `expiresAt` is read
   * as a lifetime relative to the fetch, and ignored when the local clock makes it
   * implausible (skew), falling back to the contract's TTL.
   */
  static refreshAt(fetchedAt: number, expiresAt: string, maxAgeMs: number, marginMs: number): number {
    const ttlMs = JOIN_TOKEN_TTL_S * 1000;
    let lifetime = Date.parse(expiresAt) - fetchedAt;
    if (!Number.isFinite(lifetime) || lifetime <= marginMs || lifetime > ttlMs + 60_000) lifetime = ttlMs;
    return fetchedAt + Math.min(maxAgeMs, lifetime - marginMs);
  }

  private fetch(): Promise<JoinLessonResponse> {
    if (this.inFlight) return this.inFlight;
    const startedAt = this.now();
    this.inFlight = this.options
      .fetchJoin()
      .then((join) => {
        this.held = {
          join,
          refreshAt: JoinTokenProvider.refreshAt(startedAt, join.expiresAt, this.maxAgeMs, this.marginMs),
        };
        return join;
      })
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }
}
