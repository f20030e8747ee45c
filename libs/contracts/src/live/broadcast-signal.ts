import { z } from 'zod';

/**
 * Redis pub/sub channel on which the API tells media nodes that a lesson's broadcast was opened
 * or closed through REST (PATCH /api/live-sessions/:id/broadcast, e.g. by an admin): the node
 * hosting the lesson admits or drops its viewers, as the lead's own `broadcast:set` does.
 */
export const BROADCAST_SIGNAL_CHANNEL = 'tongke:live:broadcast';

export const broadcastSignalSchema = z.object({ sessionId: z.string().min(1).max(128), on: z.boolean() });
export type BroadcastSignal = z.infer<typeof broadcastSignalSchema>;
