import { Injectable } from '@nestjs/common';
import { ErrorCode, type MediaNodeStatus } from '@tongke/contracts';
import { AppError, MediaNodeDirectory } from '@tongke/core';
import { chooseMediaNode } from './policy/media-node.picker';
import { LiveSessionRepository } from './repositories/live-session.repository';
import type { LiveSession } from './schemas/live-session.schema';

export interface Placement {
  nodeId: string;
  url: string;
}

/** Rounds of "someone else placed it meanwhile" before giving up (each one means progress elsewhere). */
const ATTEMPTS = 3;

/**
 * Where a lesson runs: the node it is placed on while that node keeps reporting, otherwise
 * the least-loaded live node, stored on the session with a compare-and-set so concurrent
 * joins agree.
 */
@Injectable()
export class MediaPlacementService {
  constructor(
    private readonly directory: MediaNodeDirectory,
    private readonly sessions: LiveSessionRepository,
  ) {}

  async place(session: LiveSession): Promise<Placement> {
    let current = session;
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const nodes = await this.directory.list();
      const placed = this.freshPlacement(current, nodes);
      if (placed) return placed;
      const node = chooseMediaNode(nodes);
      if (!node) throw new AppError(ErrorCode.UNAVAILABLE, 'no media node is available');
      const claim = { id: node.id, url: node.publicUrl };
      const won = await this.sessions.claimMediaNode(current.communityId, current._id, current.mediaNodeId, claim);
      if (won) return { nodeId: node.id, url: node.publicUrl };
      const reread = await this.sessions.findById(current.communityId, current._id);
      if (!reread || reread.status === 'ended') throw new AppError(ErrorCode.LESSON_ENDED, 'the lesson has ended');
      current = reread;
    }
    throw new AppError(ErrorCode.UNAVAILABLE, 'could not place the lesson on a media node, try again');
  }

  private freshPlacement(session: LiveSession, nodes: MediaNodeStatus[]): Placement | undefined {
    const node = session.mediaNodeId ? nodes.find((n) => n.id === session.mediaNodeId) : undefined;
    return node && { nodeId: node.id, url: node.publicUrl };
  }
}
