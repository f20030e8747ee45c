import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import type * as Y from 'yjs';

/**
 * Presence over a fresh doc that replaces the one of `previous`: our own state without the cursor
 * (it pointed into the old doc), and the other clients' states (applied with `origin`).
 */
export function carryAwareness(previous: Awareness, doc: Y.Doc, origin: unknown): Awareness {
  const awareness = new Awareness(doc);
  const local = previous.getLocalState();
  if (local) {
    const own: Record<string, unknown> = { ...local };
    delete own.cursor;
    awareness.setLocalState(own);
  }
  const others = [...previous.getStates().keys()].filter((c) => c !== previous.clientID);
  if (others.length > 0) applyAwarenessUpdate(awareness, encodeAwarenessUpdate(previous, others), origin);
  return awareness;
}
