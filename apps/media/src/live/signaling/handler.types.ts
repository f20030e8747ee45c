import type {
  LessonRecordEvent,
  LessonRecordEventStored,
  LiveRequest,
  LiveRequestName,
  LiveResponses,
} from '@tongke/contracts';
import type { LiveSocket } from '../live-socket.types';
import type { Peer } from '../rooms/peer';
import type { Room } from '../rooms/room';

/** Who is asking, and in which room. */
export interface HandlerContext {
  room: Room;
  peer: Peer;
  socket: LiveSocket;
}

/** An answer plus work to run (on the room, in turn) once the answer has been sent. */
export class Reply<T> {
  constructor(
    readonly data: T,
    readonly after: () => Promise<void> | void,
  ) {}
}

/**
 * Store this lesson record event first (outside the room's lock), then `commit` (under the lock
 * again) with what the API answered. If storing fails the participant gets UNAVAILABLE and
 * `commit` never runs, so nothing is broadcast.
 */
export class AfterStored<T> {
  constructor(
    readonly event: LessonRecordEvent,
    readonly commit: (stored: LessonRecordEventStored) => Outcome<T> | Promise<Outcome<T>>,
  ) {}
}

export type Outcome<T> = T | Reply<T> | AfterStored<T>;

/** Handles one request (under the room's lock), after its payload has been validated. */
export type LiveHandler<E extends LiveRequestName> = (
  ctx: HandlerContext,
  payload: LiveRequest<E>,
) => Outcome<LiveResponses[E]> | Promise<Outcome<LiveResponses[E]>>;

export type HandlerMap = { [E in LiveRequestName]?: LiveHandler<E> };

/** A group of request handlers of one area (transports, producers, ...). */
export interface HandlerGroup {
  readonly handlers: HandlerMap;
}
