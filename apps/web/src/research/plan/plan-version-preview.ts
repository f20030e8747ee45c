import { EMPTY_PLAN_CONTENT, type PlanContent } from '@tongke/contracts/research/plan-doc';
import { HOMEWORK_KINDS, PLAN_TEXT_SECTIONS } from '@tongke/contracts/research/research-values';

// GET /api/research/plans/:id/versions/:vid answers the version's content as PlanContent, bare
// or as `{ content }` next to the version's view; either is read into a complete PlanContent.

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const list = (v: unknown): Record<string, unknown>[] =>
  Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null) : [];

export function versionPreviewContent(body: unknown): PlanContent {
  const outer = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const raw =
    typeof outer.content === 'object' && outer.content !== null ? (outer.content as Record<string, unknown>) : outer;
  const content: PlanContent = { ...EMPTY_PLAN_CONTENT };
  for (const section of PLAN_TEXT_SECTIONS) content[section] = str(raw[section]);
  content.process = list(raw.process).map((s) => ({
    id: str(s.id),
    title: str(s.title),
    minutes: num(s.minutes),
    content: str(s.content),
  }));
  content.homework = list(raw.homework).map((h) => ({
    id: str(h.id),
    content: str(h.content),
    kind: (HOMEWORK_KINDS as readonly unknown[]).includes(h.kind)
      ? (h.kind as PlanContent['homework'][0]['kind'])
      : 'written',
    minutes: num(h.minutes),
  }));
  return content;
}
