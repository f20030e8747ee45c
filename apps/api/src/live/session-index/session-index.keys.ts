/** The names of the session index's keys under one namespace (one Mongo database). */
export class SessionIndexKeys {
  /** Timetabled sessions still `scheduled`, by plannedEnd (the missed tick's candidates). */
  readonly due: string;
  /** Every indexed session id. */
  readonly ids: string;
  /** Ids removed (deleted sessions), by when: a rebuild's catch-up re-checks them. */
  readonly removed: string;
  /** Holds the Redis run id once a rebuild completed on that server. */
  readonly built: string;
  readonly docPrefix: string;

  constructor(private readonly prefix: string) {
    this.due = `${prefix}due`;
    this.ids = `${prefix}ids`;
    this.removed = `${prefix}removed`;
    this.built = `${prefix}built`;
    this.docPrefix = `${prefix}s:`;
  }

  /** The encoded session. */
  doc = (id: string): string => `${this.docPrefix}${id}`;
  /** The session's refresh generation. */
  gen = (id: string): string => `${this.prefix}g:${id}`;
  /** Sessions by plannedStart: per community, per lead teacher, per receiving classroom. */
  community = (communityId: string): string => `${this.prefix}c:${communityId}`;
  teacher = (communityId: string, teacherId: string): string => `${this.prefix}t:${communityId}:${teacherId}`;
  classroom = (communityId: string, classroomId: string): string => `${this.prefix}r:${communityId}:${classroomId}`;
}
