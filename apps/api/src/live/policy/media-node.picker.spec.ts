import type { MediaNodeStatus, WorkerLoad } from '@tongke/contracts';
import { chooseMediaNode } from './media-node.picker';

const worker = (consumers: number, routers: number): WorkerLoad => ({
  index: 0,
  pid: 1,
  cpuPercent: 0,
  routers,
  transports: 0,
  producers: 0,
  consumers,
  restarts: 0,
});

const node = (id: string, workers: WorkerLoad[]): MediaNodeStatus => ({
  id,
  publicUrl: `http://${id}:3001`,
  version: '0.1.0',
  startedAt: '2026-11-23T00:00:00.000Z',
  reportedAt: '2026-11-23T00:00:00.000Z',
  workers,
});

describe(chooseMediaNode.name, () => {
  it('picks the node with the fewest consumers summed over its workers', () => {
    const nodes = [node('a', [worker(100, 1), worker(100, 1)]), node('b', [worker(150, 5)])];
    expect(chooseMediaNode(nodes)?.id).toBe('b');
  });

  it('breaks ties by fewest routers, then by id', () => {
    expect(chooseMediaNode([node('a', [worker(10, 3)]), node('b', [worker(10, 2)])])?.id).toBe('b');
    expect(chooseMediaNode([node('z', [worker(0, 0)]), node('m', [worker(0, 0)])])?.id).toBe('m');
  });

  it('skips nodes without workers and answers nothing for no nodes', () => {
    expect(chooseMediaNode([node('a', []), node('b', [worker(500, 9)])])?.id).toBe('b');
    expect(chooseMediaNode([])).toBeUndefined();
    expect(chooseMediaNode([node('a', [])])).toBeUndefined();
  });
});
