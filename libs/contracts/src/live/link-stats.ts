import type { LessonRole } from './lesson-role';

// What a media node publishes about the links of a live lesson, for the API's live
// operations view (GET /api/insight/live): one JSON document per lesson in Redis, rewritten
// every LINK_STATS_SAMPLE_MS while the room is open and expiring when it stops.

export interface PeerLinkStats {
  peerId: string;
  userId: string;
  name: string;
  role: LessonRole;
  classroomId?: string;
  /** Media the node receives from the participant (its uplink), kbit/s. */
  inKbps: number;
  /** Media the node sends to the participant, kbit/s. */
  outKbps: number;
  /** Packet loss on the participant's uplink, percent 0..100 (absent until measured). */
  lossPct?: number;
  /** Round-trip time between node and participant, ms (absent until measured). */
  rttMs?: number;
}

export interface SessionLinkStats {
  sessionId: string;
  nodeId: string;
  /** When the node sampled (ISO). */
  at: string;
  /** Connected participants only (viewers excluded). */
  peers: PeerLinkStats[];
}

export const LINK_STATS_SAMPLE_MS = 5000;
/** The Redis document expires this long after its last rewrite. */
export const LINK_STATS_TTL_MS = 15_000;
export const LINK_STATS_KEYS = {
  session: (sessionId: string) => `tongke:media:link-stats:${sessionId}`,
} as const;
