import { Injectable, Logger } from '@nestjs/common';
import { LINK_STATS_KEYS, type SessionLinkStats } from '@tongke/contracts';
import { RedisService } from '@tongke/core';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Whether a parsed document has the shape media nodes write (a foreign or truncated value does not). */
function isSessionLinkStats(v: unknown): v is SessionLinkStats {
  if (!isObject(v) || typeof v.sessionId !== 'string' || typeof v.at !== 'string' || !Array.isArray(v.peers)) {
    return false;
  }
  return v.peers.every(
    (p) =>
      isObject(p) &&
      typeof p.userId === 'string' &&
      typeof p.role === 'string' &&
      typeof p.inKbps === 'number' &&
      typeof p.outKbps === 'number',
  );
}

/**
 * What the media nodes published about the links of live lessons (libs/contracts
 * live/link-stats): one Redis read for all the lessons asked about.
 */
@Injectable()
export class LinkStatsReader {
  private readonly logger = new Logger(LinkStatsReader.name);

  constructor(private readonly redis: RedisService) {}

  /** The documents of the sessions that have one, by session id (unreadable ones are left out and logged). */
  async read(sessionIds: string[]): Promise<Map<string, SessionLinkStats>> {
    const values = await this.redis.getMany(sessionIds.map((id) => LINK_STATS_KEYS.session(id)));
    const found = new Map<string, SessionLinkStats>();
    values.forEach((value, i) => {
      if (value === null) return;
      const doc = this.parse(value);
      if (doc) found.set(sessionIds[i], doc);
      else this.logger.warn(`ignored an unreadable link stats document of session ${sessionIds[i]}`);
    });
    return found;
  }

  private parse(value: string): SessionLinkStats | undefined {
    try {
      const doc: unknown = JSON.parse(value);
      return isSessionLinkStats(doc) ? doc : undefined;
    } catch {
      return undefined;
    }
  }
}
