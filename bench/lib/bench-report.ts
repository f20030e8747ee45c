import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

export interface BenchRow {
  metric: string;
  value: number;
  unit: string;
  target?: string;
}

/** p-th percentile (nearest rank) of a list of samples. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function machine(): string {
  return `${cpus().length}× ${cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

/**
 * The benchmark convention: print a table, append it to BENCHMARKS.md with the command,
 * machine, date and any notes (one bullet each), and write the raw figures to
 * bench/results/<name>.json.
 */
export function report(name: string, rows: BenchRow[], raw: Record<string, unknown>, notes: string[] = []): void {
  const command = `npm run bench:${name}`;
  const table = [
    '| metric | value | unit | target |',
    '|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.metric} | ${Number.isInteger(r.value) ? r.value : r.value.toFixed(2)} | ${r.unit} | ${r.target ?? ''} |`,
    ),
  ].join('\n');
  console.log(`\n${command}\n${table}\n`);

  const md = path.join(ROOT, 'BENCHMARKS.md');
  if (!existsSync(md))
    writeFileSync(md, '# Benchmarks\n\nAppended by `npm run bench:*` (see bench/lib/bench-report.ts).\n');
  appendFileSync(
    md,
    `\n## ${name} — ${new Date().toISOString()}\n\n- command: \`${command}\`\n- machine: ${machine()}\n${notes.map((n) => `- ${n}\n`).join('')}\n${table}\n`,
  );

  const dir = path.join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, `${name}.json`),
    `${JSON.stringify({ ...raw, date: new Date().toISOString(), machine: machine() }, null, 2)}\n`,
  );
}
