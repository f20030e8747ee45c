// A tiny step runner for setup: numbered steps, elapsed time, progress lines from long
// child processes, and a failure message that names the step and shows the log tail.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const started = Date.now();
const seconds = (ms) => `${(ms / 1000).toFixed(1)}s`;

export class StepError extends Error {}

/** Runs `fn` as step `index`/`total`; prints "skipped (cached)" when fn returns 'cached'. */
export async function step(index, total, title, fn) {
  const t0 = Date.now();
  process.stdout.write(`[${index}/${total}] ${title} ...\n`);
  try {
    const result = await fn();
    const how = result === 'cached' ? 'cached, skipped' : 'done';
    process.stdout.write(
      `[${index}/${total}] ${title}: ${how} in ${seconds(Date.now() - t0)} (total ${seconds(Date.now() - started)})\n`,
    );
  } catch (err) {
    process.stderr.write(`\nsetup failed at step ${index}/${total} "${title}": ${err.message}\n`);
    process.exit(1);
  }
}

/**
 * Runs a command, logging its output to `logFile`. Lines matching `progress` (for example
 * ninja's "[12/340]") are echoed at most every few seconds so long builds show movement.
 */
export function run(cmd, args, { cwd, env, logFile, progress } = {}) {
  mkdirSync(path.dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile, { flags: 'a' });
  log.write(`\n$ ${cmd} ${args.join(' ')}\n`);
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let lastEcho = 0;
    const onData = (chunk) => {
      log.write(chunk);
      if (!progress) return;
      const lines = chunk
        .toString()
        .split('\n')
        .filter((l) => progress.test(l));
      const now = Date.now();
      if (lines.length > 0 && now - lastEcho > 3000) {
        lastEcho = now;
        process.stdout.write(`      ${lines[lines.length - 1].trim().slice(0, 100)}  (${seconds(now - started)})\n`);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (err) => reject(new StepError(`cannot run ${cmd}: ${err.message}`)));
    child.on('close', (code) => {
      log.end(() => {
        if (code === 0) return resolve();
        const tail = readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-25).join('\n');
        reject(new StepError(`"${cmd} ${args.join(' ')}" exited with ${code}; last lines of ${logFile}:\n${tail}`));
      });
    });
  });
}
