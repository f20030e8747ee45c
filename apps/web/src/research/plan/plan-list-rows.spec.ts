import { describe, expect, it } from '@jest/globals';
import { planProcess, processStepMap, readProcessStep } from '@tongke/contracts/research/plan-doc';
import * as Y from 'yjs';
import { mapRows, moveRow } from './plan-list-rows';

// Any editor may push anything into the shared lists: rows skip what is not a Y.Map and keep the
// list index of each one, so removing and moving act on the right entry.

function listWithJunk(): Y.Array<Y.Map<unknown>> {
  const doc = new Y.Doc();
  const list = planProcess(doc);
  const junk = list as unknown as Y.Array<unknown>;
  junk.push(['not a step']);
  list.push([processStepMap({ id: 'a', title: 'A', minutes: 5, content: '' })]);
  junk.push([42, new Y.Text('stray')]);
  list.push([processStepMap({ id: 'b', title: 'B', minutes: 5, content: '' })]);
  return list;
}

const ids = (list: Y.Array<Y.Map<unknown>>) => mapRows(list).map((r) => readProcessStep(r.map).id);
const copy = (m: Y.Map<unknown>) => processStepMap(readProcessStep(m));

describe(`${mapRows.name} and ${moveRow.name}`, () => {
  it('lists only the Y.Map entries, with their index in the list', () => {
    const list = listWithJunk();
    expect(list.length).toBe(5);
    expect(mapRows(list).map((r) => r.index)).toEqual([1, 4]);
    expect(ids(list)).toEqual(['a', 'b']);
  });

  it('moves a row past a neighbour with entries between them', () => {
    const list = listWithJunk();
    moveRow(list, 1, 4, copy);
    expect(ids(list)).toEqual(['b', 'a']);
    const [first, second] = mapRows(list);
    moveRow(list, second!.index, first!.index, copy);
    expect(ids(list)).toEqual(['a', 'b']);
    expect(list.length).toBe(5);
  });

  it('never moves an entry that is not a Y.Map', () => {
    const list = listWithJunk();
    moveRow(list, 0, 4, copy);
    expect(list.get(0) as unknown).toBe('not a step');
    expect(ids(list)).toEqual(['a', 'b']);
  });
});
