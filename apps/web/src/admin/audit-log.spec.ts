import { describe, expect, it } from '@jest/globals';
import type { AuditEntryView } from '@tongke/contracts';
import { addAuditPage, auditActionKey, emptyAuditPages } from './audit-log';

const entry = (id: string, at: string): AuditEntryView => ({
  id,
  at,
  actor: { id: 'a1', name: '联盟管理员 王芳' },
  action: 'school.update',
  target: { type: 'school', id: 's1', name: '石林镇小学' },
});

describe(addAuditPage.name, () => {
  it('pages on from the oldest entry of a full page', () => {
    const first = addAuditPage(
      emptyAuditPages(),
      [entry('e3', '2026-03-03T00:00:00Z'), entry('e2', '2026-03-02T00:00:00Z')],
      2,
    );
    expect(first.nextBefore).toBe('2026-03-02T00:00:00Z');
    const second = addAuditPage(first, [entry('e1', '2026-03-01T00:00:00Z')], 2);
    expect(second.entries.map((e) => e.id)).toEqual(['e3', 'e2', 'e1']);
    expect(second.nextBefore).toBeUndefined();
  });

  it('does not repeat entries already shown and stops on an empty page', () => {
    const pages = addAuditPage(emptyAuditPages(), [entry('e2', '2026-03-02T00:00:00Z')], 1);
    const again = addAuditPage(pages, [entry('e2', '2026-03-02T00:00:00Z'), entry('e1', '2026-03-01T00:00:00Z')], 5);
    expect(again.entries.map((e) => e.id)).toEqual(['e2', 'e1']);
    expect(addAuditPage(again, [], 5).nextBefore).toBeUndefined();
  });
});

describe(auditActionKey.name, () => {
  it('turns `noun.verb` into a message key', () => {
    expect(auditActionKey('school.create')).toBe('admin.audit.actions.school_create');
    expect(auditActionKey('classGroup.update')).toBe('admin.audit.actions.class_group_update');
    expect(auditActionKey('class-group.update')).toBe('admin.audit.actions.class_group_update');
    expect(auditActionKey('bell_schedule.update')).toBe('admin.audit.actions.bell_schedule_update');
  });
});
