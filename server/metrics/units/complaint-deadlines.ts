/**
 * The response deadline of each complaint (METRICS.md "Silence", complaints):
 * its own `deadline_at`, else `complaint_response_deadline` for its source in
 * the policy in force when it was received: a duration on a calendar, or N
 * working days after received_at (the end of the N-th working day after its day).
 */
import type { BuildContext } from '../build-context.ts';
import { workingDaysDue } from '../calendar-steps.ts';
import { COMPLAINT_SOURCES } from '../../policies/policy-schema.ts';
import { inList, type UnitRelation } from './unit-family.ts';
import { windowStep } from '../calendar-steps.ts';

/** CTEs ending in `${name}`: (complaint_id, deadline) for complaints received in [min, max) and by as_of. */
export function complaintDeadlines(ctx: BuildContext, name: string, min: string, max: string): UnitRelation {
  const due = workingDaysDue('c.dl_cal', 'c.received_at', 'c.dl_days', 'cdd');
  return {
    ctes: [
      `${name}__p AS (
        SELECT c.complaint_id, c.received_at, c.deadline_at, d.kind AS dl_kind, d.seconds AS dl_s, d.days AS dl_days, d.calendar AS dl_cal
        FROM (SELECT complaint_id, received_at, source, deadline_at, ${ctx.versionAt('received_at')} AS pv FROM complaints
              WHERE received_at >= ${min} AND received_at < ${max} AND received_at <= ${ctx.asOf}) c
        JOIN policy_complaint_deadlines d ON d.version = c.pv
          AND d.source = CASE WHEN ${inList(COMPLAINT_SOURCES, 'c.source')} THEN c.source ELSE '*' END)`,
      ...windowStep({ name: `${name}__w`, input: `${name}__p`, at: 'received_at', seconds: 'dl_s', calendar: 'dl_cal', out: 'dl_window', continuous: ctx.continuous('complaint_deadline', 'duration') }),
      `${name} AS (
        SELECT c.complaint_id,
          coalesce(c.deadline_at, CASE c.dl_kind WHEN 'duration' THEN c.dl_window ELSE ${due.due} END) AS deadline
        FROM ${name}__w c ${due.joins})`,
    ],
    relation: name,
  };
}
