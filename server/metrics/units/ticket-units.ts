/**
 * Tickets (fact_tickets), placed by their opened event. Metrics:
 *
 * - followup_silence_rate: each follow-up customer_message seen by as_of is
 *   unanswered when as_of has reached message + window and no agent reply came in
 *   [message, message + window], answered when a reply came by min(end, as_of).
 *   A ticket is in the numerator as soon as one is unanswered, in the denominator
 *   only when all are answered, pending otherwise; without follow-ups it is left out.
 * - template_only_rate: over tickets with an agent reply in [opened, opened +
 *   window] seen by as_of. Not template-only (denominator only) as soon as an
 *   untemplated reply or a resolved event within the window is seen; template-only
 *   (numerator) when the window has closed without either; pending before that.
 * - sla_first_response: opened → first agent_reply; sla_resolution: opened → first
 *   resolved minus paused time (sla-state.ts), against the target of the ticket's
 *   channel and priority in the policy in force at opened.
 *
 * Attributes (channel, priority, category, agent) are their values as of as_of
 * (ticket-attrs-asof.ts); they also pick the window and the SLA target.
 */
import type { BuildContext } from '../build-context.ts';
import { clockOf, windowStep } from '../calendar-steps.ts';
import { slaSteps } from './sla-state.ts';
import { attrAsOf, ticketAttrsAsOfCte } from './ticket-attrs-asof.ts';
import { inList, input, onlyUnits, touchedByTicket, type Restriction, type UnitFamily, NUM, DEN, PENDING } from './unit-family.ts';

function build(ctx: BuildContext, only?: Restriction) {
  const A = ctx.asOf;
  const silence = ctx.continuous('silence');
  const win = ctx.silenceWindow('b.pv', 'b.channel');
  // Paused working seconds on the resolution target's calendar, clipped to [opened, stop or as_of].
  const pauseStart = clockOf('x.rs_cal', 'x.ps', 'pa', ctx.continuous('ticket_sla', 'duration'));
  const pauseEnd = clockOf('x.rs_cal', 'x.pe', 'pb', ctx.continuous('ticket_sla', 'duration'));
  return {
    ctes: [
      ticketAttrsAsOfCte(ctx, 'tk_asof'),
      `tk_base AS (
        SELECT 'ticket' AS kind, t.ticket_id AS id, NULL::INTEGER AS seq, t.opened_at AS start_at, ${attrAsOf('t', 'a', 'channel')} AS channel,
          NULL::VARCHAR AS queue, ${attrAsOf('t', 'a', 'priority')} AS priority, ${attrAsOf('t', 'a', 'category')} AS category,
          ${attrAsOf('t', 'a', 'agent')} AS agent, NULL::VARCHAR AS source, t.customer_id AS customer_key, ${attrAsOf('t', 'a', 'order_id')} AS order_id,
          t.first_reply_at, t.first_untemplated_reply_at, t.first_resolved_at, t.pauses,
          ${ctx.versionAt('t.opened_at')} AS pv
        FROM ${input(only?.tables, 'fact_tickets')} t LEFT JOIN tk_asof a ON a.ticket_id = t.ticket_id
        WHERE t.opened_at >= ${ctx.from} AND t.opened_at < ${ctx.to} AND t.opened_at <= ${A} AND ${onlyUnits(only, "'ticket'", 't.ticket_id')})`,
      `tk_pol AS (
        SELECT b.*, ${win.seconds} AS win_s, ${win.calendar} AS win_cal,
          fr.kind AS fr_kind, fr.seconds AS fr_s, fr.days AS fr_days, fr.calendar AS fr_cal,
          rs.kind AS rs_kind, rs.seconds AS rs_s, rs.days AS rs_days, rs.calendar AS rs_cal
        FROM tk_base b
        LEFT JOIN policy_sla_targets fr ON fr.version = b.pv AND fr.channel = b.channel AND fr.priority = b.priority AND fr.metric = 'first_response'
        LEFT JOIN policy_sla_targets rs ON rs.version = b.pv AND rs.channel = b.channel AND rs.priority = b.priority AND rs.metric = 'resolution')`,
      ...windowStep({ name: 'tk_win', input: 'tk_pol', at: 'start_at', seconds: 'win_s', calendar: 'win_cal', out: 'win_end', continuous: silence }),
      // Follow-ups seen by as_of, each with the end of its own window.
      `tk_fm AS (
        SELECT f.ticket_id, f.message_at, f.next_reply_at, w.win_s, w.win_cal
        FROM ${input(only?.tables, 'fact_followups')} f JOIN tk_win w ON w.id = f.ticket_id
        -- a follow-up comes after its ticket's opened: the lower bound lets DuckDB skip row groups
        WHERE f.message_at >= ${ctx.from} AND f.message_at <= ${A})`,
      ...windowStep({ name: 'tk_fw', input: 'tk_fm', at: 'message_at', seconds: 'win_s', calendar: 'win_cal', out: 'msg_end', continuous: silence }),
      `tk_fu AS (
        SELECT ticket_id, count(*) AS fu_n,
          count(*) FILTER (${A} >= msg_end AND NOT coalesce(next_reply_at <= msg_end, false)) AS fu_unanswered,
          count(*) FILTER (next_reply_at <= least(msg_end, ${A})) AS fu_answered,
          min(msg_end) FILTER (${A} >= msg_end AND NOT coalesce(next_reply_at <= msg_end, false)) AS fu_missed_end,
          min(msg_end) FILTER (NOT coalesce(next_reply_at <= least(msg_end, ${A}), false)) AS fu_open_end
        FROM tk_fw GROUP BY ticket_id)`,
      `tk_pz AS (
        SELECT id, rs_cal, greatest(p.s, start_at) AS ps,
          least(coalesce(p.e, stop_or_now), stop_or_now) AS pe
        FROM (SELECT id, rs_cal, start_at, unnest(pauses) AS p,
                CASE WHEN first_resolved_at <= ${A} THEN first_resolved_at ELSE ${A} END AS stop_or_now
              FROM tk_win WHERE len(pauses) > 0))`,
      `tk_paused AS (
        SELECT x.id, sum(CASE WHEN x.pe > x.ps THEN (${pauseEnd.clock}) - (${pauseStart.clock}) ELSE 0 END) AS paused_s
        FROM tk_pz x ${pauseStart.joins} ${pauseEnd.joins}
        GROUP BY x.id)`,
      `tk_j AS (
        SELECT w.*, u.fu_n, u.fu_unanswered, u.fu_answered, u.fu_missed_end, u.fu_open_end, p.paused_s
        FROM tk_win w LEFT JOIN tk_fu u ON u.ticket_id = w.id LEFT JOIN tk_paused p ON p.id = w.id)`,
      ...slaSteps(ctx, 'ticket_sla', 'tk_j', 'tk_fr', { p: 'fr', kind: 'fr_kind', seconds: 'fr_s', days: 'fr_days', calendar: 'fr_cal', start: 'start_at', stop: 'first_reply_at' }),
      ...slaSteps(ctx, 'ticket_sla', 'tk_fr', 'tk_rs', { p: 'rs', kind: 'rs_kind', seconds: 'rs_s', days: 'rs_days', calendar: 'rs_cal', start: 'start_at', stop: 'first_resolved_at', paused: 'paused_s' }),
      `tk AS (
        SELECT *,
          CASE
            WHEN coalesce(fu_n, 0) = 0 THEN NULL
            WHEN fu_unanswered > 0 THEN ${NUM}
            WHEN fu_answered = fu_n THEN ${DEN}
            ELSE ${PENDING}
          END AS s_followup_silence_rate,
          CASE WHEN fu_unanswered > 0 THEN fu_missed_end ELSE fu_open_end END AS followup_deadline,
          CASE
            WHEN NOT coalesce(first_reply_at <= least(win_end, ${A}), false) THEN NULL
            WHEN coalesce(first_untemplated_reply_at <= least(win_end, ${A}), false)
              OR coalesce(first_resolved_at <= least(win_end, ${A}), false) THEN ${DEN}
            WHEN ${A} >= win_end THEN ${NUM}
            ELSE ${PENDING}
          END AS s_template_only_rate,
          CASE WHEN first_reply_at <= ${A} THEN first_reply_at END AS reply_seen
        FROM tk_rs)`,
    ],
    relation: 'tk',
  };
}

export const ticketUnits: UnitFamily = {
  name: 'tickets',
  metrics: {
    followup_silence_rate: { state: 's_followup_silence_rate', deadline: 'followup_deadline', uses: ['silence'] },
    template_only_rate: { state: 's_template_only_rate', deadline: 'win_end', stop: 'reply_seen', uses: ['silence'] },
    sla_first_response: { state: 's_fr', deadline: 'fr_due', stop: 'fr_stop', uses: ['ticket_sla'] },
    sla_resolution: { state: 's_rs', deadline: 'rs_due', stop: 'rs_stop', uses: ['ticket_sla'] },
  },
  extraDimensions: [],
  // A ticket's units read its own facts only (followups, pauses, attributes).
  inputsOf: (keys) => ({
    fact_tickets: `SELECT * FROM fact_tickets WHERE ticket_id IN (SELECT id FROM ${keys})`,
    fact_followups: `SELECT * FROM fact_followups WHERE ticket_id IN (SELECT id FROM ${keys})`,
  }),
  touched: (d) => touchedByTicket(`SELECT 'ticket' AS kind, ticket_id AS id, NULL::INTEGER AS seq FROM fact_tickets WHERE ticket_id IN (SELECT ticket_id FROM ${d.tickets})`, d),
  build,
};
