/**
 * Complaints, placed by received_at (METRICS.md "Complaints", "SLA attainment",
 * "Silence before complaint"). Metrics:
 *
 * - complaints (count), complaint_amount (sum of amount; the denominator counts
 *   complaints that carry an amount);
 * - complaint_timely_response: a first response by the deadline (deadline_at, else
 *   the per-source default) ÷ mature complaints (as_of has reached the deadline,
 *   or a response is seen);
 * - complaint_sla_first_response (received → first_response_at) and
 *   complaint_sla_resolution (received → closed_at) against the `complaint`
 *   targets of the policy in force at received_at (complaints have no priority:
 *   the `normal` row, which equals the others);
 * - silence_before_complaint: numerator when a call or ticket of the same
 *   customer that started in [received − lookback, received) is silent as of
 *   as_of (contact-units.ts); pending when none is silent but one is pending;
 *   denominator only otherwise (no such contact, or all answered).
 */
import { instantLiteral, type BuildContext } from '../build-context.ts';
import { windowStep } from '../calendar-steps.ts';
import { COMPLAINT_KEY, complaintKeyOf } from '../../../etl/facts/customer-key.ts';
import { complaintDeadlines } from './complaint-deadlines.ts';
import { contactRelation } from './contact-units.ts';
import { slaSteps } from './sla-state.ts';
import { input, onlyUnits, touchedByCustomer, type Restriction, type UnitFamily } from './unit-family.ts';
import { NUM, DEN, PENDING } from './unit-family.ts';

function build(ctx: BuildContext, only?: Restriction) {
  const A = ctx.asOf;
  const deadlines = complaintDeadlines(ctx, 'cp_cd', ctx.from, ctx.to);
  const lookback = contactRelation(ctx, {
    name: 'cp_lbc',
    // A constant bound lets DuckDB skip row groups (a subquery bound read all 12 M
    // contacts: 0.5 s); on a working calendar the wall-clock span is unknown here.
    min: ctx.continuous('lookback')
      ? instantLiteral(new Date(ctx.scope.from.getTime() - ctx.maxLookbackS * 1000))
      : '(SELECT min(lb_start) FROM cp_lb)',
    max: ctx.to,
    where: 'f.customer_key IN (SELECT customer_key FROM cp_lb)',
    withoutComplaints: true,
    tables: only?.tables,
  });
  return {
    ctes: [
      ...deadlines.ctes,
      `cp_base AS (
        SELECT 'complaint' AS kind, c.complaint_id AS id, NULL::INTEGER AS seq, c.received_at AS start_at, 'complaint' AS channel,
          NULL::VARCHAR AS queue, NULL::VARCHAR AS priority, c.category, NULL::VARCHAR AS agent, c.source,
          ${complaintKeyOf('c')} AS customer_key,
          c.order_id, c.amount, c.first_response_at, c.closed_at, d.deadline, ${ctx.versionAt('c.received_at')} AS pv,
          -- the outcome dimension as of as_of: a complaint closed later is still open then
          CASE WHEN c.closed_at <= ${A} THEN c.outcome ELSE 'open' END AS outcome
        FROM ${input(only?.tables, 'complaints')} c JOIN ${deadlines.relation} d ON d.complaint_id = c.complaint_id
        WHERE c.received_at >= ${ctx.from} AND c.received_at < ${ctx.to} AND c.received_at <= ${A} AND ${onlyUnits(only, "'complaint'", 'c.complaint_id')})`,
      `cp_pol AS (
        SELECT b.*, ${ctx.setting('complaint_lookback_s', 'b.pv')} AS lb_s, ${ctx.setting('complaint_lookback_calendar', 'b.pv')} AS lb_cal,
          fr.kind AS fr_kind, fr.seconds AS fr_s, fr.days AS fr_days, fr.calendar AS fr_cal,
          rs.kind AS rs_kind, rs.seconds AS rs_s, rs.days AS rs_days, rs.calendar AS rs_cal
        FROM cp_base b
        LEFT JOIN policy_sla_targets fr ON fr.version = b.pv AND fr.channel = 'complaint' AND fr.priority = 'normal' AND fr.metric = 'first_response'
        LEFT JOIN policy_sla_targets rs ON rs.version = b.pv AND rs.channel = 'complaint' AND rs.priority = 'normal' AND rs.metric = 'resolution')`,
      ...windowStep({ name: 'cp_lb', input: 'cp_pol', at: 'start_at', seconds: 'lb_s', calendar: 'lb_cal', out: 'lb_start', direction: -1, continuous: ctx.continuous('lookback') }),
      ...lookback.ctes,
      `cp_sbc AS (
        SELECT c.id, max(CASE s.s_silence_rate WHEN ${NUM} THEN 2 WHEN ${PENDING} THEN 1 ELSE 0 END) AS worst,
          min(s.start_at) FILTER (s.s_silence_rate = ${NUM}) AS first_silent_at
        FROM cp_lb c JOIN ${lookback.relation} s ON s.customer_key = c.customer_key AND s.start_at >= c.lb_start AND s.start_at < c.start_at
        GROUP BY c.id)`,
      `cp_j AS (SELECT c.*, s.worst, s.first_silent_at FROM cp_lb c LEFT JOIN cp_sbc s ON s.id = c.id)`,
      ...slaSteps(ctx, 'complaint_sla', 'cp_j', 'cp_fr', { p: 'fr', kind: 'fr_kind', seconds: 'fr_s', days: 'fr_days', calendar: 'fr_cal', start: 'start_at', stop: 'first_response_at' }),
      ...slaSteps(ctx, 'complaint_sla', 'cp_fr', 'cp_rs', { p: 'rs', kind: 'rs_kind', seconds: 'rs_s', days: 'rs_days', calendar: 'rs_cal', start: 'start_at', stop: 'closed_at' }),
      `cp AS (
        SELECT *,
          ${NUM} AS s_complaints,
          CASE WHEN amount IS NOT NULL THEN ${NUM} END AS s_complaint_amount,
          CASE
            WHEN deadline IS NULL THEN ${PENDING}
            WHEN first_response_at <= least(deadline, ${A}) THEN ${NUM}
            WHEN ${A} >= deadline OR first_response_at <= ${A} THEN ${DEN}
            ELSE ${PENDING}
          END AS s_complaint_timely_response,
          CASE coalesce(worst, 0) WHEN 2 THEN ${NUM} WHEN 1 THEN ${PENDING} ELSE ${DEN} END AS s_silence_before_complaint,
          CASE WHEN first_response_at <= ${A} THEN first_response_at END AS response_seen
        FROM cp_rs)`,
    ],
    relation: 'cp',
  };
}

export const complaintUnits: UnitFamily = {
  name: 'complaints',
  metrics: {
    complaints: { state: 's_complaints', uses: [] },
    complaint_amount: { state: 's_complaint_amount', value: 'amount', uses: [] },
    complaint_timely_response: { state: 's_complaint_timely_response', deadline: 'deadline', stop: 'response_seen', uses: ['complaint_deadline'] },
    complaint_sla_first_response: { state: 's_fr', deadline: 'fr_due', stop: 'fr_stop', uses: ['complaint_sla'] },
    complaint_sla_resolution: { state: 's_rs', deadline: 'rs_due', stop: 'rs_stop', uses: ['complaint_sla'] },
    silence_before_complaint: { state: 's_silence_before_complaint', deadline: 'lb_start', stop: 'first_silent_at', uses: ['lookback', 'silence'] },
  },
  extraDimensions: ['outcome'],
  // The look-back of silence before complaint reads the customer's earlier calls and tickets.
  inputsOf: (keys) => ({
    complaints: `SELECT * FROM complaints WHERE complaint_id IN (SELECT id FROM ${keys})`,
    fact_contacts: `SELECT * FROM fact_contacts WHERE customer_key IN (SELECT ${COMPLAINT_KEY} FROM complaints WHERE complaint_id IN (SELECT id FROM ${keys}))`,
  }),
  // ... so a complaint changes with any contact of its customer.
  touched: (d) => touchedByCustomer(`SELECT 'complaint' AS kind, complaint_id AS id, NULL::INTEGER AS seq FROM complaints WHERE ${COMPLAINT_KEY} IN (SELECT customer_key FROM ${d.keys})`, d),
  build,
};
