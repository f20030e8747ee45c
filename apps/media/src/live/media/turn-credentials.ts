import { createHmac } from 'node:crypto';
import type { TurnServer } from '@tongke/config';
import type { IceServer } from '@tongke/contracts';

/** TURN credentials stay valid this long: longer than any lesson, so a reconnection reuses them. */
export const TURN_CREDENTIAL_TTL_S = 6 * 3600;

/**
 * Time-limited TURN credentials (the TURN REST API that coturn's `use-auth-secret` checks):
 * username `${expiry}:${peerId}`, credential base64(HMAC-SHA1(secret, username)). No TURN: no servers.
 */
export function turnIceServers(
  turn: TurnServer | undefined,
  peerId: string,
  nowMs: number = Date.now(),
  ttlS: number = TURN_CREDENTIAL_TTL_S,
): IceServer[] {
  if (!turn) return [];
  const expiry = Math.floor(nowMs / 1000) + ttlS;
  const username = `${expiry}:${peerId}`;
  const credential = createHmac('sha1', turn.secret).update(username).digest('base64');
  return [{ urls: [...turn.urls], username, credential }];
}
