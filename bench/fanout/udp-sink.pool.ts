import { spawn, type ChildProcessByStdio } from 'node:child_process';
import path from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

/**
 * UDP ports on 127.0.0.1 for the plain consumers to send to, held open (never read) by a
 * small Python child: the kernel drops the packets, and neither this process nor the
 * mediasoup worker spends anything on receiving them. Both sides of the comparison use it.
 */
export class UdpSinkPool {
  private readonly child: ChildProcessByStdio<Writable, Readable, Readable>;
  private readonly lines: Interface;
  private readonly waiting: ((line: string) => void)[] = [];
  private stderr = '';
  private count = 0;

  constructor() {
    this.child = spawn('python3', [path.join(__dirname, 'udp-sink.py')], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr.on('data', (c: Buffer) => (this.stderr += c.toString()));
    this.lines = createInterface({ input: this.child.stdout });
    this.lines.on('line', (line) => this.waiting.shift()?.(line));
    process.once('exit', this.kill);
  }

  private readonly kill = () => this.child.kill('SIGKILL');

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get size(): number {
    return this.count;
  }

  /** Opens `n` more sinks and returns their ports. */
  async open(n: number): Promise<number[]> {
    if (this.child.exitCode !== null) throw new Error(`udp-sink.py exited: ${this.stderr.trim()}`);
    const line = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`udp-sink.py did not answer: ${this.stderr.trim()}`)), 10_000);
      this.waiting.push((l) => {
        clearTimeout(timer);
        resolve(l);
      });
      this.child.stdin.write(`${n}\n`);
    });
    const ports = line.trim().split(' ').map(Number);
    if (ports.length !== n || ports.some((p) => !Number.isInteger(p) || p <= 0)) {
      throw new Error(`udp-sink.py answered "${line.slice(0, 80)}" for ${n} ports`);
    }
    this.count += n;
    return ports;
  }

  close(): Promise<void> {
    process.off('exit', this.kill);
    this.lines.close();
    if (this.child.exitCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.stdin.end();
      this.child.kill('SIGTERM');
    });
  }
}
