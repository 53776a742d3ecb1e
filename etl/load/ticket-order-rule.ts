/**
 * FORMATS.md section 2: "a ticket's first event by time must be opened (events
 * before it are rejected with that reason)". Events arrive in any order across
 * files, so the rule is applied against everything known so far:
 *  - a new event earlier than its ticket's `opened` (stored or in this file) fails;
 *  - events of a ticket whose `opened` has not arrived yet are kept (the ticket is
 *    not a contact until it is opened);
 *  - stored events that turn out to precede a late-arriving `opened` are
 *    *retracted*: moved to etl_rejects under this run, naming the run that had
 *    loaded them (that run's counts stay as they were when it finished).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { runQuery } from '../../server/db/run-sql.ts';
import type { RuleSpec } from '../sources/source-spec.ts';
import type { LandingRelation } from '../read/land-file.ts';
import { VALID } from './stage-rows.ts';
import { lit } from './typed-columns.ts';

/** A stored ticket event, with the format's column names, for the raw row of a retraction. */
const TYPED_ROW_JSON = `to_json(struct_pack(ticket_id, event_id,
  "at" := strftime(timezone('UTC', event_at), '%Y-%m-%dT%H:%M:%S.%fZ'), "type", channel, actor,
  customer_id, order_id, category, priority, status, template_id, amount, extra))`;

export const BEFORE_OPENED_RULE: RuleSpec = {
  id: 'before_opened',
  message: "the event is earlier than its ticket's opened event",
  // Evaluated across rows by applyTicketOrderRule, not per row.
  failsWhen: 'false',
};

/** Marks new events that precede their ticket's opening; returns how many stored events it retracted. */
export async function applyTicketOrderRule(c: DuckDBConnection, ruleIndex: number, runId: number, land: LandingRelation): Promise<number> {
  await c.run(`CREATE OR REPLACE TEMP TABLE ticket_opened AS
    SELECT ticket_id AS opened_ticket, min(event_at) AS opened_at FROM (
      -- stored opened events, except those this file replaces with a new version
      SELECT ticket_id, event_at FROM ticket_events
      WHERE "type" = 'opened' AND ticket_id IN (SELECT ticket_id FROM staged)
        AND event_key NOT IN (SELECT _key FROM staged WHERE ${VALID})
      UNION ALL
      SELECT ticket_id, event_at FROM staged WHERE "type" = 'opened' AND ${VALID}
    ) GROUP BY ticket_id`);
  await c.run(`UPDATE staged SET _late_rule = ${ruleIndex}
    FROM ticket_opened o
    WHERE staged.ticket_id = o.opened_ticket AND staged.event_at < o.opened_at AND staged._fails IS NULL AND staged._late_rule IS NULL`);
  await keepRawText(c, land);
  return retractStored(c, runId);
}

/**
 * Staging keeps the raw text only of rows that failed there; for the (rare) rows
 * this rule rejects, the file is read once more to fetch theirs. Row numbers in
 * reading order match the staged rowids (blank lines are skipped by both).
 */
async function keepRawText(c: DuckDBConnection, land: LandingRelation): Promise<void> {
  const [late] = await runQuery<{ n: number }>(c, 'SELECT count(*) AS n FROM staged WHERE _late_rule IS NOT NULL');
  if (!late?.n) return;
  await c.run(`UPDATE staged SET _raw = r.raw_text
    FROM (
      SELECT row_number() OVER () - 1 AS rn, ${land.rawJsonExpr} AS raw_text
      FROM (SELECT ${land.projections.join(', ')} FROM ${land.from})
    ) r
    WHERE staged.rowid = r.rn AND staged._late_rule IS NOT NULL`);
}

async function retractStored(c: DuckDBConnection, runId: number): Promise<number> {
  await c.run(`CREATE OR REPLACE TEMP TABLE retracted AS
    SELECT e.* FROM ticket_events e JOIN ticket_opened o ON e.ticket_id = o.opened_ticket
    WHERE e.event_at < o.opened_at
      -- a stored event this file brings a new version of is replaced, not retracted
      AND e.event_key NOT IN (SELECT _key FROM staged WHERE ${VALID})`);
  const [row] = await runQuery<{ n: number }>(c, 'SELECT count(*) AS n FROM retracted');
  const n = row?.n ?? 0;
  if (n === 0) return 0;
  await c.run(`INSERT INTO etl_rejects (run_id, kind, source_line, rule, rules, message, raw, retracted_from_run)
    SELECT ${runId}, 'ticket_events', source_line, ${lit(BEFORE_OPENED_RULE.id)}, [${lit(BEFORE_OPENED_RULE.id)}],
      ${lit(BEFORE_OPENED_RULE.message)},
      ${TYPED_ROW_JSON},
      run_id
    FROM retracted ORDER BY run_id, source_line`);
  await c.run('INSERT INTO facts_dirty_tickets SELECT DISTINCT ticket_id FROM retracted');
  await c.run('DELETE FROM ticket_events WHERE event_key IN (SELECT event_key FROM retracted)');
  return n;
}
