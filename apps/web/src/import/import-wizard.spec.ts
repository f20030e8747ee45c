import { describe, expect, it } from '@jest/globals';
import type { ImportJobView } from '@tongke/contracts';
import { IMPORT_LIMITS } from '@tongke/contracts/import';
import { fileProblem, isRunning, percent, pollDelay, wizardStep } from './import-wizard';

const job = (status: ImportJobView['status'], errors: ImportJobView['errors'] = []): ImportJobView => ({
  id: 'j1',
  communityId: 'c1',
  kind: 'schools',
  fileName: 'a.csv',
  status,
  progress: { done: 0, total: 10 },
  rows: 10,
  errors,
  createdAt: '2026-09-01T00:00:00.000Z',
});

describe('import wizard', () => {
  it('derives the step from the job and the upload', () => {
    expect(wizardStep(null, false)).toBe('pick');
    expect(wizardStep(null, true)).toBe('uploading');
    expect(wizardStep(job('validating'), false)).toBe('validating');
    expect(wizardStep(job('validated'), false)).toBe('ready');
    expect(wizardStep(job('validated', [{ row: 2, column: '学段', reason: 'required' }]), false)).toBe('problems');
    expect(wizardStep(job('committing'), false)).toBe('committing');
    expect(wizardStep(job('committed'), false)).toBe('committed');
    expect(wizardStep(job('failed'), false)).toBe('failed');
  });

  it('polls only running jobs, quickly at first', () => {
    expect([null, job('validating'), job('validated'), job('committing'), job('committed')].map(isRunning)).toEqual([
      false,
      true,
      false,
      true,
      false,
    ]);
    expect(pollDelay(0)).toBeLessThan(pollDelay(20));
  });

  it('computes whole percents', () => {
    expect(percent(0, 0)).toBe(0);
    expect(percent(1, 3)).toBe(33);
    expect(percent(5000, 5000)).toBe(100);
    expect(percent(6, 5)).toBe(100);
  });

  it('checks the file name and size before sending', () => {
    expect(fileProblem({ name: '教师.XLSX', size: 10 })).toBeUndefined();
    expect(fileProblem({ name: 'a.csv', size: 10 })).toBeUndefined();
    expect(fileProblem({ name: 'a.xls', size: 10 })).toBe('type');
    expect(fileProblem({ name: 'a.csv', size: 0 })).toBe('empty');
    expect(fileProblem({ name: 'a.csv', size: IMPORT_LIMITS.maxBytes + 1 })).toBe('size');
  });
});
