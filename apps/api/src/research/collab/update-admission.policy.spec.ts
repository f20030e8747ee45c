import {
  EMPTY_PLAN_CONTENT,
  encodePlanContent,
  PLAN_LIST_SECTIONS,
  planProcess,
  processStepMap,
} from '@tongke/contracts/research/plan-doc';
import * as Y from 'yjs';
import { admissionProblem, MISSING_HISTORY, NOT_A_MAP } from './update-admission.policy';

const LISTS = PLAN_LIST_SECTIONS;

/** A server doc and a client doc holding the same plan with one step. */
function pair(): { server: Y.Doc; client: Y.Doc } {
  const server = new Y.Doc();
  const step = { id: 's1', title: '导入', minutes: 5, content: '内容' };
  Y.applyUpdate(server, encodePlanContent({ ...EMPTY_PLAN_CONTENT, process: [step] }));
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { server, client };
}

/** Runs `edit` on `doc` and answers the update it produced. */
function edit(doc: Y.Doc, fn: () => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  fn();
  return Y.encodeStateAsUpdate(doc, before);
}

describe(admissionProblem.name, () => {
  it('admits ordinary edits: text, a new step, typing into a step, deletions', () => {
    const { server, client } = pair();
    const updates = [
      edit(client, () => client.getText('objectives').insert(0, '目标')),
      edit(client, () =>
        planProcess(client).push([processStepMap({ id: 's2', title: '新授', minutes: 10, content: '' })]),
      ),
      edit(client, () => (planProcess(client).get(0).get('content') as Y.Text).insert(0, '甲')),
      edit(client, () => planProcess(client).delete(0, 1)),
    ];
    for (const update of updates) {
      expect(admissionProblem(server, update, LISTS)).toBeNull();
      Y.applyUpdate(server, update);
    }
    expect(server.store.pendingStructs).toBeNull();
  });

  it('refuses an edit that builds on an update the server never got (structs and deletions)', () => {
    const { server, client } = pair();
    edit(client, () => client.getText('objectives').insert(0, '被拒绝的修改')); // never reaches the server
    const typed = edit(client, () => client.getText('objectives').insert(6, '后续'));
    const deleted = edit(client, () => client.getText('objectives').delete(0, 2));
    expect(admissionProblem(server, typed, LISTS)).toBe(MISSING_HISTORY);
    expect(admissionProblem(server, deleted, LISTS)).toBe(MISSING_HISTORY);
    // Without the check Yjs would keep them pending:
    Y.applyUpdate(server, typed);
    expect(server.store.pendingStructs).not.toBeNull();
  });

  it('refuses anything but a Y.Map in the process and homework lists, also when placed after an entry', () => {
    const { server, client } = pair();
    const twin = new Y.Doc();
    Y.applyUpdate(twin, Y.encodeStateAsUpdate(server));
    const atStart = edit(client, () => (client.getArray('homework') as Y.Array<unknown>).insert(0, ['文字']));
    const afterStep = edit(twin, () => (twin.getArray('process') as Y.Array<unknown>).push([new Y.Text('x')]));
    expect(admissionProblem(server, atStart, LISTS)).toBe(NOT_A_MAP);
    expect(admissionProblem(server, afterStep, LISTS)).toBe(NOT_A_MAP);
    const third = new Y.Doc();
    Y.applyUpdate(third, Y.encodeStateAsUpdate(server));
    const other = edit(third, () => (third.getArray('notes') as Y.Array<unknown>).push(['随便']));
    expect(admissionProblem(server, other, LISTS)).toBeNull();
  });
});
