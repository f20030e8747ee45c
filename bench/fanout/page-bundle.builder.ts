import { build } from 'esbuild';
import path from 'node:path';

/**
 * Bundles the producer page script (mediasoup-client + socket.io-client) for Chromium with
 * esbuild (a dev dependency; vite uses the same version).
 */
export class PageBundleBuilder {
  static async build(): Promise<string> {
    const result = await build({
      entryPoints: [path.join(__dirname, 'page', 'producer.page.ts')],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'chrome120',
      write: false,
      logLevel: 'silent',
    });
    return result.outputFiles[0].text;
  }
}
