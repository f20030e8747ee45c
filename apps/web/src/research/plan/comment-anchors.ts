import { fromBase64, toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';

// Inline comments are anchored to a range of a Y.Text by Yjs relative positions (base64 of
// Y.encodeRelativePosition), so they follow the text through concurrent edits. The start sticks
// to the first commented character, the end to the last one: typing at either edge stays outside.

export interface CommentAnchor {
  anchorStart: string;
  anchorEnd: string;
}

/** The anchors of `from..to` (from < to) in `text`. */
export function encodeAnchor(text: Y.Text, from: number, to: number): CommentAnchor {
  const start = Y.createRelativePositionFromTypeIndex(text, from, 0);
  const end = Y.createRelativePositionFromTypeIndex(text, to, -1);
  return {
    anchorStart: toBase64(Y.encodeRelativePosition(start)),
    anchorEnd: toBase64(Y.encodeRelativePosition(end)),
  };
}

export interface ResolvedAnchor {
  /** The Y.Text the range lives in (compared by identity). */
  type: unknown;
  from: number;
  to: number;
}

function decode(anchor: string): Y.RelativePosition | null {
  try {
    return Y.decodeRelativePosition(fromBase64(anchor));
  } catch {
    return null;
  }
}

/**
 * The current range of an anchor in `doc`, or null when its text was deleted (the range is
 * empty), its type is gone, or the anchor can't be read.
 */
export function resolveAnchor(doc: Y.Doc, anchor: CommentAnchor): ResolvedAnchor | null {
  const start = decode(anchor.anchorStart);
  const end = decode(anchor.anchorEnd);
  if (!start || !end) return null;
  const a = Y.createAbsolutePositionFromRelativePosition(start, doc);
  const b = Y.createAbsolutePositionFromRelativePosition(end, doc);
  if (!a || !b || a.type !== b.type || a.index >= b.index) return null;
  return { type: a.type, from: a.index, to: b.index };
}

export interface AnchoredRange {
  id: string;
  from: number;
  to: number;
}

/** The ranges of `comments` that currently lie in `text` (for highlighting one editor). */
export function rangesIn<C extends CommentAnchor & { id: string; resolved?: boolean }>(
  doc: Y.Doc,
  text: Y.Text,
  comments: readonly C[],
): AnchoredRange[] {
  const ranges: AnchoredRange[] = [];
  for (const c of comments) {
    if (c.resolved) continue;
    const r = resolveAnchor(doc, c);
    if (r && r.type === text) ranges.push({ id: c.id, from: r.from, to: r.to });
  }
  return ranges.sort((x, y) => x.from - y.from);
}
