import { spawn } from 'node:child_process';
import { Injectable, Logger } from '@nestjs/common';
import { StorageConfig } from '@tongke/config';

export interface FfmpegRunOptions {
  /** Expected output duration (seconds), for progress; without it progress is not reported. */
  durationS?: number;
  /** Called with 0..1 as ffmpeg reports its output time (throttled by ffmpeg to ~2/s). */
  onProgress?: (fraction: number) => void;
  /** Kill ffmpeg and reject after this long. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export class FfmpegError extends Error {
  constructor(
    message: string,
    readonly stderrTail: string,
  ) {
    super(message);
  }
}

const STDERR_KEEP = 4000;

/**
 * The adapter to the ffmpeg binary (Debian's): runs one command with `-progress pipe:1`, reports
 * progress from its `out_time_us`, and rejects with the tail of stderr when it fails.
 */
@Injectable()
export class FfmpegRunner {
  private readonly logger = new Logger(FfmpegRunner.name);

  constructor(private readonly storage: StorageConfig) {}

  run(args: string[], options: FfmpegRunOptions = {}): Promise<void> {
    const full = ['-hide_banner', '-nostdin', '-y', '-loglevel', 'error', '-progress', 'pipe:1', ...args];
    this.logger.debug(`ffmpeg ${full.join(' ')}`);
    return new Promise((resolve, reject) => {
      const child = spawn(this.storage.ffmpegPath, full, { stdio: ['ignore', 'pipe', 'pipe'], signal: options.signal });
      let stderr = '';
      let buffered = '';
      const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : undefined;
      child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-STDERR_KEEP)));
      child.stdout.on('data', (d: Buffer) => {
        buffered += d.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) this.progressLine(line, options);
      });
      child.on('error', (err) => {
        clearTimeout(timer);
        reject(new FfmpegError(`ffmpeg could not run: ${err.message}`, stderr));
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        if (code === 0) return resolve();
        const why = signal ? `killed by ${signal}` : `exited with ${code}`;
        const tail = stderr.trim().split('\n').slice(-3).join(' | ');
        reject(new FfmpegError(`ffmpeg ${why}: ${tail.slice(0, 400)}`, stderr));
      });
    });
  }

  private progressLine(line: string, options: FfmpegRunOptions): void {
    if (!options.onProgress || !options.durationS) return;
    const m = /^out_time_us=(\d+)/.exec(line);
    if (m) options.onProgress(Math.min(1, Number(m[1]) / 1e6 / options.durationS));
  }
}
