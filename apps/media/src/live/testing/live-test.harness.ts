import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { loadMediaConfig } from '@tongke/config';
import { JOIN_TOKEN_AUDIENCE, LessonRole, type ErrorBody, type JoinTokenClaims } from '@tongke/contracts';
import { io } from 'socket.io-client';
import { testConfigEnv } from '../../../../../test/support/test-env';
import { MediaModule } from '../../media.module';
import { PlainViewerService } from '../plain/plain-viewer.service';
import { LiveRoomsService } from '../rooms/live-rooms.service';
import type { Room } from '../rooms/room';
import { LiveTestClient } from './live-test.client';
import { RecordApiStub } from './record-api.stub';

export interface Identity {
  role: LessonRole;
  sub?: string;
  cid?: string;
  name?: string;
}

export interface TokenOptions {
  expiresIn?: number;
  secret?: string;
  audience?: string;
}

/**
 * The media app as `main.ts` builds it (with testConfigEnv, the record API replaced by a local
 * stub), listening on a free port, plus helpers to sign join tokens and connect participants.
 */
export class LiveTestHarness {
  readonly secret: string;
  readonly nodeId = `live-test-${process.pid}-${randomUUID().slice(0, 8)}`;
  readonly records: RecordApiStub;
  private app: INestApplication | undefined;
  private url = '';
  private readonly clients: LiveTestClient[] = [];
  private readonly jwt: JwtService;

  constructor(private readonly env: Record<string, string> = {}) {
    this.secret = testConfigEnv().JWT_SECRET;
    this.records = new RecordApiStub(this.secret, this.nodeId);
    this.jwt = new JwtService({ secret: this.secret });
  }

  async start(): Promise<this> {
    const apiUrl = await this.records.start();
    const config = loadMediaConfig(
      testConfigEnv({
        JWT_SECRET: this.secret,
        MEDIA_NODE_ID: this.nodeId,
        API_INTERNAL_URL: apiUrl,
        MEDIASOUP_LISTEN_IP: '127.0.0.1',
        ...this.env,
      }),
    );
    this.app = await NestFactory.create(MediaModule.forRoot(config), { logger: ['error', 'warn'] });
    await this.app.listen(0, '127.0.0.1');
    this.url = `http://127.0.0.1:${(this.app.getHttpServer().address() as AddressInfo).port}`;
    return this;
  }

  get rooms(): LiveRoomsService {
    return (this.app as INestApplication).get(LiveRoomsService);
  }

  /** A provider of the running app (e.g. RedisService to publish what the API would). */
  get<T>(type: new (...args: never[]) => T): T {
    return (this.app as INestApplication).get(type);
  }

  get plainViewers(): PlainViewerService {
    return (this.app as INestApplication).get(PlainViewerService);
  }

  room(sessionId: string): Room {
    const room = this.rooms.find(sessionId);
    if (!room) throw new Error(`no room ${sessionId}`);
    return room;
  }

  claims(sessionId: string, who: Identity): JoinTokenClaims {
    const sub = who.sub ?? `${who.role}-${who.cid ?? 'x'}`;
    const claims: JoinTokenClaims = { sid: sessionId, sub, com: 'community-1', role: who.role, name: who.name ?? sub };
    if (who.cid) claims.cid = who.cid;
    return claims;
  }

  token(claims: object, options: TokenOptions = {}): string {
    return this.jwt.sign(claims, {
      secret: options.secret ?? this.secret,
      audience: options.audience ?? JOIN_TOKEN_AUDIENCE,
      expiresIn: options.expiresIn ?? 300,
      algorithm: 'HS256',
    });
  }

  /** Connects with a token (or the handshake auth given); rejects with the connect_error's data. */
  async connect(
    auth: string | Record<string, unknown>,
    options: { reconnection?: boolean } = {},
  ): Promise<LiveTestClient> {
    const socket = io(`${this.url}/live`, {
      auth: typeof auth === 'string' ? { token: auth } : auth,
      transports: ['websocket'],
      reconnection: options.reconnection ?? false,
      reconnectionDelay: 100,
      forceNew: true,
    });
    const client = new LiveTestClient(socket);
    this.clients.push(client);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (err: Error & { data?: ErrorBody }) => {
        socket.close();
        reject(Object.assign(new Error(err.data?.message ?? err.message), { code: err.data?.code }));
      });
    });
    return client;
  }

  /** Connects `who` to lesson `sessionId` with a fresh token. */
  join(sessionId: string, who: Identity): Promise<LiveTestClient> {
    return this.connect({ token: this.token(this.claims(sessionId, who)), sessionId });
  }

  /** The connect_error code of a connection attempt that should fail. */
  async refusal(auth: string | Record<string, unknown>): Promise<string> {
    try {
      await this.connect(auth);
      return 'CONNECTED';
    } catch (err) {
      return (err as { code?: string }).code ?? 'NO_CODE';
    }
  }

  async close(): Promise<void> {
    for (const c of this.clients) c.socket.close();
    await this.app?.close();
    await this.records.close();
  }
}

/** Polls `check` until it holds (or fails with its last error). */
export async function eventually(check: () => void, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}
