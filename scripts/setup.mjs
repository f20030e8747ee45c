#!/usr/bin/env node
// npm run setup: installs and builds everything Tongke needs on a fresh Debian 12 machine.
// Idempotent: each step checks its cache first, so a second run takes seconds.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import paths from './lib/paths.cjs';
import { buildHash } from './lib/build-hash.mjs';
import { run, step, StepError } from './lib/steps.mjs';

const { ROOT, CACHE_DIR } = paths;
const LOG_DIR = path.join(CACHE_DIR, 'logs');
const JOBS = String(Math.max(1, cpus().length));

// redis-server, chromium and ffmpeg run the platform and its tests (iproute2's tc shapes a
// classroom's link in the weak-link e2e test); the rest builds the
// mediasoup worker (against system libraries) and libsrtp2 from Debian's source package.
const APT_PACKAGES = [
  'redis-server',
  'chromium',
  'ffmpeg',
  'iproute2',
  'fonts-noto-cjk',
  'ca-certificates',
  'g++',
  'make',
  'meson',
  'ninja-build',
  'pkg-config',
  'python3',
  'dpkg-dev',
  'xz-utils',
  'libssl-dev',
  'libuv1-dev',
  'libusrsctp-dev',
  'libabsl-dev',
  'nlohmann-json3-dev',
];

function missingAptPackages() {
  return APT_PACKAGES.filter((pkg) => {
    try {
      return !execFileSync('dpkg-query', ['-W', '-f=${Status}', pkg], { stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .includes('install ok installed');
    } catch {
      return true;
    }
  });
}

function asRoot(cmd, args) {
  if (process.getuid?.() === 0) return [cmd, args];
  if (existsSync('/usr/bin/sudo')) return ['sudo', [cmd, ...args]];
  throw new StepError('installing the Debian packages listed above needs root (or sudo)');
}

async function aptPackages() {
  const missing = missingAptPackages();
  if (missing.length === 0) return 'cached';
  console.log(`      installing: ${missing.join(' ')}`);
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  const logFile = path.join(LOG_DIR, 'apt.log');
  await run(...asRoot('apt-get', ['update']), { env, logFile });
  await run(...asRoot('apt-get', ['install', '-y', '--no-install-recommends', ...missing]), {
    env,
    logFile,
    progress: /^(Unpacking|Setting up) /,
  });
}

async function npmDependencies() {
  const lockHash = buildHash([path.join(ROOT, 'package-lock.json')], ROOT);
  const marker = path.join(ROOT, 'node_modules', '.tongke-lock-hash');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === lockHash) return 'cached';
  // MEDIASOUP_WORKER_BIN makes mediasoup's postinstall skip its worker download/build,
  // which cannot work offline; step 4 builds the worker from the package's own source.
  await run('npm', ['ci', '--no-audit', '--no-fund'], {
    cwd: ROOT,
    env: { MEDIASOUP_WORKER_BIN: paths.workerBin },
    logFile: path.join(LOG_DIR, 'npm.log'),
    progress: /added \d+ packages/,
  });
  writeFileSync(marker, lockHash);
}

async function libsrtpOpenssl() {
  if (existsSync(paths.libsrtpArchive)) return 'cached';
  const work = path.join(CACHE_DIR, 'build', 'libsrtp2');
  const aptDir = path.join(CACHE_DIR, 'apt');
  const logFile = path.join(LOG_DIR, 'libsrtp2.log');
  execFileSync('rm', ['-rf', work]);
  mkdirSync(path.join(aptDir, 'lists', 'partial'), { recursive: true });
  mkdirSync(work, { recursive: true });
  // A private deb-src list: the machine's own apt sources stay untouched.
  writeFileSync(path.join(aptDir, 'sources.list'), 'deb-src http://deb.debian.org/debian bookworm main\n');
  const aptOpts = [
    '-o',
    `Dir::Etc::SourceList=${path.join(aptDir, 'sources.list')}`,
    '-o',
    'Dir::Etc::SourceParts=/dev/null',
    '-o',
    `Dir::State::Lists=${path.join(aptDir, 'lists')}`,
  ];
  await run('apt-get', [...aptOpts, 'update'], { logFile });
  await run('apt-get', [...aptOpts, 'source', '--download-only', `libsrtp2=${paths.LIBSRTP_DEBIAN_VERSION}`], {
    cwd: work,
    logFile,
  });
  const dsc = `libsrtp2_${paths.LIBSRTP_DEBIAN_VERSION}.dsc`;
  await run('dpkg-source', ['-x', dsc, 'src'], { cwd: work, logFile });
  const src = path.join(work, 'src');
  const staging = `${paths.libsrtpDir}.tmp`;
  execFileSync('rm', ['-rf', staging]);
  await run('./configure', ['--enable-openssl', '--disable-shared', `--prefix=${paths.libsrtpDir}`], {
    cwd: src,
    logFile,
  });
  await run('make', ['-j', JOBS, 'libsrtp2.a'], { cwd: src, logFile });
  await run('make', ['install', `DESTDIR=${staging}`], { cwd: src, logFile });
  // make install with DESTDIR keeps the prefix inside the staging dir; move it in place.
  execFileSync('rm', ['-rf', paths.libsrtpDir]);
  execFileSync('mv', [path.join(staging, paths.libsrtpDir), paths.libsrtpDir]);
  execFileSync('rm', ['-rf', staging, work]);
}

async function mediasoupWorker() {
  if (existsSync(paths.workerBin)) return 'cached';
  const logFile = path.join(LOG_DIR, 'mediasoup-worker.log');
  const src = path.join(CACHE_DIR, 'build', 'mediasoup-worker');
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', 'mediasoup', 'package.json'), 'utf8'));
  if (pkg.version !== paths.MEDIASOUP_VERSION) {
    throw new StepError(`node_modules has mediasoup ${pkg.version}, expected ${paths.MEDIASOUP_VERSION}`);
  }
  execFileSync('rm', ['-rf', src]);
  mkdirSync(path.dirname(src), { recursive: true });
  execFileSync('cp', ['-r', path.join(ROOT, 'node_modules', 'mediasoup', 'worker'), src]);
  await run('python3', [path.join(ROOT, 'tools', 'mediasoup-worker', 'patch-meson.py'), src], { logFile });
  const env = { PKG_CONFIG_PATH: path.join(paths.libsrtpDir, 'lib', 'pkgconfig') };
  await run(
    'meson',
    [
      'setup',
      '--buildtype',
      'release',
      '-Db_ndebug=true',
      '-Db_pie=true',
      '-Db_staticpic=true',
      '--wrap-mode=nodownload',
      'out/build',
    ],
    { cwd: src, env, logFile },
  );
  await run('ninja', ['-C', 'out/build', '-j', JOBS, 'mediasoup-worker'], {
    cwd: src,
    env,
    logFile,
    progress: /^\[\d+\/\d+\]/,
  });
  const built = path.join(src, 'out', 'build', 'mediasoup-worker');
  const linked = execFileSync('ldd', [built]).toString();
  if (/libsrtp2|libnss3/.test(linked)) throw new StepError(`worker links a shared libsrtp2/NSS:\n${linked}`);
  mkdirSync(paths.workerDir, { recursive: true });
  execFileSync('install', ['-m755', built, `${paths.workerBin}.tmp`]);
  execFileSync('mv', [`${paths.workerBin}.tmp`, paths.workerBin]);
  execFileSync('rm', ['-rf', src]);
}

function goBinary() {
  for (const candidate of ['go', '/usr/local/go/bin/go', '/usr/lib/go/bin/go']) {
    try {
      execFileSync(candidate, ['version'], { stdio: 'ignore' });
      return candidate;
    } catch {
      /* try the next one */
    }
  }
  throw new StepError('Go is not installed (needed to build the embedded FerretDB launcher)');
}

/** Builds a Go tool from tools/<name> into its cache path (written atomically). */
async function goTool(name, bin) {
  if (existsSync(bin)) return 'cached';
  mkdirSync(path.dirname(bin), { recursive: true });
  await run(goBinary(), ['build', '-trimpath', '-ldflags=-s -w', '-o', `${bin}.tmp`, '.'], {
    cwd: path.join(ROOT, 'tools', name),
    logFile: path.join(LOG_DIR, `${name}.log`),
    progress: /downloading/,
  });
  execFileSync('mv', [`${bin}.tmp`, bin]);
}

/**
 * The FerretDB launcher, built against a patched copy of the FerretDB module (see
 * tools/ferretdb/patches.json: its `_id` lookups did not use the `_id` index).
 */
async function ferretdbLauncher() {
  const bin = paths.ferretdbBin;
  if (existsSync(bin)) return 'cached';
  const go = goBinary();
  const toolDir = path.join(ROOT, 'tools', 'ferretdb');
  const spec = JSON.parse(readFileSync(path.join(toolDir, 'patches.json'), 'utf8'));
  mkdirSync(paths.ferretdbDir, { recursive: true });
  // Per-run paths: two setups sharing the cache never build in (or delete) each other's tree.
  const work = mkdtempSync(path.join(paths.ferretdbDir, 'build-'));
  const tmpBin = `${bin}.${process.pid}.tmp`;
  try {
    const src = patchedModule(go, toolDir, spec, work);
    for (const f of ['go.mod', 'go.sum']) cpSync(path.join(toolDir, f), path.join(work, f));
    execFileSync(go, ['mod', 'edit', `-replace=${spec.module}=${src}`, path.join(work, 'go.mod')]);
    await run(
      go,
      ['build', '-trimpath', '-ldflags=-s -w', `-modfile=${path.join(work, 'go.mod')}`, '-o', tmpBin, '.'],
      {
        cwd: toolDir,
        logFile: path.join(LOG_DIR, 'ferretdb.log'),
        progress: /downloading/,
      },
    );
    execFileSync('mv', [tmpBin, bin]);
  } finally {
    rmSync(work, { recursive: true, force: true });
    rmSync(tmpBin, { force: true });
  }
}

/** A writable copy of the FerretDB module (from Go's module cache or proxy) with patches.json applied. */
function patchedModule(go, toolDir, spec, work) {
  const version = `${spec.module}@v${paths.FERRETDB_VERSION}`;
  let downloaded;
  try {
    downloaded = JSON.parse(execFileSync(go, ['mod', 'download', '-json', version], { cwd: toolDir }).toString());
  } catch (err) {
    throw new StepError(`could not download ${version} (Go module proxy): ${err.message}`);
  }
  const src = path.join(work, 'module');
  cpSync(downloaded.Dir, src, { recursive: true });
  execFileSync('chmod', ['-R', 'u+w', src]);
  for (const p of spec.patches) {
    const file = path.join(src, p.file);
    const text = readFileSync(file, 'utf8');
    if (text.split(p.from).length !== 2) throw new StepError(`FerretDB patch does not apply to ${p.file}`);
    writeFileSync(file, text.replace(p.from, p.to));
  }
  return src;
}

async function buildApps() {
  const marker = path.join(ROOT, 'dist', '.tongke-build-hash');
  const hash = buildHash(
    ['apps', 'libs', 'package-lock.json', 'nest-cli.json', 'tsconfig.json'].map((p) => path.join(ROOT, p)),
    ROOT,
  );
  if (existsSync(marker) && readFileSync(marker, 'utf8') === hash) return 'cached';
  await run('npm', ['run', 'build'], { cwd: ROOT, logFile: path.join(LOG_DIR, 'build.log'), progress: /^> tongke@/ });
  writeFileSync(marker, hash);
}

const ALL_STEPS = [
  ['apt', 'Debian packages (apt-get)', aptPackages],
  ['npm', 'npm dependencies (npm ci)', npmDependencies],
  ['libsrtp', `libsrtp2 ${paths.LIBSRTP_DEBIAN_VERSION} with OpenSSL crypto, from Debian source`, libsrtpOpenssl],
  ['worker', `mediasoup ${paths.MEDIASOUP_VERSION} worker from source`, mediasoupWorker],
  ['ferretdb', `embedded MongoDB-compatible server (FerretDB ${paths.FERRETDB_VERSION})`, () => ferretdbLauncher()],
  [
    'compose-check',
    'Compose file checker (compose-go, for tests without a Docker engine)',
    () => goTool('compose-check', paths.composeCheckBin),
  ],
  ['build', 'build api, media and web', buildApps],
];

// `--only=apt,npm,libsrtp,worker` runs a subset (the media Docker image uses this).
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const unknown = only?.filter((name) => !ALL_STEPS.some(([key]) => key === name)) ?? [];
if (unknown.length > 0) {
  console.error(`setup: unknown step(s) ${unknown.join(', ')}; steps are ${ALL_STEPS.map(([k]) => k).join(', ')}`);
  process.exit(2);
}
const steps = ALL_STEPS.filter(([key]) => !only || only.includes(key));

console.log(`Tongke setup — caches in ${CACHE_DIR}, logs in ${LOG_DIR}`);
for (const [i, [, title, fn]] of steps.entries()) {
  await step(i + 1, steps.length, title, fn);
}
console.log(`\nSetup complete. mediasoup worker: ${paths.workerBin}\nNext: npm start  (or npm test)`);
