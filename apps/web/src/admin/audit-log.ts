import type { AuditEntryView } from '@tongke/contracts';

/** Entries per page of the audit log. */
export const AUDIT_PAGE_SIZE = 50;

/** The audit log pages loaded so far (newest first). */
export interface AuditPages {
  entries: AuditEntryView[];
  /** `before` for the next (older) page; undefined at the end of the log. */
  nextBefore?: string;
}

export const emptyAuditPages = (): AuditPages => ({ entries: [], nextBefore: undefined });

/**
 * Appends a page fetched with `before`: the API answers newest first and at most `limit`
 * entries, so a full page means there may be more, before the oldest entry's time. Entries
 * already shown (same id) are not repeated.
 */
export function addAuditPage(pages: AuditPages, page: readonly AuditEntryView[], limit = AUDIT_PAGE_SIZE): AuditPages {
  const seen = new Set(pages.entries.map((e) => e.id));
  const entries = [...pages.entries, ...page.filter((e) => !seen.has(e.id))];
  const oldest = page.at(-1);
  return { entries, nextBefore: page.length >= limit && oldest ? oldest.at : undefined };
}

/**
 * The i18n key of an action's text: `school.create` → `admin.audit.actions.school_create`
 * (`classGroup.update`, `class-group.update` and `class_group.update` all → `class_group_update`).
 */
export function auditActionKey(action: string): string {
  const snake = action
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_');
  return `admin.audit.actions.${snake}`;
}
