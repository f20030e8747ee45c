import type { INestApplication } from '@nestjs/common';
import { Role } from '@tongke/contracts';
import type { types } from 'mediasoup';
import { PlainViewerService } from '../../apps/media/src/live/plain/plain-viewer.service';
import { WorkerPoolService } from '../../apps/media/src/workers/worker-pool.service';
import { DEMO_CLASSROOMS, DEMO_PASSWORD, DEMO_USERS } from '../../apps/api/src/seed/demo-district.data';
import type { FanoutSide } from './fanout-side';
import type { PageSignal } from './page/producer-page.types';
import { ParallelRunner } from './parallel.runner';
import { LessonApiClient } from './tongke/lesson-api.client';
import { TongkePlatform } from './tongke/tongke-platform';

/**
 * The Tongke side: the real platform (API + one media node with one worker). The page joins
 * as the demo lead teacher through the REST API (login, instant lesson, join token) and the
 * `/live` namespace; consumers are added through the media node's plain-viewer service, the
 * same registration path as WebRTC consumers.
 */
export class TongkeFanoutDriver implements FanoutSide {
  readonly name = 'tongke' as const;
  private readonly platform = new TongkePlatform();
  private media?: INestApplication;
  private sessionId = '';

  async start(): Promise<void> {
    this.media = await this.platform.start();
  }

  private get app(): INestApplication {
    if (!this.media) throw new Error('Tongke side not started');
    return this.media;
  }

  get worker(): types.Worker {
    return this.app.get(WorkerPoolService).leastLoaded();
  }

  async pageSignal(): Promise<PageSignal> {
    const teacher = DEMO_USERS.find((u) => u.roles.includes(Role.TEACHER) && u.subjects?.includes('music'));
    if (!teacher) throw new Error('the demo district has no music teacher');
    const api = new LessonApiClient(this.platform.apiUrl);
    await api.login(teacher.username, DEMO_PASSWORD);
    const lesson = await api.createInstantLesson({
      title: '扇出基准 fan-out bench',
      subject: 'music',
      grade: 4,
      classroomIds: [DEMO_CLASSROOMS[1]._id.toHexString()],
    });
    this.sessionId = lesson.id;
    const { token, mediaUrl } = await api.join(lesson.id);
    return { kind: 'socket', mediaUrl, token };
  }

  async addConsumers(producerId: string, ports: number[]): Promise<void> {
    const viewers = this.app.get(PlainViewerService);
    await ParallelRunner.run(ports, async (port) => {
      await viewers.attach(this.sessionId, producerId, { ip: '127.0.0.1', port });
    });
  }

  stop(): Promise<void> {
    return this.platform.stop();
  }
}
