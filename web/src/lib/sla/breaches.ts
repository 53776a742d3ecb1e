/**
 * How late a breach is: from its deadline to the instant that stopped its clock
 * (the reply, resolution or refund that came too late), or to as_of for one
 * still running past its target (METRICS.md "SLA attainment": a breach is
 * either). The list shows it beside the deadline, so the worst stand out.
 */
import type { CaseRow } from '../api-types.ts';

/**
 * Seconds past the deadline; null when the row has no deadline.
 *
 * @example overdueSeconds({ deadline: '2026-10-16T03:15:00Z', stopped_at: null }, '2026-10-16T04:15:00Z') // 3600
 */
export function overdueSeconds(row: Pick<CaseRow, 'deadline' | 'stopped_at'>, asOf: string): number | null {
  if (!row.deadline) return null;
  const end = Date.parse(row.stopped_at ?? asOf);
  const deadline = Date.parse(row.deadline);
  if (!Number.isFinite(end) || !Number.isFinite(deadline)) return null;
  return Math.max(0, (end - deadline) / 1000);
}
