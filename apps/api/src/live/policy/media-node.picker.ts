import type { MediaNodeStatus } from '@tongke/contracts';

const total = (node: MediaNodeStatus, key: 'consumers' | 'routers') => node.workers.reduce((sum, w) => sum + w[key], 0);

/**
 * The least-loaded media node: fewest consumers over its workers, then fewest routers, then
 * by id (so concurrent callers pick the same one). Nodes without workers are skipped.
 */
export function chooseMediaNode(nodes: MediaNodeStatus[]): MediaNodeStatus | undefined {
  return nodes
    .filter((n) => n.workers.length > 0)
    .sort(
      (a, b) =>
        total(a, 'consumers') - total(b, 'consumers') ||
        total(a, 'routers') - total(b, 'routers') ||
        a.id.localeCompare(b.id),
    )[0];
}
