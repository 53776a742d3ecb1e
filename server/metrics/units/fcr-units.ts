/**
 * First-contact resolution (METRICS.md "First-contact resolution"). Units: tickets
 * with a resolved event (judged at the first one) and answered calls (judged at
 * their end), once that instant is seen by as_of; placed by their start.
 *
 * Failed (denominator only) when, as seen by as_of: a transferred or escalated
 * event came strictly before the first resolved (a call: transferred is true); a
 * reopened came in [resolved, resolved + window]; or another contact about the
 * same issue started in (resolved, resolved + window] (fact_contacts.next_related_at:
 * short abandons are no contacts). Resolved first time (numerator) when as_of has
 * reached the window's end without any of these; pending before that.
 */
import type { BuildContext } from '../build-context.ts';
import { windowStep } from '../calendar-steps.ts';
import type { UnitFamily } from './unit-family.ts';
import { NUM, DEN, PENDING } from './unit-family.ts';

function build(ctx: BuildContext) {
  const A = ctx.asOf;
  const inRange = (col: string) => `${col} >= ${ctx.from} AND ${col} < ${ctx.to} AND ${col} <= ${A}`;
  return {
    ctes: [
      `fc_base AS (
        SELECT f.kind, f.contact_id AS id, NULL::INTEGER AS seq, f.started_at AS start_at, f.channel, f.queue, f.priority,
          f.category, f.agent, f.source, f.customer_key, f.order_id, f.resolved_at, f.next_related_at,
          ${ctx.versionAt('f.started_at')} AS pv
        FROM fact_contacts f
        WHERE f.kind <> 'complaint' AND f.resolved_at <= ${A} AND ${inRange('f.started_at')})`,
      `fc_pol AS (
        SELECT b.*, ps.fcr_window_s AS win_s, ps.fcr_window_calendar AS win_cal,
          CASE b.kind WHEN 'call' THEN coalesce(c.transferred, false)
                      ELSE coalesce(t.first_transfer_at < t.first_resolved_at, false) END AS transferred_before,
          t.first_reopen_after_resolve_at AS reopened_at
        FROM fc_base b
        JOIN policy_settings ps ON ps.version = b.pv
        -- kind as a join key: with b.kind = 'call' as a filter DuckDB planned a nested-loop join (5 s on a month of demo data)
        LEFT JOIN (SELECT 'call' AS kind, call_id, transferred FROM calls WHERE ${inRange('started_at')}) c ON c.kind = b.kind AND c.call_id = b.id
        LEFT JOIN (SELECT 'ticket' AS kind, ticket_id, first_transfer_at, first_resolved_at, first_reopen_after_resolve_at FROM fact_tickets WHERE ${inRange('opened_at')}) t
          ON t.kind = b.kind AND t.ticket_id = b.id)`,
      ...windowStep({ name: 'fc_win', input: 'fc_pol', at: 'resolved_at', seconds: 'win_s', calendar: 'win_cal', out: 'fcr_deadline', continuous: ctx.continuous('fcr') }),
      `fc AS (
        SELECT *,
          CASE
            WHEN transferred_before THEN ${DEN}
            WHEN fcr_deadline IS NULL THEN ${PENDING}
            WHEN reopened_at <= least(fcr_deadline, ${A}) THEN ${DEN}
            WHEN next_related_at <= least(fcr_deadline, ${A}) THEN ${DEN}
            WHEN ${A} >= fcr_deadline THEN ${NUM}
            ELSE ${PENDING}
          END AS s_fcr,
          CASE WHEN reopened_at <= least(fcr_deadline, ${A}) OR next_related_at <= least(fcr_deadline, ${A})
               THEN least(CASE WHEN reopened_at <= fcr_deadline THEN reopened_at END, CASE WHEN next_related_at <= fcr_deadline THEN next_related_at END)
          END AS broken_at
        FROM fc_win)`,
    ],
    relation: 'fc',
  };
}

export const fcrUnits: UnitFamily = {
  name: 'fcr',
  metrics: { fcr: { state: 's_fcr', deadline: 'fcr_deadline', stop: 'broken_at', uses: ['fcr'] } },
  build,
};
