import { COLLAB_LIMITS } from '@tongke/contracts/research/research-values';
import * as Y from 'yjs';

// Refuses, before it goes out, an edit the server would refuse for its size (COLLAB_LIMITS): one
// message over messageMaxBytes, or a document growing over docMaxBytes. The server's refusal would
// cost the user the edit (the provider then reloads the server's copy); refusing it in the editor
// keeps the text where it was typed or copied from.

/** Room for a message's framing and the Yjs metadata of an insertion. */
export const EDIT_HEADROOM_BYTES = 1024;

export type SizeRefusal = 'message' | 'document';

export interface CollabSizeLimits {
  messageMaxBytes: number;
  docMaxBytes: number;
}

const encoder = new TextEncoder();
export const utf8Bytes = (text: string): number => encoder.encode(text).byteLength;

/** Whether inserting `insertedBytes` into a document of `docBytes` would be refused, and why. */
export function sizeRefusal(
  insertedBytes: number,
  docBytes: number,
  limits: CollabSizeLimits = COLLAB_LIMITS,
): SizeRefusal | null {
  if (insertedBytes <= 0) return null;
  if (insertedBytes + EDIT_HEADROOM_BYTES > limits.messageMaxBytes) return 'message';
  if (docBytes + insertedBytes + EDIT_HEADROOM_BYTES > limits.docMaxBytes) return 'document';
  return null;
}

/**
 * The encoded size of a Y.Doc, cheaply: an exact measure plus the updates since (an upper bound,
 * as updates merge into less), measured again only when the bound comes near the limit.
 */
export class DocSizeGauge {
  private exact: number;
  private sinceExact = 0;

  constructor(
    private readonly doc: Y.Doc,
    private readonly limits: CollabSizeLimits = COLLAB_LIMITS,
  ) {
    this.exact = Y.encodeStateAsUpdate(doc).byteLength;
    doc.on('update', (update: Uint8Array) => (this.sinceExact += update.byteLength));
  }

  /** Whether inserting `text` would be refused for its size. */
  check(text: string): SizeRefusal | null {
    const inserted = utf8Bytes(text);
    const bound = sizeRefusal(inserted, this.exact + this.sinceExact, this.limits);
    if (bound !== 'document') return bound;
    this.exact = Y.encodeStateAsUpdate(this.doc).byteLength;
    this.sinceExact = 0;
    return sizeRefusal(inserted, this.exact, this.limits);
  }
}

const gauges = new WeakMap<Y.Doc, DocSizeGauge>();

/** The gauge of `doc`, shared by all its editors. */
export function sizeGaugeOf(doc: Y.Doc): DocSizeGauge {
  let gauge = gauges.get(doc);
  if (!gauge) {
    gauge = new DocSizeGauge(doc);
    gauges.set(doc, gauge);
  }
  return gauge;
}
