import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadMediaConfig } from '@tongke/config';
import { testConfigEnv } from '../../../../test/support/test-env';

/**
 * The worker must carry libsrtp2 built on OpenSSL, linked statically: Debian's shared
 * libsrtp2 uses NSS, whose per-packet cost is ~4x and grows with live sessions.
 */
describe('mediasoup worker binary', () => {
  const bin = loadMediaConfig(testConfigEnv()).mediasoup.workerBin;

  it('contains libsrtp2 with the OpenSSL crypto backend and not NSS', () => {
    const image = readFileSync(bin).toString('latin1');
    expect(image).toContain('AES-128 counter mode using openssl');
    expect(image).toContain('AES-256 counter mode using openssl');
    expect(image).not.toMatch(/counter mode using NSS/i);
  });

  it('links no shared libsrtp2 and no NSS', () => {
    const linked = execFileSync('ldd', [bin]).toString();
    expect(linked).toContain('libcrypto.so');
    expect(linked).not.toMatch(/libsrtp2|libnss3/);
  });
});
