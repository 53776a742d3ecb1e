/**
 * Contacts (METRICS.md "Contacts"): every call attempt that is not a short
 * abandon, every ticket, every complaint, from fact_contacts. Metrics:
 *
 * - silence_rate: a ticket is silent when no agent reply comes in [opened,
 *   opened + window]; an unanswered call when its customer gets no human
 *   response on any channel in (started_at, started_at + window]; a complaint
 *   when it has no first response by its deadline. Silent = as_of has reached the
 *   deadline with no response by it; not silent = a response by min(deadline,
 *   as_of); otherwise pending. An answered call is not silent once its answer
 *   instant has come (before that, at an as_of inside its queue wait, pending).
 *   fact_contacts.first_response_at is the first response at or after a ticket's
 *   opened, strictly after a call's start (its own answer for an answered call),
 *   and a complaint's own first_response_at.
 * - complaint_rate: complaints ÷ contacts (all kinds), per 1,000.
 *
 * The window is the silence window of the contact's channel in the policy in
 * force at its start; a complaint's deadline comes from complaint-deadlines.ts.
 *
 * Pending at the horizon W (every event seen, so no response at all: one by W would
 * have decided it), a unit stays pending with every column unchanged until its
 * silence_deadline (decidedBy); an answered call is never pending then.
 */
import { attrAsOf, ticketAttrsAsOfCte } from './ticket-attrs-asof.ts';
import type { BuildContext } from '../build-context.ts';
import { windowStep } from '../calendar-steps.ts';
import { complaintDeadlines } from './complaint-deadlines.ts';
import { inList, input, onlyUnits, touchedByCustomer, type Restriction, type UnitFamily, type UnitRelation, NUM, DEN, PENDING } from './unit-family.ts';

export interface ContactRange {
  /** CTE name prefix (two contact relations can share one query). */
  name: string;
  /** SQL instants bounding start_at: [min, max). */
  min: string;
  max: string;
  /** Extra condition on fact_contacts f. */
  where?: string;
  /** Leave complaints out (silence before complaint looks at calls and tickets only). */
  withoutComplaints?: boolean;
  /** Copies of input tables to read instead (Restriction.tables). */
  tables?: Restriction['tables'];
}

/** The contact relation; silence_before_complaint reuses it over its look-back range. */
export function contactRelation(ctx: BuildContext, r: ContactRange): UnitRelation {
  const A = ctx.asOf;
  const n = r.name;
  const win = ctx.silenceWindow('b.pv', 'b.channel');
  const deadlines = r.withoutComplaints ? undefined : complaintDeadlines(ctx, `${n}_cd`, r.min, r.max);
  return {
    ctes: [
      ...(deadlines?.ctes ?? []),
      ticketAttrsAsOfCte(ctx, `${n}_asof`),
      `${n}_base AS (
        SELECT f.kind, f.contact_id AS id, NULL::INTEGER AS seq, f.started_at AS start_at, ${attrAsOf('f', 'a', 'channel')} AS channel, f.queue,
          ${attrAsOf('f', 'a', 'priority')} AS priority, ${attrAsOf('f', 'a', 'category')} AS category, ${attrAsOf('f', 'a', 'agent')} AS agent,
          f.source, f.customer_key, ${attrAsOf('f', 'a', 'order_id')} AS order_id, f.outcome, f.wait_s, f.first_response_at,
          ${ctx.versionAt('f.started_at')} AS pv
        -- a ticket's attributes as of as_of (ticket-attrs-asof.ts); kind in the join key keeps it a hash join
        FROM ${input(r.tables, 'fact_contacts')} f LEFT JOIN ${n}_asof a ON a.kind = f.kind AND a.ticket_id = f.contact_id
        WHERE f.started_at >= ${r.min} AND f.started_at < ${r.max} AND f.started_at <= ${A}
          ${r.withoutComplaints ? "AND f.kind <> 'complaint'" : ''} ${r.where ? `AND ${r.where}` : ''})`,
      `${n}_pol AS (
        SELECT b.*, ${win.seconds} AS win_s, ${win.calendar} AS win_cal, ${deadlines ? 'cd.deadline' : 'NULL::TIMESTAMPTZ'} AS complaint_deadline
        FROM ${n}_base b
        ${deadlines ? `LEFT JOIN (SELECT 'complaint' AS kind, * FROM ${deadlines.relation}) cd ON cd.kind = b.kind AND cd.complaint_id = b.id` : ''}
        -- short abandons are call attempts but not contacts
        WHERE NOT (b.kind = 'call' AND b.outcome = 'abandoned' AND coalesce(b.wait_s < ${ctx.setting('short_abandon_s', 'b.pv')}, false)))`,
      ...windowStep({ name: `${n}_win`, input: `${n}_pol`, at: 'start_at', seconds: 'win_s', calendar: 'win_cal', out: 'win_end', continuous: ctx.continuous('silence') }),
      `${n} AS (
        SELECT x.*,
          CASE
            WHEN x.kind = 'call' AND x.outcome = 'answered' THEN CASE WHEN x.first_response_at <= ${A} THEN ${DEN} ELSE ${PENDING} END
            WHEN x.silence_deadline IS NULL THEN ${PENDING}
            WHEN x.first_response_at <= least(x.silence_deadline, ${A}) THEN ${DEN}
            WHEN ${A} >= x.silence_deadline THEN ${NUM}
            ELSE ${PENDING}
          END AS s_silence_rate,
          CASE WHEN x.kind = 'complaint' THEN ${NUM} ELSE ${DEN} END AS s_complaint_rate,
          CASE WHEN x.first_response_at <= ${A} THEN x.first_response_at END AS response_seen
        FROM (SELECT *, CASE WHEN kind = 'complaint' THEN complaint_deadline ELSE win_end END AS silence_deadline FROM ${n}_win) x)`,
    ],
    relation: n,
  };
}

export const contactUnits: UnitFamily = {
  name: 'contacts',
  metrics: {
    silence_rate: { state: 's_silence_rate', deadline: 'silence_deadline', stop: 'response_seen', uses: ['silence', 'complaint_deadline'], decidedBy: 'silence_deadline' },
    complaint_rate: { state: 's_complaint_rate', uses: [] },
  },
  extraDimensions: [],
  // A contact's first response comes from its customer's contacts (a complaint's deadline from
  // its own row: a changed complaint's customer is among the refresh's keys too).
  touched: (d) => touchedByCustomer(`SELECT kind, contact_id AS id, NULL::INTEGER AS seq FROM fact_contacts WHERE customer_key IN (SELECT customer_key FROM ${d.keys})`, d),
  build: (ctx, only) => contactRelation(ctx, { name: 'ct', min: ctx.from, max: ctx.to, where: onlyUnits(only, 'f.kind', 'f.contact_id'), tables: only?.tables }),
  inputsOf: (keys) => ({ fact_contacts: `SELECT * FROM fact_contacts WHERE (kind, contact_id) IN (SELECT (kind, id) FROM ${keys})` }),
};
