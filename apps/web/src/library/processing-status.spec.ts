import { describe, expect, it } from '@jest/globals';
import type { ProcessingView } from '@tongke/contracts';
import { PROCESSING_STAGES } from '@tongke/contracts/library/resource-values';
import { isPlayable, isProcessing, processingSummary, statusBadge } from './processing-status';
import { translator } from './testing/translate';

const view = (patch: Partial<ProcessingView>): ProcessingView => ({
  stage: 'queued',
  progress: 0,
  attempts: 0,
  updatedAt: '2026-09-01T00:00:00.000Z',
  ...patch,
});

describe('processing status', () => {
  it('names every stage in both languages, in pipeline order', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const { t } = translator(locale);
      const labels = PROCESSING_STAGES.map((stage) => t(processingSummary(view({ stage })).stageKey));
      expect(new Set(labels).size).toBe(PROCESSING_STAGES.length);
    }
    const { t } = translator('zh-CN');
    expect(t(processingSummary(view({ stage: 'hls' })).stageKey)).toBe('转码为多种清晰度');
    expect(processingSummary(view({ stage: 'compose' }))).toMatchObject({ step: 3, steps: 6 });
  });

  it('reports the overall progress as a whole percent, clamped', () => {
    expect(processingSummary(view({ progress: 0.456 })).percent).toBe(45);
    expect(processingSummary(view({ progress: 1.2 })).percent).toBe(100);
    expect(processingSummary(view({ progress: -1 })).percent).toBe(0);
    expect(processingSummary(view({ progress: Number.NaN })).percent).toBe(0);
  });

  it('tells a retry after a failed attempt', () => {
    expect(processingSummary(view({ attempts: 1, error: 'ffmpeg exited 1' }))).toMatchObject({
      retrying: true,
      error: 'ffmpeg exited 1',
    });
    expect(processingSummary(view({ attempts: 1 })).retrying).toBe(false);
  });

  it('a step label reads well', () => {
    const { t } = translator('zh-CN');
    const s = processingSummary(view({ stage: 'thumbnails', progress: 0.9 }));
    expect(t('library.processing.step', { step: s.step, steps: s.steps, stage: t(s.stageKey) })).toBe(
      '第 5/6 步：生成封面和缩略图',
    );
  });

  it('polls processing resources, plays ready ones, badges the rest', () => {
    expect(isProcessing({ status: 'processing' })).toBe(true);
    expect(isProcessing({ status: 'failed' })).toBe(false);
    expect(isProcessing(null)).toBe(false);
    expect(isPlayable({ status: 'ready' })).toBe(true);
    expect(isPlayable({ status: 'processing' })).toBe(false);
    expect(statusBadge({ status: 'ready' })).toBeNull();
    expect(statusBadge({ status: 'processing' })).toBe('processing');
    expect(statusBadge({ status: 'failed' })).toBe('failed');
  });
});
