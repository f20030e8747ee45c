import { DEFAULT_RUBRIC, type RubricView } from '@tongke/contracts';
import type { Rubric } from './rubric.schema';

/** The id of the built-in rubric (DEFAULT_RUBRIC), which is not stored. */
export const DEFAULT_RUBRIC_ID = 'default';

export const BUILT_IN_RUBRIC: RubricView = Object.freeze({
  id: DEFAULT_RUBRIC_ID,
  name: DEFAULT_RUBRIC.name,
  builtIn: true,
  dimensions: DEFAULT_RUBRIC.dimensions,
});

export function rubricView(doc: Rubric): RubricView {
  return {
    id: doc._id.toHexString(),
    communityId: doc.communityId.toHexString(),
    name: doc.name,
    builtIn: false,
    dimensions: doc.dimensions.map((d) => ({
      key: d.key,
      name: d.name,
      weight: d.weight,
      items: d.items.map((i) => ({
        key: i.key,
        name: i.name,
        ...(i.description && { description: i.description }),
        minScore: i.minScore,
        maxScore: i.maxScore,
      })),
    })),
    ...(doc.createdAt && { createdAt: doc.createdAt.toISOString() }),
  };
}
