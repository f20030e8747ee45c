import type { PlanContent, PlanHomeworkItem, ProcessStep } from '@tongke/contracts/research/plan-doc';
import { PLAN_SECTIONS, PLAN_TEXT_SECTIONS, type PlanSection } from '@tongke/contracts/research/research-values';

// What the user loses when the browser's copy of a plan is discarded after the server refused an
// edit: each section whose local text is not what the server has, with the local text to copy back.

export interface LostSection {
  section: PlanSection;
  text: string;
}

const stepText = (s: ProcessStep): string => [s.title, s.content].filter((x) => x.trim()).join('\n');
const homeworkText = (h: PlanHomeworkItem): string => h.content;

/** The local rows (as text) the server's list does not have. */
function lostRows<T>(mine: T[], server: T[], text: (row: T) => string): string {
  const kept = new Set(server.map(text));
  return mine
    .map(text)
    .filter((row) => row.trim() && !kept.has(row))
    .join('\n\n');
}

/** The sections of `mine` (the discarded copy) that differ from `server` (the reloaded one). */
export function lostPlanEdits(mine: PlanContent, server: PlanContent): LostSection[] {
  const lost: LostSection[] = [];
  for (const section of PLAN_TEXT_SECTIONS)
    if (mine[section] !== server[section] && mine[section].trim()) lost.push({ section, text: mine[section] });
  const process = lostRows(mine.process, server.process, stepText);
  if (process) lost.push({ section: 'process', text: process });
  const homework = lostRows(mine.homework, server.homework, homeworkText);
  if (homework) lost.push({ section: 'homework', text: homework });
  return lost.sort((a, b) => sectionOrder(a.section) - sectionOrder(b.section));
}

const sectionOrder = (s: PlanSection): number => PLAN_SECTIONS.indexOf(s);
