import * as Y from 'yjs';

/** Whether `base64` is exactly an encoded Yjs relative position (Y.encodeRelativePosition), nothing more. */
export function isRelativePosition(base64: string): boolean {
  const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
  if (bytes.length === 0) return false;
  try {
    const position = Y.decodeRelativePosition(bytes);
    if (position.type === null && position.tname === null && position.item === null) return false;
    return Buffer.from(Y.encodeRelativePosition(position)).equals(Buffer.from(bytes));
  } catch {
    return false;
  }
}

/** The names of the anchor fields that are not relative positions. */
export function badAnchors(anchors: { anchorStart: string; anchorEnd: string }): string[] {
  return (['anchorStart', 'anchorEnd'] as const).filter((field) => !isRelativePosition(anchors[field]));
}
