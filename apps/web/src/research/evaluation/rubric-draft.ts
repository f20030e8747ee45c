import type { CreateRubricRequest } from '@tongke/contracts';

// The rubric editor's model: dimensions with items and weights; the live weight check.

export interface ItemDraft {
  key: string;
  name: string;
  minScore: number;
  maxScore: number;
}

export interface DimensionDraft {
  key: string;
  name: string;
  weight: number;
  items: ItemDraft[];
}

export interface RubricDraft {
  name: string;
  dimensions: DimensionDraft[];
}

export const newItem = (n: number): ItemDraft => ({ key: `item-${n}`, name: '', minScore: 0, maxScore: 10 });
export const newDimension = (n: number): DimensionDraft => ({
  key: `dim-${n}`,
  name: '',
  weight: 0,
  // Its own key space (`item-d<n>`): numbers from the page's counter never collide with it.
  items: [{ ...newItem(n), key: `item-d${n}` }],
});

export function emptyRubric(): RubricDraft {
  return { name: '', dimensions: [{ ...newDimension(1), weight: 100 }] };
}

/** The sum of the dimension weights (a rubric's must be 100). */
export function weightSum(draft: RubricDraft): number {
  return Math.round(draft.dimensions.reduce((s, d) => s + (Number(d.weight) || 0), 0) * 1000) / 1000;
}

export const weightsOk = (draft: RubricDraft) => Math.abs(weightSum(draft) - 100) < 1e-6;

/** The request body (numbers as numbers; the server checks everything else and says what is wrong). */
export function toRequest(draft: RubricDraft): CreateRubricRequest {
  return {
    name: draft.name,
    dimensions: draft.dimensions.map((d) => ({
      key: d.key,
      name: d.name,
      weight: Number(d.weight),
      items: d.items.map((i) => ({
        key: i.key,
        name: i.name,
        minScore: Number(i.minScore),
        maxScore: Number(i.maxScore),
      })),
    })),
  };
}
