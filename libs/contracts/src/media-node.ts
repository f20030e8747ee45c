/** Load of one mediasoup worker, as a media node reports it. */
export interface WorkerLoad {
  index: number;
  pid: number;
  /** CPU used by the worker process since the previous report, in % of one core. */
  cpuPercent: number;
  routers: number;
  transports: number;
  producers: number;
  consumers: number;
  /** How many times this slot's worker died and was replaced since the node started. */
  restarts: number;
}

/** What a media node publishes to Redis every few seconds. */
export interface MediaNodeStatus {
  id: string;
  /** URL browsers connect to for the `/live` namespace. */
  publicUrl: string;
  version: string;
  startedAt: string;
  reportedAt: string;
  workers: WorkerLoad[];
}

/** Redis keys shared by media nodes (writers) and the API (reader). */
export const MEDIA_NODE_KEYS = {
  /** Sorted set: node id scored by the time of its last report (ms since epoch). */
  index: 'tongke:media:nodes',
  /** String (JSON MediaNodeStatus) per node, expiring if the node stops reporting. */
  status: (nodeId: string) => `tongke:media:node:${nodeId}`,
} as const;

/** A node that has not reported for this long is considered gone. */
export const MEDIA_NODE_STALE_MS = 15_000;
