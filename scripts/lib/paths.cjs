'use strict';
// Where setup caches slow builds, outside the repo and keyed by version, so CI and later
// sessions reuse them. Shared by scripts/setup.mjs, scripts/start.mjs and the jest setups.
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const CACHE_DIR = process.env.TONGKE_CACHE_DIR || path.join(os.homedir(), '.cache', 'tongke');

const MEDIASOUP_VERSION = '3.12.16';
// Debian bookworm's libsrtp2 source package, rebuilt with OpenSSL crypto.
const LIBSRTP_DEBIAN_VERSION = '2.5.0-3';
const FERRETDB_VERSION = '1.24.2';

/** Short hash of build inputs kept in the repo, so changing them rebuilds the cache entry. */
function sourceHash(files) {
  const hash = crypto.createHash('sha256');
  for (const file of files) {
    // Paths relative to the repo: a clone elsewhere (CI) must hit the same cache entry.
    hash.update(path.relative(ROOT, file));
    hash.update(fs.existsSync(file) ? fs.readFileSync(file) : '');
  }
  return hash.digest('hex').slice(0, 10);
}

const FERRETDB_SOURCES = ['main.go', 'listen.go', 'go.mod', 'go.sum', 'patches.json'].map((f) =>
  path.join(ROOT, 'tools', 'ferretdb', f),
);
const COMPOSE_CHECK_SOURCES = ['main.go', 'go.mod', 'go.sum'].map((f) => path.join(ROOT, 'tools', 'compose-check', f));
const WORKER_SOURCES = [path.join(ROOT, 'tools', 'mediasoup-worker', 'patch-meson.py')];

const libsrtpDir = path.join(CACHE_DIR, `libsrtp2-${LIBSRTP_DEBIAN_VERSION}-openssl`);
const workerDir = path.join(
  CACHE_DIR,
  `mediasoup-worker-${MEDIASOUP_VERSION}-srtp${LIBSRTP_DEBIAN_VERSION}-openssl-${sourceHash(WORKER_SOURCES)}`,
);
const ferretdbDir = path.join(CACHE_DIR, `ferretdb-${FERRETDB_VERSION}-${sourceHash(FERRETDB_SOURCES)}`);

module.exports = {
  ROOT,
  CACHE_DIR,
  MEDIASOUP_VERSION,
  LIBSRTP_DEBIAN_VERSION,
  FERRETDB_VERSION,
  libsrtpDir,
  libsrtpArchive: path.join(libsrtpDir, 'lib', 'libsrtp2.a'),
  workerDir,
  workerBin: path.join(workerDir, 'mediasoup-worker'),
  ferretdbDir,
  ferretdbBin: path.join(ferretdbDir, 'tongke-ferretdb'),
  composeCheckBin: path.join(CACHE_DIR, `compose-check-${sourceHash(COMPOSE_CHECK_SOURCES)}`, 'compose-check'),
  dataDir: path.join(ROOT, 'data'),
};
