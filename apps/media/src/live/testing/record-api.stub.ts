import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { JwtService } from '@nestjs/jwt';
import {
  lessonRecordEventSchema,
  SERVICE_TOKEN_AUDIENCE,
  type LessonRecordEvent,
  type LessonRecordEventType,
} from '@tongke/contracts';

export interface StoredRecordEvent {
  sessionId: string;
  event: LessonRecordEvent;
}

/**
 * Stands in for the API's POST /api/internal/live-sessions/:id/events in integration specs:
 * checks the service token, validates each body with lessonRecordEventSchema and keeps it.
 * Can be told to fail every attempt of the next event of a type (503).
 */
export class RecordApiStub {
  readonly events: StoredRecordEvent[] = [];
  /** Requests refused for a bad token or an invalid body (should stay empty). */
  readonly refused: string[] = [];
  private readonly server: Server;
  private readonly failTypes = new Set<LessonRecordEventType>();
  private readonly failingIds = new Set<string>();
  private readonly jwt: JwtService;

  constructor(
    secret: string,
    private readonly nodeId: string,
  ) {
    this.jwt = new JwtService({ secret });
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Every attempt to store the next event of this type fails with 503. */
  failNext(type: LessonRecordEventType): void {
    this.failTypes.add(type);
  }

  ofType<T extends LessonRecordEventType>(type: T, sessionId?: string): Extract<LessonRecordEvent, { type: T }>[] {
    return this.events
      .filter((e) => e.event.type === type && (sessionId === undefined || e.sessionId === sessionId))
      .map((e) => e.event as Extract<LessonRecordEvent, { type: T }>);
  }

  forSession(sessionId: string): LessonRecordEvent[] {
    return this.events.filter((e) => e.sessionId === sessionId).map((e) => e.event);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const answer = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    const match = /^\/api\/internal\/live-sessions\/([^/]+)\/events$/.exec(req.url ?? '');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== 'POST' || !match) return answer(404, { code: 'NOT_FOUND', message: req.url });
    if (!this.authorized(req.headers.authorization)) {
      this.refused.push(`bad token for ${req.url}`);
      return answer(401, { code: 'UNAUTHENTICATED', message: 'bad service token' });
    }
    const parsed = lessonRecordEventSchema.safeParse(JSON.parse(Buffer.concat(chunks).toString('utf8')));
    if (!parsed.success) {
      this.refused.push(parsed.error.message);
      return answer(400, { code: 'BAD_REQUEST', message: parsed.error.message });
    }
    const event = parsed.data;
    if (this.failingIds.has(event.eventId) || this.failTypes.delete(event.type)) {
      this.failingIds.add(event.eventId);
      return answer(503, { code: 'UNAVAILABLE', message: 'told to fail' });
    }
    if (!this.events.some((e) => e.event.eventId === event.eventId)) {
      this.events.push({ sessionId: decodeURIComponent(match[1]), event });
    }
    if (event.type === 'file.shared') {
      return answer(201, {
        eventId: event.eventId,
        fileId: `file-${event.eventId}`,
        url: `/api/files/${event.eventId}`,
      });
    }
    answer(201, { eventId: event.eventId });
  }

  private authorized(header: string | undefined): boolean {
    const token = header?.startsWith('Bearer ') ? header.slice(7) : '';
    try {
      const claims = this.jwt.verify<{ sub?: string }>(token, {
        audience: SERVICE_TOKEN_AUDIENCE,
        algorithms: ['HS256'],
      });
      return claims.sub === this.nodeId;
    } catch {
      return false;
    }
  }
}
