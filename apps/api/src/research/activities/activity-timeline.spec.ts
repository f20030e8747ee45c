import { activityTimeline, type TimelineFacts } from './activity-timeline';

const at = (min: number) => new Date(Date.UTC(2026, 2, 2, 8, min));
const none: TimelineFacts = { evaluations: { count: 0 } };
const byStage = (facts: TimelineFacts) => Object.fromEntries(activityTimeline(facts).map((s) => [s.stage, s]));

describe(activityTimeline.name, () => {
  it('lists every stage in order, all pending for a new activity', () => {
    const stages = activityTimeline(none);
    expect(stages.map((s) => s.stage)).toEqual(['plan', 'teach', 'record', 'observe', 'reflect']);
    expect(stages.map((s) => s.status)).toEqual(['pending', 'pending', 'pending', 'pending', 'pending']);
    expect(stages[3]).toEqual({ stage: 'observe', status: 'pending', detail: '0' });
    expect(stages[0]).toEqual({ stage: 'plan', status: 'pending' });
  });

  it('marks the plan done with its title and the time it was linked', () => {
    expect(byStage({ ...none, plan: { title: '《茉莉花》教案', linkedAt: at(0) } }).plan).toEqual({
      stage: 'plan',
      status: 'done',
      at: at(0).toISOString(),
      detail: '《茉莉花》教案',
    });
  });

  it('follows the session: pending while scheduled, active while live, done when ended', () => {
    const session = { record: true, startedAt: at(5) };
    expect(byStage({ ...none, session: { ...session, status: 'scheduled' } }).teach).toEqual({
      stage: 'teach',
      status: 'pending',
      detail: 'scheduled',
    });
    expect(byStage({ ...none, session: { ...session, status: 'live' } }).teach).toMatchObject({
      status: 'active',
      at: at(5).toISOString(),
      detail: 'live',
    });
    const ended = byStage({ ...none, session: { ...session, status: 'ended', endedAt: at(45) } });
    expect(ended.teach).toMatchObject({ status: 'done', at: at(45).toISOString(), detail: 'ended' });
  });

  it('keeps missed and cancelled lessons pending, saying so', () => {
    for (const status of ['missed', 'cancelled'] as const) {
      expect(byStage({ ...none, session: { status, record: true } }).teach).toEqual({
        stage: 'teach',
        status: 'pending',
        detail: status,
      });
    }
  });

  it('shows the recording processing after a recorded lesson ended, done once in the library', () => {
    const ended = { status: 'ended' as const, record: true, endedAt: at(45) };
    expect(byStage({ ...none, session: ended }).record).toMatchObject({ status: 'active', detail: 'processing' });
    expect(byStage({ ...none, session: { ...ended, record: false } }).record.status).toBe('pending');
    expect(byStage({ ...none, session: { ...ended, resourceId: 'r1' } }).record).toMatchObject({ status: 'done' });
    expect(byStage({ ...none, session: { status: 'live', record: true } }).record.status).toBe('pending');
  });

  it('counts submitted evaluations and marks the reflection', () => {
    const stages = byStage({ evaluations: { count: 3, lastAt: at(50) }, reflection: { at: at(60) } });
    expect(stages.observe).toEqual({ stage: 'observe', status: 'done', at: at(50).toISOString(), detail: '3' });
    expect(stages.reflect).toEqual({ stage: 'reflect', status: 'done', at: at(60).toISOString() });
  });
});
