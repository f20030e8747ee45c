import type { INestApplication } from '@nestjs/common';
import { ConfigError } from '@tongke/config';

/** Turns a start-up failure into one line a person can act on. */
export function describeStartupError(err: unknown, ports: Record<string, number>): string {
  if (err instanceof ConfigError) return err.message;
  const e = err as NodeJS.ErrnoException & { port?: number };
  if (e?.code === 'EADDRINUSE') {
    const name = Object.entries(ports).find(([, p]) => p === e.port)?.[0];
    return `${name ?? 'port'} ${e.port ?? ''} is already in use: stop the other process or choose another port`.trim();
  }
  if (e?.code === 'EACCES' && e.port !== undefined) return `no permission to listen on port ${e.port}`;
  return err instanceof Error ? err.message : String(err);
}

/**
 * Runs an app's bootstrap. On failure prints `<app>: <one line>` to stderr and exits 1
 * (no stack trace for expected problems such as bad configuration or a busy port).
 * SIGINT/SIGTERM close the app cleanly.
 */
export async function boot(
  name: string,
  start: () => Promise<INestApplication>,
  ports: () => Record<string, number>,
): Promise<void> {
  let app: INestApplication | undefined;
  try {
    app = await start();
  } catch (err) {
    let known: Record<string, number> = {};
    try {
      known = ports();
    } catch {
      /* configuration itself was the problem */
    }
    process.stderr.write(`${name}: ${describeStartupError(err, known)}\n`);
    process.exit(1);
  }
  let closing = false;
  const close = (signal: string) => {
    if (closing) return;
    closing = true;
    app
      ?.close()
      .then(() => process.exit(0))
      .catch((err: Error) => {
        process.stderr.write(`${name}: error while stopping on ${signal}: ${err.message}\n`);
        process.exit(1);
      });
  };
  process.once('SIGINT', () => close('SIGINT'));
  process.once('SIGTERM', () => close('SIGTERM'));
}
