import type { HealthReport } from '@tongke/contracts';

/** GET /api/health; a 503 still carries the report, so it is returned, not thrown. */
export async function fetchHealth(): Promise<HealthReport> {
  const res = await fetch('/api/health');
  if (res.status !== 200 && res.status !== 503) throw new Error(`HTTP ${res.status}`);
  return (await res.json()) as HealthReport;
}
