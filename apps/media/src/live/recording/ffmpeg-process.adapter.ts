import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';

/** How an ffmpeg run ended. */
export interface FfmpegExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** `stop()` or `kill()` was called before it exited (otherwise it died on its own). */
  requested: boolean;
  /** The last lines it wrote to stderr. */
  stderrTail: string;
}

export interface FfmpegStartOptions {
  /** The ffmpeg binary (StorageConfig.ffmpegPath). */
  binary: string;
  args: string[];
  cwd?: string;
}

/** Stderr kept for logs and crash reports. */
const STDERR_KEEP = 4000;
/** After 'q', how long before SIGINT (ffmpeg reads both only between input packets). */
const QUIT_TO_SIGINT_MS = 2000;

/**
 * The adapter to one long-running ffmpeg process: spawns it with stdin open (so 'q' stops it
 * cleanly), keeps the tail of its stderr, and settles `exited` once it is gone. `stop()` lets it end
 * on its own for a grace period, then asks it to ('q', then SIGINT: both finalize the open output
 * file), then SIGKILLs it.
 */
export class FfmpegProcess {
  readonly exited: Promise<FfmpegExit>;
  private readonly child: ChildProcessWithoutNullStreams;
  private stderr = '';
  private requested = false;
  private done = false;

  private constructor(options: FfmpegStartOptions) {
    this.child = spawn(options.binary, options.args, { cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.resume();
    this.child.stdin.on('error', () => undefined); // 'q' to a process that just died
    this.child.stderr.on('data', (d: Buffer) => (this.stderr = (this.stderr + d.toString()).slice(-STDERR_KEEP)));
    this.exited = new Promise((resolve) => {
      const finish = (code: number | null, signal: NodeJS.Signals | null) => {
        if (this.done) return;
        this.done = true;
        resolve({ code, signal, requested: this.requested, stderrTail: this.stderrTail() });
      };
      this.child.once('error', (err) => {
        this.stderr += `\nspawn failed: ${err.message}`;
        finish(null, null);
      });
      this.child.once('close', finish);
    });
  }

  static start(options: FfmpegStartOptions): FfmpegProcess {
    return new FfmpegProcess(options);
  }

  /** Its process id (undefined if it could not be spawned). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return !this.done;
  }

  /** The last few lines of stderr, joined with ' | '. */
  stderrTail(lines = 4): string {
    return this.stderr.trim().split('\n').slice(-lines).join(' | ').slice(0, 600);
  }

  /**
   * Lets ffmpeg finish on its own for `graceMs` (e.g. its input was cut and it ends once it has
   * drained it), then asks it to ('q', then SIGINT 2 s later: both finalize the open output),
   * and SIGKILLs it at `timeoutMs`. Resolves once it has exited.
   */
  async stop(graceMs = 0, timeoutMs = graceMs + 6000): Promise<FfmpegExit> {
    if (this.done) return this.exited;
    this.requested = true;
    const timers = [
      setTimeout(() => this.child.stdin.end('q'), graceMs),
      setTimeout(() => this.signal('SIGINT'), graceMs + QUIT_TO_SIGINT_MS),
      setTimeout(() => this.signal('SIGKILL'), Math.max(timeoutMs, graceMs + QUIT_TO_SIGINT_MS + 1000)),
    ];
    try {
      return await this.exited;
    } finally {
      for (const timer of timers) clearTimeout(timer);
    }
  }

  /** Kills it at once (nothing is finalized). */
  kill(): void {
    if (this.done) return;
    this.requested = true;
    this.signal('SIGKILL');
  }

  private signal(signal: NodeJS.Signals): void {
    if (!this.done) this.child.kill(signal);
  }
}
