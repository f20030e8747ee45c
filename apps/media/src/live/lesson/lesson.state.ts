import type { ChatMessageView, InteractionMode, SharedFileView, StrokeView } from '@tongke/contracts';
import { HandQueue } from './hand.queue';
import type { Quiz } from './quiz';

/** Chat messages kept in memory for late joiners. */
export const CHAT_HISTORY = 200;
/** Whiteboard strokes kept (since the last clear) for late joiners. */
export const STROKE_HISTORY = 5000;
/** Shared files listed for late joiners. */
export const FILE_HISTORY = 100;

function keepLast<T>(list: T[], max: number): void {
  if (list.length > max) list.splice(0, list.length - max);
}

/** The classroom-interaction state of one lesson (the room's media lives in the Room itself). */
export class LessonState {
  interaction: InteractionMode = 'open';
  stagePeerId: string | null = null;
  readonly hands = new HandQueue();
  quiz: Quiz | null = null;
  quizTimer: NodeJS.Timeout | undefined;
  private readonly chatLog: ChatMessageView[] = [];
  private readonly strokeLog: StrokeView[] = [];
  private readonly fileLog: SharedFileView[] = [];

  addChat(message: ChatMessageView): void {
    this.chatLog.push(message);
    keepLast(this.chatLog, CHAT_HISTORY);
  }

  addStroke(stroke: StrokeView): void {
    this.strokeLog.push(stroke);
    keepLast(this.strokeLog, STROKE_HISTORY);
  }

  clearStrokes(): void {
    this.strokeLog.length = 0;
  }

  addFile(file: SharedFileView): void {
    this.fileLog.push(file);
    keepLast(this.fileLog, FILE_HISTORY);
  }

  get chat(): ChatMessageView[] {
    return [...this.chatLog];
  }

  get strokes(): StrokeView[] {
    return [...this.strokeLog];
  }

  get files(): SharedFileView[] {
    return [...this.fileLog];
  }

  /** Stops the open quiz's timer (the lesson is closing). */
  dispose(): void {
    clearTimeout(this.quizTimer);
    this.quizTimer = undefined;
  }
}
