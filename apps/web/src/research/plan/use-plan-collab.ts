import type { CollabAwarenessUser, DocRestoredEvent } from '@tongke/contracts';
import { planDocId } from '@tongke/contracts/research/collab-events';
import { type PlanContent, readPlanContent } from '@tongke/contracts/research/plan-doc';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { onBeforeUnmount, ref, type Ref, shallowRef, type ShallowRef } from 'vue';
import { CollabProvider, type CollabReset, type CollabStatus } from './collab-provider';
import { awarenessUser, presentUsers } from './plan-colors';
import { type LostSection, lostPlanEdits } from './plan-lost-edits';
import { SocketCollabTransport } from './socket-collab.transport';

/** The server refused an edit and the plan was reloaded: why, and the local text that was dropped. */
export interface PlanReload {
  reason: string;
  lost: LostSection[];
}

export interface PlanCollab {
  /** The shared document; replaced after a refused edit (editors bound to it must be rebuilt). */
  doc: ShallowRef<Y.Doc>;
  awareness: ShallowRef<Awareness>;
  status: ShallowRef<CollabStatus>;
  present: ShallowRef<CollabAwarenessUser[]>;
  /** Bumped after every change of the document (for views computed from it). */
  revision: Ref<number>;
  /** The last reload after a refused edit (null when none, or dismissed). */
  reload: ShallowRef<PlanReload | null>;
  dismissReload(): void;
  /** Connects again after the server closed the connection. */
  reconnect(): void;
  onRestored(listener: (event: DocRestoredEvent) => void): void;
}

/** The plan's shared document for this component's lifetime: connected, synced, with presence. */
export function usePlanCollab(planId: string, user: { id: string; name: string }): PlanCollab {
  const initialDoc = new Y.Doc();
  const initialAwareness = new Awareness(initialDoc);
  initialAwareness.setLocalStateField('user', awarenessUser(user.id, user.name));
  const transport = new SocketCollabTransport();
  const provider = new CollabProvider({
    docId: planDocId(planId),
    doc: initialDoc,
    awareness: initialAwareness,
    transport,
  });
  const doc = shallowRef(initialDoc);
  const awareness = shallowRef(initialAwareness);
  const status = shallowRef(provider.status);
  const present = shallowRef(presentUsers(initialAwareness.getStates()));
  const revision = ref(0);
  const reload = shallowRef<PlanReload | null>(null);
  /** The discarded copy's content, compared with the server's once that has loaded. */
  let discarded: { reason: string; content: PlanContent } | null = null;

  const onPresence = () => (present.value = presentUsers(awareness.value.getStates()));
  const onTransaction = () => revision.value++;
  const bind = (d: Y.Doc, a: Awareness) => {
    a.on('change', onPresence);
    d.on('afterTransaction', onTransaction);
  };
  bind(initialDoc, initialAwareness);

  provider.onReset((reset: CollabReset) => {
    discarded = { reason: reset.reason, content: readPlanContent(reset.previous) };
    reset.previous.off('afterTransaction', onTransaction);
    reset.previous.destroy();
    bind(reset.doc, reset.awareness);
    doc.value = reset.doc;
    awareness.value = reset.awareness;
    onPresence();
    revision.value++;
  });
  provider.onStatus((s) => {
    status.value = s;
    if (s.loaded && discarded) {
      reload.value = { reason: discarded.reason, lost: lostPlanEdits(discarded.content, readPlanContent(doc.value)) };
      discarded = null;
    }
  });
  // The e2e specs drop the connection on purpose through this hook.
  (window as unknown as { __planCollab?: unknown }).__planCollab = {
    get doc() {
      return provider.doc;
    },
    provider,
    transport,
  };

  onBeforeUnmount(() => {
    awareness.value.off('change', onPresence);
    provider.destroy();
    awareness.value.destroy();
    doc.value.destroy();
    delete (window as unknown as { __planCollab?: unknown }).__planCollab;
  });
  return {
    doc,
    awareness,
    status,
    present,
    revision,
    reload,
    dismissReload: () => (reload.value = null),
    reconnect: () => provider.reconnect(),
    onRestored: (l) => void provider.onRestored(l),
  };
}
