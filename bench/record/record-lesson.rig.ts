import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { loadMediaConfig } from '@tongke/config';
import { JOIN_TOKEN_AUDIENCE, LessonRole, type JoinTokenClaims } from '@tongke/contracts';
import { io } from 'socket.io-client';
import { MediaModule } from '../../apps/media/src/media.module';
import { LiveRoomsService } from '../../apps/media/src/live/rooms/live-rooms.service';
import type { Peer } from '../../apps/media/src/live/rooms/peer';
import type { Room } from '../../apps/media/src/live/rooms/room';
import { LiveTestClient } from '../../apps/media/src/live/testing/live-test.client';
import { RecordApiStub } from '../../apps/media/src/live/testing/record-api.stub';
import * as paths from '../../scripts/lib/paths.cjs';
import { startRedis, stopChild, type Started } from '../../scripts/lib/services.cjs';

/**
 * One media node as `main.ts` builds it (embedded Redis, the lesson record API stubbed, recording
 * on, storage in a temporary directory) and a lead teacher joined to a recorded lesson.
 */
export class RecordLessonRig {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'tongke-bench-record-'));
  readonly storageRoot = path.join(this.dir, 'storage');
  readonly sessionId = randomBytes(12).toString('hex');
  readonly secret = randomBytes(32).toString('hex');
  readonly records = new RecordApiStub(this.secret, 'bench-record');
  private redis: (Started & { url: string }) | undefined;
  private app: INestApplication | undefined;
  private client: LiveTestClient | undefined;

  async start(segmentS: number): Promise<void> {
    this.redis = await startRedis({ dir: path.join(this.dir, 'redis') });
    const config = loadMediaConfig({
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      REDIS_URL: this.redis.url,
      JWT_SECRET: this.secret,
      MEDIA_NODE_ID: 'bench-record',
      API_INTERNAL_URL: await this.records.start(),
      MEDIASOUP_WORKER_BIN: process.env.MEDIASOUP_WORKER_BIN ?? paths.workerBin,
      MEDIASOUP_NUM_WORKERS: '1',
      MEDIASOUP_LISTEN_IP: '127.0.0.1',
      STORAGE_ROOT: this.storageRoot,
      RECORDING_ENABLED: 'true',
      RECORDING_SEGMENT_S: String(segmentS),
    });
    this.app = await NestFactory.create(MediaModule.forRoot(config), { logger: ['error', 'warn'] });
    await this.app.listen(0, '127.0.0.1');
  }

  /** The lead joins the lesson (join token with `rec: true`); the room and its lead. */
  async joinLead(): Promise<{ room: Room; lead: Peer }> {
    const app = this.app as INestApplication;
    const port = (app.getHttpServer().address() as AddressInfo).port;
    const claims: JoinTokenClaims = {
      sid: this.sessionId,
      sub: 'bench-lead',
      com: 'c',
      role: LessonRole.LEAD,
      name: 'Lead',
      rec: true,
    };
    const token = new JwtService({ secret: this.secret }).sign(claims, {
      audience: JOIN_TOKEN_AUDIENCE,
      expiresIn: 300,
    });
    const socket = io(`http://127.0.0.1:${port}/live`, {
      auth: { token },
      transports: ['websocket'],
      reconnection: false,
    });
    this.client = new LiveTestClient(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    await this.client.enter({ send: true });
    const room = app.get(LiveRoomsService).find(this.sessionId);
    const lead = room?.peers.get(this.client.joined?.self.id as string);
    if (!room || !lead) throw new Error('the lead is not in the lesson');
    return { room, lead };
  }

  /** Ends the lesson as the lead would. */
  async endLesson(): Promise<void> {
    await this.client?.ok('lesson:end', {});
  }

  async stop(): Promise<void> {
    this.client?.close();
    await this.app?.close();
    await this.records.close();
    if (this.redis) await stopChild(this.redis.child);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
