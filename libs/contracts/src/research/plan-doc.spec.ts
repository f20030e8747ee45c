import * as Y from 'yjs';
import {
  EMPTY_PLAN_CONTENT,
  encodePlanContent,
  planProcess,
  readPlanContent,
  writePlanContent,
  type PlanContent,
} from './plan-doc';

const steps = (...titles: string[]) =>
  titles.map((title, i) => ({ id: `s${title}`, title, minutes: 5 + i, content: `${title}的内容` }));

const planWith = (content: Partial<PlanContent>): Y.Doc => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, encodePlanContent({ ...EMPTY_PLAN_CONTENT, ...content }));
  return doc;
};

const fork = (doc: Y.Doc): Y.Doc => {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
};

const exchange = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
};

const stepContent = (doc: Y.Doc, index: number) => planProcess(doc).get(index).get('content') as Y.Text;

describe(writePlanContent.name, () => {
  it('keeps concurrent typing in a step the restore does not change', () => {
    const server = planWith({ process: steps('导入', '新授', '练习') });
    const editor = fork(server);
    const old = { ...readPlanContent(server), process: steps('导入新课', '新授', '练习') };

    writePlanContent(server, old, 'restore');
    stepContent(editor, 1).insert(0, '【正在输入】');
    exchange(server, editor);

    const content = readPlanContent(server);
    expect(content.process.map((s) => s.title)).toEqual(['导入新课', '新授', '练习']);
    expect(content.process[1].content).toBe('【正在输入】新授的内容');
    expect(readPlanContent(editor)).toEqual(content);
  });

  it('keeps the identity of unchanged steps (anchors stay put) and rewrites only changed fields', () => {
    const doc = planWith({ process: steps('导入', '新授', '练习', '小结') });
    const anchor = Y.createRelativePositionFromTypeIndex(stepContent(doc, 2), 2);
    const before = planProcess(doc).get(2);
    const target = steps('导入', '新授', '练习', '小结');
    target[0].minutes = 9;
    writePlanContent(doc, { ...readPlanContent(doc), process: [target[0], target[2], target[3]] });

    expect(readPlanContent(doc).process).toEqual([target[0], target[2], target[3]]);
    expect(planProcess(doc).get(1)).toBe(before);
    const resolved = Y.createAbsolutePositionFromRelativePosition(anchor, doc);
    expect(resolved?.type).toBe(stepContent(doc, 1));
    expect(resolved?.index).toBe(2);
  });

  it('reorders, inserts, drops duplicates and foreign entries, and matches the target exactly', () => {
    const doc = planWith({ process: steps('甲', '乙', '丙') });
    planProcess(doc).push([planProcess(doc).get(0).clone()]);
    (doc.getArray('process') as Y.Array<unknown>).push(['不是步骤']);
    const target = [...steps('丙', '甲'), ...steps('丁')];
    writePlanContent(doc, { ...readPlanContent(doc), process: target });
    expect(readPlanContent(doc).process).toEqual(target);
    expect(planProcess(doc).length).toBe(3);
  });
});
