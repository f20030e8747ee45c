import { rmSync } from 'node:fs';
import type { Started } from '../../scripts/lib/services.cjs';
import { stopChild } from '../../scripts/lib/services.cjs';

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as Record<string, unknown>).__TONGKE_INT__ as
    { db: Started; redis: Started; dir: string } | undefined;
  if (!state) return;
  await Promise.all([stopChild(state.db.child), stopChild(state.redis.child)]);
  rmSync(state.dir, { recursive: true, force: true });
}
