import { checkHomework } from '@tongke/contracts';
import { EMPTY_PLAN_CONTENT, type PlanContent } from '@tongke/contracts/research/plan-doc';
import { metaLine, planDocBlocks, type PlanMeta } from './plan-docx.builder';

const meta: PlanMeta = {
  title: '秋天的雨',
  topic: '秋天的雨',
  subject: 'chinese',
  grade: 2,
  textbookEdition: '统编版',
  authorName: '李静',
};

describe('plan DOCX blocks', () => {
  const content: PlanContent = {
    ...EMPTY_PLAN_CONTENT,
    objectives: '会认8个生字\n有感情朗读',
    process: [
      { id: 'a', title: '导入', minutes: 5, content: '看图说话' },
      { id: 'b', title: '新授', minutes: 30, content: '品读' },
    ],
    homework: [{ id: 'h', content: '抄写生字', kind: 'written', minutes: 10 }],
  };

  it('writes the metadata line', () => {
    expect(metaLine(meta)).toBe('学科：语文　年级：2年级　课题：秋天的雨　教材：统编版　执笔：李静');
  });

  it('has the title, every section heading in order, the process table and the homework with its warning', () => {
    const blocks = planDocBlocks(meta, content, checkHomework(2, content.homework));
    expect(blocks[0]).toEqual({ kind: 'title', text: '秋天的雨' });
    expect(blocks.filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual([
      '教学目标',
      '教学重难点',
      '学情分析',
      '教学过程',
      '板书设计',
      '作业设计',
      '教学反思',
    ]);
    expect(blocks).toContainEqual({
      kind: 'table',
      header: ['序号', '教学环节', '时间（分钟）', '教学活动'],
      rows: [
        ['1', '导入', '5', '看图说话'],
        ['2', '新授', '30', '品读'],
      ],
    });
    expect(blocks).toContainEqual({ kind: 'paragraph', text: '合计：35 分钟' });
    expect(blocks).toContainEqual({ kind: 'paragraph', text: '1. 【书面·10分钟】抄写生字' });
    const warnings = blocks.filter((b) => b.kind === 'paragraph' && b.warning);
    expect(warnings).toEqual([
      { kind: 'paragraph', text: expect.stringContaining('2年级不布置书面家庭作业'), warning: true },
    ]);
    expect(blocks).toContainEqual({ kind: 'paragraph', text: '有感情朗读' });
    expect(blocks.filter((b) => b.kind === 'paragraph' && b.text === '（未填写）')).toHaveLength(4);
  });
});
