/**
 * Refunds (fact_refunds: each refund_requested paired with the completion that
 * closes it), placed by their refund_requested (METRICS.md "Time": a refund to
 * the period of its refund_requested). sla_refund: requested → completed against
 * the `refund` target for the ticket's priority in the policy in force at the
 * ticket's opened (METRICS.md: "the policy in force at the ticket's opened time
 * applies"). Dimensions are the ticket's.
 */
import { attrAsOf, ticketAttrsAsOfCte } from './ticket-attrs-asof.ts';
import type { BuildContext } from '../build-context.ts';
import { slaSteps } from './sla-state.ts';
import { input, onlyUnits, touchedByTicket, type Restriction, type UnitFamily } from './unit-family.ts';

function build(ctx: BuildContext, only?: Restriction) {
  return {
    ctes: [
      ticketAttrsAsOfCte(ctx, 'rf_asof'),
      `rf_base AS (
        SELECT 'ticket' AS kind, r.ticket_id AS id, r.seq, r.requested_at AS start_at, ${attrAsOf('t', 'a', 'channel')} AS channel,
          NULL::VARCHAR AS queue, ${attrAsOf('t', 'a', 'priority')} AS priority, ${attrAsOf('t', 'a', 'category')} AS category,
          ${attrAsOf('t', 'a', 'agent')} AS agent, NULL::VARCHAR AS source, t.customer_id AS customer_key, ${attrAsOf('t', 'a', 'order_id')} AS order_id,
          r.completed_at, ${ctx.versionAt('t.opened_at')} AS pv
        FROM ${input(only?.tables, 'fact_refunds')} r JOIN ${input(only?.tables, 'fact_tickets')} t ON t.ticket_id = r.ticket_id LEFT JOIN rf_asof a ON a.ticket_id = t.ticket_id
        WHERE r.requested_at >= ${ctx.from} AND r.requested_at < ${ctx.to} AND r.requested_at <= ${ctx.asOf} AND ${onlyUnits(only, "'ticket'", 'r.ticket_id', 'r.seq')})`,
      `rf_pol AS (
        SELECT b.*, g.kind AS g_kind, g.seconds AS g_s, g.days AS g_days, g.calendar AS g_cal
        FROM rf_base b LEFT JOIN policy_sla_targets g
          ON g.version = b.pv AND g.channel = 'refund' AND g.priority = b.priority AND g.metric = 'resolution')`,
      ...slaSteps(ctx, 'refund_sla', 'rf_pol', 'rf', { p: 'rf', kind: 'g_kind', seconds: 'g_s', days: 'g_days', calendar: 'g_cal', start: 'start_at', stop: 'completed_at' }),
    ],
    relation: 'rf',
  };
}

export const refundUnits: UnitFamily = {
  name: 'refunds',
  metrics: { sla_refund: { state: 's_rf', deadline: 'rf_due', stop: 'rf_stop', uses: ['refund_sla'] } },
  extraDimensions: [],
  // A refund reads its ticket's facts (attributes, opened).
  inputsOf: (keys) => ({
    fact_refunds: `SELECT * FROM fact_refunds WHERE (ticket_id, seq) IN (SELECT (id, seq) FROM ${keys})`,
    fact_tickets: `SELECT * FROM fact_tickets WHERE ticket_id IN (SELECT id FROM ${keys})`,
  }),
  touched: (d) => touchedByTicket(`SELECT 'ticket' AS kind, ticket_id AS id, seq FROM fact_refunds WHERE ticket_id IN (SELECT ticket_id FROM ${d.tickets})`, d),
  build,
};
