import { describe, expect, it } from '@jest/globals';
import { EMPTY_PLAN_CONTENT, type PlanContent } from '@tongke/contracts/research/plan-doc';
import { lostPlanEdits } from './plan-lost-edits';

const plan = (over: Partial<PlanContent>): PlanContent => ({ ...EMPTY_PLAN_CONTENT, ...over });

describe(lostPlanEdits.name, () => {
  it('lists each section whose local text the server does not have, in plan order, with the local text', () => {
    const mine = plan({
      objectives: '感受草原的辽阔',
      reflection: '课后反思：粘贴的长文本',
      process: [
        { id: 's1', title: '导入', minutes: 5, content: '听音乐' },
        { id: 's2', title: '新授', minutes: 20, content: '学唱' },
      ],
      homework: [{ id: 'h1', content: '背诵', kind: 'oral', minutes: 5 }],
    });
    const server = plan({
      objectives: '感受草原的辽阔',
      process: [{ id: 's1', title: '导入', minutes: 5, content: '听音乐' }],
      homework: [{ id: 'h1', content: '背诵', kind: 'oral', minutes: 5 }],
    });
    expect(lostPlanEdits(mine, server)).toEqual([
      { section: 'process', text: '新授\n学唱' },
      { section: 'reflection', text: '课后反思：粘贴的长文本' },
    ]);
  });

  it('finds nothing lost when the copies agree or the local text is empty', () => {
    expect(lostPlanEdits(plan({ keyPoints: 'a' }), plan({ keyPoints: 'a' }))).toEqual([]);
    expect(lostPlanEdits(plan({}), plan({ keyPoints: 'server only' }))).toEqual([]);
  });
});
