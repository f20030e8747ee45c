import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { stopChild } from '../../scripts/lib/services.cjs';

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as Record<string, unknown>).__TONGKE_E2E__ as
    { child: ChildProcess; dir: string } | undefined;
  if (!state) return;
  await stopChild(state.child, 15_000);
  rmSync(state.dir, { recursive: true, force: true });
}
