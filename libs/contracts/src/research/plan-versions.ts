import type { PlanVersionView } from './lesson-plan';
import type { PlanContent } from './plan-doc';

// Answers of the plan version routes (REST under /api/research/plans/:id/versions).

/** GET /api/research/plans/:id/versions/:versionId — a version's content, for preview. */
export interface PlanVersionPreview {
  version: PlanVersionView;
  content: PlanContent;
}

/** POST /api/research/plans/:id/versions/:versionId/restore */
export interface PlanVersionRestoreResult {
  /** The version now restored into the live document. */
  restored: PlanVersionView;
  /** The state just before the restore, saved as a `before-restore` version. */
  backup: PlanVersionView;
}
