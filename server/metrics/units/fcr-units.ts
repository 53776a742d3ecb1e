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
 *
 * Pending at the horizon W (every event seen, so no transfer, reopen or related
 * contact: any would have decided it), a unit stays pending with every column
 * unchanged until fcr_deadline (decidedBy).
 */
import type { BuildContext } from '../build-context.ts';
import { windowStep } from '../calendar-steps.ts';
import { attrAsOf, ticketAttrsAsOfCte } from './ticket-attrs-asof.ts';
import { input, onlyUnits, touchedByCustomer, type Restriction, type UnitFamily } from './unit-family.ts';
import { NUM, DEN, PENDING } from './unit-family.ts';

function build(ctx: BuildContext, only?: Restriction) {
  const A = ctx.asOf;
  return {
    ctes: [
      ticketAttrsAsOfCte(ctx, 'fc_asof'),
      `fc_base AS (
        SELECT f.kind, f.contact_id AS id, NULL::INTEGER AS seq, f.started_at AS start_at, ${attrAsOf('f', 'a', 'channel')} AS channel, f.queue,
          ${attrAsOf('f', 'a', 'priority')} AS priority, ${attrAsOf('f', 'a', 'category')} AS category, ${attrAsOf('f', 'a', 'agent')} AS agent,
          f.source, f.customer_key, ${attrAsOf('f', 'a', 'order_id')} AS order_id, f.resolved_at, f.next_related_at,
          f.transferred AS transferred_before, f.reopened_at,
          ${ctx.versionAt('f.started_at')} AS pv
        -- kind is part of the join key: a condition on the constant alone planned a nested loop (5 s)
        FROM ${input(only?.tables, 'fact_contacts')} f LEFT JOIN fc_asof a ON a.kind = f.kind AND a.ticket_id = f.contact_id
        WHERE f.kind <> 'complaint' AND f.resolved_at <= ${A} AND f.started_at >= ${ctx.from} AND f.started_at < ${ctx.to} AND f.started_at <= ${A} AND ${onlyUnits(only, 'f.kind', 'f.contact_id')})`,
      `fc_pol AS (
        SELECT b.*, ${ctx.setting('fcr_window_s', 'b.pv')} AS win_s, ${ctx.setting('fcr_window_calendar', 'b.pv')} AS win_cal FROM fc_base b)`,
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
  metrics: { fcr: { state: 's_fcr', deadline: 'fcr_deadline', stop: 'broken_at', uses: ['fcr'], decidedBy: 'fcr_deadline' } },
  extraDimensions: [],
  // next_related_at and reopened_at come from the customer's contacts.
  inputsOf: (keys) => ({ fact_contacts: `SELECT * FROM fact_contacts WHERE (kind, contact_id) IN (SELECT (kind, id) FROM ${keys})` }),
  touched: (d) => touchedByCustomer(`SELECT kind, contact_id AS id, NULL::INTEGER AS seq FROM fact_contacts WHERE customer_key IN (SELECT customer_key FROM ${d.keys})`, d),
  build,
};
