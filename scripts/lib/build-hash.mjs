// Content hash of files and directory trees (skipping node_modules, dist and data), used
// to decide whether a cached step must run again.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const SKIP = new Set(['node_modules', 'dist', 'data', '.git']);

function* walk(p) {
  if (!existsSync(p)) return;
  if (statSync(p).isDirectory()) {
    for (const name of readdirSync(p).sort()) {
      if (!SKIP.has(name)) yield* walk(path.join(p, name));
    }
  } else {
    yield p;
  }
}

/** `roots` are absolute; files are hashed by their path relative to `base` and content. */
export function buildHash(roots, base) {
  const hash = createHash('sha256');
  for (const root of roots) {
    for (const file of walk(root)) {
      hash.update(path.relative(base, file));
      hash.update(readFileSync(file));
    }
  }
  return hash.digest('hex');
}
