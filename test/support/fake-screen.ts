// A fake screen for getDisplayMedia in headless Chromium (runs in the page: add it with
// `context.addInitScript(fakeScreenShare)` or LiveParticipant.open's `init`).

// Page-side types (the repo's tsconfig has no DOM lib).
interface Canvas2d {
  fillStyle: string;
  fillRect(x: number, y: number, w: number, h: number): void;
}
interface PageCanvas {
  width: number;
  height: number;
  getContext(kind: '2d'): Canvas2d;
  captureStream(fps: number): unknown;
}
interface PageGlobals {
  navigator: { mediaDevices: { getDisplayMedia: () => Promise<unknown> } };
  document: { createElement(tag: 'canvas'): PageCanvas };
}

/** The "screen": a magenta 1280x720 canvas with a moving square (known pixels to look for). */
export function fakeScreenShare(): void {
  const page = globalThis as unknown as PageGlobals;
  page.navigator.mediaDevices.getDisplayMedia = () => {
    const canvas = page.document.createElement('canvas');
    canvas.width = 1280;
    canvas.height = 720;
    const ctx = canvas.getContext('2d');
    let x = 0;
    setInterval(() => {
      ctx.fillStyle = '#ff00ff';
      ctx.fillRect(0, 0, 1280, 720);
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(x, 40, 80, 80);
      x = (x + 16) % 400;
    }, 66);
    return Promise.resolve(canvas.captureStream(15));
  };
}
