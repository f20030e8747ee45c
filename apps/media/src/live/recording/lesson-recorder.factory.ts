import { Injectable, Logger } from '@nestjs/common';
import { RecordingConfig, StorageConfig } from '@tongke/config';
import type { Room } from '../rooms/room';
import { LessonRecorder } from './lesson.recorder';
import { UdpPortAllocator } from './udp-port.allocator';

/** Lesson ids become directory names: only Mongo ObjectIds (the manifest contract's sessionId). */
const SESSION_ID = /^[0-9a-f]{24}$/;

/** Makes the recorder of a new lesson room, when this node records and the lesson is to be recorded. */
@Injectable()
export class LessonRecorderFactory {
  private readonly logger = new Logger(LessonRecorderFactory.name);

  constructor(
    private readonly storage: StorageConfig,
    private readonly recording: RecordingConfig,
    private readonly ports: UdpPortAllocator,
  ) {}

  /** A started recorder for `room`, or undefined (recording off, not wanted, or an id that is no ObjectId). */
  create(room: Room, wanted: boolean): LessonRecorder | undefined {
    if (!wanted) return undefined;
    if (!this.recording.enabled) {
      this.logger.log(`session ${room.sessionId} is not recorded: recording is off on this node`);
      return undefined;
    }
    if (!SESSION_ID.test(room.sessionId)) {
      this.logger.warn(`session ${room.sessionId} is not recorded: its id is not an ObjectId`);
      return undefined;
    }
    const recorder = new LessonRecorder(room, {
      storageRoot: this.storage.root,
      ffmpegPath: this.storage.ffmpegPath,
      ffprobePath: this.storage.ffprobePath,
      segmentS: this.recording.segmentS,
      ports: this.ports,
    });
    void recorder.start();
    return recorder;
  }
}
