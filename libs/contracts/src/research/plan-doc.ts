import * as Y from 'yjs';
import type { HomeworkItem } from './homework-rules';
import { HOMEWORK_KINDS, PLAN_TEXT_SECTIONS, type HomeworkKind, type PlanTextSection } from './research-values';

// The Yjs document of a lesson plan, shared by the API (persistence, versions, DOCX export) and the
// web editor. Not exported from the contracts index (keeps yjs out of the media node): import it
// as '@tongke/contracts/research/plan-doc'.
//
// Root types:
//   Y.Text  'objectives' | 'keyPoints' | 'learnerAnalysis' | 'boardDesign' | 'reflection'
//   Y.Array 'process'   of Y.Map { id: string, title: Y.Text, minutes: number, content: Y.Text }
//   Y.Array 'homework'  of Y.Map { id: string, content: Y.Text, kind: HomeworkKind, minutes: number }

export interface ProcessStep {
  id: string;
  /** 环节 name, e.g. 导入新课. */
  title: string;
  minutes: number;
  /** What the teacher and the students do. */
  content: string;
}

export interface PlanHomeworkItem extends HomeworkItem {
  id: string;
}

/** A lesson plan's content as plain data (templates, versions preview, export, checks). */
export interface PlanContent {
  objectives: string;
  keyPoints: string;
  learnerAnalysis: string;
  process: ProcessStep[];
  boardDesign: string;
  homework: PlanHomeworkItem[];
  reflection: string;
}

export const EMPTY_PLAN_CONTENT: PlanContent = {
  objectives: '',
  keyPoints: '',
  learnerAnalysis: '',
  process: [],
  boardDesign: '',
  homework: [],
  reflection: '',
};

export const planText = (doc: Y.Doc, section: PlanTextSection): Y.Text => doc.getText(section);
export const planProcess = (doc: Y.Doc): Y.Array<Y.Map<unknown>> => doc.getArray<Y.Map<unknown>>('process');
export const planHomework = (doc: Y.Doc): Y.Array<Y.Map<unknown>> => doc.getArray<Y.Map<unknown>>('homework');

const textOf = (map: Y.Map<unknown>, key: string): string => {
  const value = map.get(key);
  return value instanceof Y.Text ? value.toString() : typeof value === 'string' ? value : '';
};
const numberOf = (map: Y.Map<unknown>, key: string): number => {
  const value = map.get(key);
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
};
/** A 作业设计 item's kind (`written` unless it holds a known kind). */
export const homeworkKindOf = (map: Y.Map<unknown>): HomeworkKind => {
  const value = map.get('kind');
  return (HOMEWORK_KINDS as readonly unknown[]).includes(value) ? (value as HomeworkKind) : 'written';
};
const idOf = (map: Y.Map<unknown>): string => {
  const value = map.get('id');
  return typeof value === 'string' ? value : '';
};

/** The list's Y.Map entries (anything else an editor pushed into it is not part of the plan). */
const mapsOf = (list: { toArray(): unknown[] }): Y.Map<unknown>[] =>
  list.toArray().filter((m): m is Y.Map<unknown> => m instanceof Y.Map);

/** Reads the whole plan as plain data. */
export function readPlanContent(doc: Y.Doc): PlanContent {
  const content = { ...EMPTY_PLAN_CONTENT };
  for (const section of PLAN_TEXT_SECTIONS) content[section] = planText(doc, section).toString();
  content.process = mapsOf(planProcess(doc)).map(readProcessStep);
  content.homework = mapsOf(planHomework(doc)).map(readHomeworkItem);
  return content;
}

/** One 教学过程 step's Y.Map as plain data. */
export function readProcessStep(m: Y.Map<unknown>): ProcessStep {
  return { id: idOf(m), title: textOf(m, 'title'), minutes: numberOf(m, 'minutes'), content: textOf(m, 'content') };
}

/** One 作业设计 item's Y.Map as plain data. */
export function readHomeworkItem(m: Y.Map<unknown>): PlanHomeworkItem {
  return { id: idOf(m), content: textOf(m, 'content'), kind: homeworkKindOf(m), minutes: numberOf(m, 'minutes') };
}

const yText = (value: string): Y.Text => new Y.Text(value);

/** A new 教学过程 step as a Y.Map (insert it into `planProcess(doc)`). */
export function processStepMap(step: ProcessStep): Y.Map<unknown> {
  return new Y.Map<unknown>([
    ['id', step.id],
    ['title', yText(step.title)],
    ['minutes', step.minutes],
    ['content', yText(step.content)],
  ]);
}

/** A new 作业设计 item as a Y.Map (insert it into `planHomework(doc)`). */
export function homeworkItemMap(item: PlanHomeworkItem): Y.Map<unknown> {
  return new Y.Map<unknown>([
    ['id', item.id],
    ['content', yText(item.content)],
    ['kind', item.kind],
    ['minutes', item.minutes],
  ]);
}

/**
 * Makes `text` read `value` by replacing only the part between the common prefix and suffix, so
 * unchanged text keeps its identity (comments anchored there stay anchored).
 */
export function replaceText(text: Y.Text, value: string): void {
  const current = text.toString();
  if (current === value) return;
  let start = 0;
  while (start < current.length && start < value.length && current[start] === value[start]) start++;
  let end = 0;
  while (
    end < current.length - start &&
    end < value.length - start &&
    current[current.length - 1 - end] === value[value.length - 1 - end]
  )
    end++;
  const removed = current.length - start - end;
  if (removed > 0) text.delete(start, removed);
  const inserted = value.slice(start, value.length - end);
  if (inserted) text.insert(start, inserted);
}

/**
 * Makes the document read `content` in one transaction (templates, version restore): text sections
 * are changed minimally; the process and homework lists are rebuilt.
 */
export function writePlanContent(doc: Y.Doc, content: PlanContent, origin: unknown = null): void {
  doc.transact(() => {
    for (const section of PLAN_TEXT_SECTIONS) replaceText(planText(doc, section), content[section]);
    const process = planProcess(doc);
    process.delete(0, process.length);
    process.insert(0, content.process.map(processStepMap));
    const homework = planHomework(doc);
    homework.delete(0, homework.length);
    homework.insert(0, content.homework.map(homeworkItemMap));
  }, origin);
}

/** A Yjs update that creates a plan document reading `content` (new plans, templates). */
export function encodePlanContent(content: PlanContent): Uint8Array {
  const doc = new Y.Doc();
  writePlanContent(doc, content);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
