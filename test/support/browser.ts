import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium, headless, with fake camera/microphone (see ../shared/notes).
 * `extraArgs` adds flags, e.g. `--use-file-for-fake-video-capture=clip.y4m`.
 */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      '--allow-loopback-in-peer-connection',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--force-fieldtrials=WebRTC-LegacySimulcastLayerLimit/Disabled/',
      ...extraArgs,
    ],
  });
}
