import { readFile } from 'node:fs/promises';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const POLL_MS = 20;

/**
 * Tells whether local UDP ports are bound by anyone, from /proc/net/udp (and udp6): how a recorder
 * knows its ffmpeg listens before the consumers feeding it are resumed. Reading the table does
 * not disturb the sockets (binding a probe socket would race ffmpeg's own bind).
 */
export class UdpBindProbe {
  /** The local ports in the text of /proc/net/udp or /proc/net/udp6. */
  static parse(table: string): Set<number> {
    const ports = new Set<number>();
    for (const line of table.split('\n').slice(1)) {
      const local = line.trim().split(/\s+/)[1];
      const hex = local?.split(':').at(-1);
      if (hex && /^[0-9A-Fa-f]{4}$/.test(hex)) ports.add(parseInt(hex, 16));
    }
    return ports;
  }

  static async boundPorts(): Promise<Set<number>> {
    const tables = await Promise.all(
      ['/proc/net/udp', '/proc/net/udp6'].map((f) => readFile(f, 'utf8').catch(() => '')),
    );
    return new Set(tables.flatMap((t) => [...UdpBindProbe.parse(t)]));
  }

  /** Waits until every port is bound; false after `timeoutMs` or once `alive()` says the binder is gone. */
  static async waitBound(ports: number[], timeoutMs: number, alive: () => boolean = () => true): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (alive() && Date.now() < deadline) {
      const bound = await UdpBindProbe.boundPorts();
      if (ports.every((p) => bound.has(p))) return true;
      await sleep(POLL_MS);
    }
    return false;
  }
}
