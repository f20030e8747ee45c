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

/** The root lists of a plan document; they hold only Y.Map entries (the server refuses anything else). */
export const PLAN_LIST_SECTIONS = ['process', 'homework'] as const;

/** Makes the Y.Text at `key` of `map` read `value` (minimal change; a new Y.Text if there is none). */
function setMapText(map: Y.Map<unknown>, key: string, value: string): void {
  const current = map.get(key);
  if (current instanceof Y.Text) replaceText(current, value);
  else map.set(key, yText(value));
}

function setMapValue(map: Y.Map<unknown>, key: string, value: unknown): void {
  if (map.get(key) !== value) map.set(key, value);
}

/**
 * Indices (into `order`) of a longest strictly increasing subsequence of `order`: the kept items
 * that already stand in the target order (the others must move).
 */
function increasingRun(order: number[]): Set<number> {
  const tails: number[] = [];
  const prev: number[] = new Array<number>(order.length).fill(-1);
  for (let i = 0; i < order.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (order[tails[mid]] < order[i]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1];
    tails[lo] = i;
  }
  const kept = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = prev[i]) kept.add(i);
  return kept;
}

/**
 * Makes a list of Y.Maps match `items` by id: entries whose id is wanted (once) and already in
 * order keep their identity and get only their changed fields rewritten (concurrent typing in
 * them and comments anchored there survive); the rest are deleted; missing items are inserted.
 */
function syncList<T extends { id: string }>(
  list: Y.Array<Y.Map<unknown>>,
  items: T[],
  toMap: (item: T) => Y.Map<unknown>,
  update: (map: Y.Map<unknown>, item: T) => void,
): void {
  const wanted = new Map(items.map((item, i) => [item.id, i]));
  const entries = list.toArray() as unknown[];
  const seen = new Set<string>();
  const candidates: { index: number; target: number }[] = [];
  entries.forEach((entry, index) => {
    const id = entry instanceof Y.Map ? idOf(entry) : '';
    const target = wanted.get(id);
    if (target === undefined || seen.has(id)) return;
    seen.add(id);
    candidates.push({ index, target });
  });
  const inOrder = increasingRun(candidates.map((c) => c.target));
  const keep = new Set(candidates.filter((_, i) => inOrder.has(i)).map((c) => c.index));
  for (let i = entries.length - 1; i >= 0; i--) if (!keep.has(i)) list.delete(i, 1);
  items.forEach((item, position) => {
    const current = position < list.length ? list.get(position) : undefined;
    if (current instanceof Y.Map && idOf(current) === item.id) update(current, item);
    else list.insert(position, [toMap(item)]);
  });
}

const updateProcessStep = (map: Y.Map<unknown>, step: ProcessStep): void => {
  setMapText(map, 'title', step.title);
  setMapValue(map, 'minutes', step.minutes);
  setMapText(map, 'content', step.content);
};

const updateHomeworkItem = (map: Y.Map<unknown>, item: PlanHomeworkItem): void => {
  setMapText(map, 'content', item.content);
  setMapValue(map, 'kind', item.kind);
  setMapValue(map, 'minutes', item.minutes);
};

/**
 * Makes the document read `content` in one transaction (templates, version restore), changing as
 * little as possible: text sections minimally; 教学过程/作业设计 entries matched by id, with only
 * their changed fields rewritten (see syncList).
 */
export function writePlanContent(doc: Y.Doc, content: PlanContent, origin: unknown = null): void {
  doc.transact(() => {
    for (const section of PLAN_TEXT_SECTIONS) replaceText(planText(doc, section), content[section]);
    syncList(planProcess(doc), content.process, processStepMap, updateProcessStep);
    syncList(planHomework(doc), content.homework, homeworkItemMap, updateHomeworkItem);
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
