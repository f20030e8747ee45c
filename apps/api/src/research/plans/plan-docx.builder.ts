import { PLAN_SECTION_NAMES_ZH, SUBJECT_NAMES_ZH, type HomeworkKind, type HomeworkWarning } from '@tongke/contracts';
import type { PlanContent } from '@tongke/contracts/research/plan-doc';
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { LessonPlan } from './lesson-plan.schema';

/** The DOCX of a lesson plan as plain blocks (pure: the unit tests read these), rendered by `planDocx`. */
export type PlanDocBlock =
  | { kind: 'title'; text: string }
  | { kind: 'meta'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; warning?: boolean }
  | { kind: 'table'; header: string[]; rows: string[][] };

export const HOMEWORK_KIND_NAMES_ZH: Record<HomeworkKind, string> = {
  written: '书面',
  oral: '口头',
  practice: '实践',
  reading: '阅读',
};

const WARNING_TEXT: Record<HomeworkWarning['code'], (w: HomeworkWarning) => string> = {
  'written-not-allowed': (w) => `注意：${w.grade}年级不布置书面家庭作业（本教案书面作业 ${w.writtenMinutes} 分钟）。`,
  'over-daily-limit': (w) =>
    `注意：书面作业 ${w.writtenMinutes} 分钟，超过${w.grade}年级每天 ${w.limitMinutes} 分钟的总量要求。`,
  'over-half-daily-limit': (w) =>
    `提示：书面作业 ${w.writtenMinutes} 分钟，已超过${w.grade}年级每天总量（${w.limitMinutes} 分钟）的一半，请兼顾其他学科。`,
};

export type PlanMeta = Pick<LessonPlan, 'title' | 'topic' | 'subject' | 'grade' | 'textbookEdition' | 'chapter'> & {
  authorName: string;
};

/** 学科 · 年级 · 课题 · 教材 · 章节 · 执笔 */
export function metaLine(meta: PlanMeta): string {
  const parts = [`学科：${SUBJECT_NAMES_ZH[meta.subject]}`, `年级：${meta.grade}年级`];
  if (meta.topic) parts.push(`课题：${meta.topic}`);
  if (meta.textbookEdition) parts.push(`教材：${meta.textbookEdition}`);
  if (meta.chapter) parts.push(`章节：${meta.chapter}`);
  if (meta.authorName) parts.push(`执笔：${meta.authorName}`);
  return parts.join('　');
}

const textBlocks = (text: string): PlanDocBlock[] =>
  (text.trim() ? text.split('\n') : ['（未填写）']).map((line) => ({ kind: 'paragraph', text: line }));

function processBlocks(content: PlanContent): PlanDocBlock[] {
  if (content.process.length === 0) return textBlocks('');
  const total = content.process.reduce((sum, s) => sum + (s.minutes || 0), 0);
  const rows = content.process.map((s, i) => [String(i + 1), s.title, String(s.minutes), s.content]);
  return [
    { kind: 'table', header: ['序号', '教学环节', '时间（分钟）', '教学活动'], rows },
    { kind: 'paragraph', text: `合计：${total} 分钟` },
  ];
}

function homeworkBlocks(content: PlanContent, warnings: HomeworkWarning[]): PlanDocBlock[] {
  const items: PlanDocBlock[] = content.homework.map((h, i) => ({
    kind: 'paragraph',
    text: `${i + 1}. 【${HOMEWORK_KIND_NAMES_ZH[h.kind] ?? h.kind}·${h.minutes}分钟】${h.content}`,
  }));
  const notes: PlanDocBlock[] = warnings.map((w) => ({
    kind: 'paragraph',
    text: WARNING_TEXT[w.code](w),
    warning: true,
  }));
  return [...(items.length ? items : textBlocks('')), ...notes];
}

/** The plan's blocks: title, metadata line, then every section under its Chinese heading. */
export function planDocBlocks(meta: PlanMeta, content: PlanContent, warnings: HomeworkWarning[]): PlanDocBlock[] {
  const blocks: PlanDocBlock[] = [
    { kind: 'title', text: meta.title },
    { kind: 'meta', text: metaLine(meta) },
  ];
  const sections = Object.keys(PLAN_SECTION_NAMES_ZH) as (keyof typeof PLAN_SECTION_NAMES_ZH)[];
  for (const section of sections) {
    blocks.push({ kind: 'heading', text: PLAN_SECTION_NAMES_ZH[section] });
    if (section === 'process') blocks.push(...processBlocks(content));
    else if (section === 'homework') blocks.push(...homeworkBlocks(content, warnings));
    else blocks.push(...textBlocks(content[section]));
  }
  return blocks;
}

const cell = (text: string, bold = false) =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });

function renderBlock(block: PlanDocBlock): Paragraph | Table {
  switch (block.kind) {
    case 'title':
      return new Paragraph({ text: block.text, heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER });
    case 'meta':
      return new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text: block.text, size: 20 })],
      });
    case 'heading':
      return new Paragraph({ text: block.text, heading: HeadingLevel.HEADING_1 });
    case 'paragraph':
      return new Paragraph({
        children: [new TextRun({ text: block.text, ...(block.warning && { color: 'C0392B' }) })],
      });
    case 'table':
      return new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({ tableHeader: true, children: block.header.map((h) => cell(h, true)) }),
          ...block.rows.map((row) => new TableRow({ children: row.map((c) => cell(c)) })),
        ],
      });
  }
}

/** The DOCX file of the plan. */
export function planDocx(meta: PlanMeta, content: PlanContent, warnings: HomeworkWarning[]): Promise<Buffer> {
  const doc = new Document({
    creator: meta.authorName || 'Tongke',
    title: meta.title,
    sections: [{ children: planDocBlocks(meta, content, warnings).map(renderBlock) }],
  });
  return Packer.toBuffer(doc);
}
