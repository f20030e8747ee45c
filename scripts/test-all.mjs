#!/usr/bin/env node
// npm test: static checks, then the unit, integration and e2e jest projects in turn (so
// the browser tests don't compete with the integration services for the two cores).
// Ends with one summary line "tests: N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const tmp = mkdtempSync(path.join(tmpdir(), 'tongke-test-'));
let passed = 0;
let failed = 0;
const broken = [];

function sh(label, cmd, args) {
  const t0 = Date.now();
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  const res = spawnSync(cmd, args, { stdio: 'inherit' });
  console.log(
    `=== ${label}: ${res.status === 0 ? 'ok' : `failed (exit ${res.status})`} in ${((Date.now() - t0) / 1000).toFixed(1)}s`,
  );
  if (res.status !== 0) broken.push(label);
  return res.status === 0;
}

sh('typecheck', 'npm', ['run', '--silent', 'typecheck']);
sh('lint', 'npm', ['run', '--silent', 'lint']);
for (const project of ['unit', 'integration', 'e2e']) {
  const out = path.join(tmp, `${project}.json`);
  sh(project, 'npx', ['jest', '--ci', '--selectProjects', project, '--json', `--outputFile=${out}`]);
  try {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    if (r.numTotalTests === 0) broken.push(`${project} (ran no test)`);
  } catch {
    broken.push(`${project} (no results)`);
  }
}
rmSync(tmp, { recursive: true, force: true });
if (broken.length) console.log(`\nfailed steps: ${broken.join(', ')}`);
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(broken.length === 0 && failed === 0 ? 0 : 1);
