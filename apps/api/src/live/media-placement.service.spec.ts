import { ErrorCode, type MediaNodeStatus } from '@tongke/contracts';
import type { MediaNodeDirectory } from '@tongke/core';
import { Types } from 'mongoose';
import { MediaPlacementService } from './media-placement.service';
import type { LiveSessionRepository } from './repositories/live-session.repository';
import type { LiveSession } from './schemas/live-session.schema';

const node = (id: string, consumers: number): MediaNodeStatus => ({
  id,
  publicUrl: `http://${id}.test:3001`,
  version: '0.1.0',
  startedAt: '2026-11-23T00:00:00.000Z',
  reportedAt: '2026-11-23T00:00:00.000Z',
  workers: [{ index: 0, pid: 1, cpuPercent: 0, routers: 0, transports: 0, producers: 0, consumers, restarts: 0 }],
});

const session = (mediaNodeId: string | null): LiveSession =>
  ({
    _id: new Types.ObjectId(),
    communityId: new Types.ObjectId(),
    status: 'scheduled',
    mediaNodeId,
    mediaUrl: mediaNodeId && `http://${mediaNodeId}.test:3001`,
  }) as LiveSession;

function setup(nodes: MediaNodeStatus[]) {
  const directory = { list: jest.fn().mockResolvedValue(nodes) };
  const sessions = { claimMediaNode: jest.fn(), findById: jest.fn() };
  const service = new MediaPlacementService(
    directory as unknown as MediaNodeDirectory,
    sessions as unknown as LiveSessionRepository,
  );
  return { service, sessions };
}

describe(MediaPlacementService.name, () => {
  it('reuses the node the session is placed on while that node still reports', async () => {
    const { service, sessions } = setup([node('a', 0), node('b', 50)]);
    await expect(service.place(session('b'))).resolves.toEqual({ nodeId: 'b', url: 'http://b.test:3001' });
    expect(sessions.claimMediaNode).not.toHaveBeenCalled();
  });

  it('moves a session off a node that stopped reporting, expecting the old placement', async () => {
    const { service, sessions } = setup([node('a', 10), node('c', 3)]);
    const s = session('gone');
    sessions.claimMediaNode.mockResolvedValue({ ...s, mediaNodeId: 'c' });
    await expect(service.place(s)).resolves.toEqual({ nodeId: 'c', url: 'http://c.test:3001' });
    expect(sessions.claimMediaNode).toHaveBeenCalledWith(s.communityId, s._id, 'gone', {
      id: 'c',
      url: 'http://c.test:3001',
    });
  });

  it('follows the placement a concurrent join stored when its own compare-and-set loses', async () => {
    const { service, sessions } = setup([node('a', 0), node('b', 1)]);
    const s = session(null);
    sessions.claimMediaNode.mockResolvedValue(null);
    sessions.findById.mockResolvedValue({ ...s, mediaNodeId: 'b' });
    await expect(service.place(s)).resolves.toEqual({ nodeId: 'b', url: 'http://b.test:3001' });
    expect(sessions.claimMediaNode).toHaveBeenCalledTimes(1);
  });

  it('answers UNAVAILABLE when no node reports', async () => {
    const { service } = setup([]);
    await expect(service.place(session(null))).rejects.toMatchObject({
      code: ErrorCode.UNAVAILABLE,
      message: 'no media node is available',
    });
  });

  it('answers LESSON_ENDED when the session ended meanwhile', async () => {
    const { service, sessions } = setup([node('a', 0)]);
    const s = session(null);
    sessions.claimMediaNode.mockResolvedValue(null);
    sessions.findById.mockResolvedValue({ ...s, status: 'ended' });
    await expect(service.place(s)).rejects.toMatchObject({ code: ErrorCode.LESSON_ENDED });
  });
});
