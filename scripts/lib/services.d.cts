import type { ChildProcess } from 'node:child_process';

export interface Started {
  child: ChildProcess;
  port: number;
  tail: string[];
}
export function freePort(): Promise<number>;
export function canConnect(port: number, host?: string): Promise<boolean>;
export function stopChild(child: ChildProcess | undefined, graceMs?: number): Promise<void>;
export function startFerretDB(opts: {
  dataDir: string;
  port?: number;
  bin?: string;
}): Promise<Started & { uri: string }>;
export function startRedis(opts: { dir: string; port?: number }): Promise<Started & { url: string }>;
