import type { CollabAwarenessUser, DocRestoredEvent } from '@tongke/contracts';
import { planDocId } from '@tongke/contracts/research/collab-events';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { onBeforeUnmount, ref, type Ref, shallowRef, type ShallowRef } from 'vue';
import { CollabProvider, type CollabStatus } from './collab-provider';
import { awarenessUser, presentUsers } from './plan-colors';
import { SocketCollabTransport } from './socket-collab.transport';

export interface PlanCollab {
  doc: Y.Doc;
  awareness: Awareness;
  status: ShallowRef<CollabStatus>;
  present: ShallowRef<CollabAwarenessUser[]>;
  /** Bumped after every change of the document (for views computed from it). */
  revision: Ref<number>;
  onRestored(listener: (event: DocRestoredEvent) => void): void;
}

/** The plan's shared document for this component's lifetime: connected, synced, with presence. */
export function usePlanCollab(planId: string, user: { id: string; name: string }): PlanCollab {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  awareness.setLocalStateField('user', awarenessUser(user.id, user.name));
  const transport = new SocketCollabTransport();
  const provider = new CollabProvider({ docId: planDocId(planId), doc, awareness, transport });
  const status = shallowRef(provider.status);
  const present = shallowRef(presentUsers(awareness.getStates()));
  const revision = ref(0);
  provider.onStatus((s) => (status.value = s));
  const onPresence = () => (present.value = presentUsers(awareness.getStates()));
  awareness.on('change', onPresence);
  doc.on('afterTransaction', () => revision.value++);
  // The e2e specs drop the connection on purpose through this hook.
  (window as unknown as { __planCollab?: unknown }).__planCollab = { doc, provider, transport };

  onBeforeUnmount(() => {
    awareness.off('change', onPresence);
    provider.destroy();
    awareness.destroy();
    doc.destroy();
    delete (window as unknown as { __planCollab?: unknown }).__planCollab;
  });
  return { doc, awareness, status, present, revision, onRestored: (l) => void provider.onRestored(l) };
}
