/**
 * Call attempts (every row of `calls`; METRICS.md "Phone (queue) metrics"),
 * placed by started_at. A call's outcome is known once its queue wait is over
 * (started_at + wait_s; at once for a call that never queued): before that, at an
 * as_of inside the wait, it is pending for every phone rate. Short abandons
 * (abandoned with wait_s < short_abandon_s) and line failures (busy, unreachable)
 * are not offered. Settings are the policy's in force at started_at.
 */
import type { BuildContext } from '../build-context.ts';
import { CALL_KEY } from '../../../etl/facts/customer-key.ts';
import { waitBandSql } from '../derived-dimensions.ts';
import { input, onlyUnits, plusSeconds, type Restriction, type UnitFamily, NUM, DEN, PENDING } from './unit-family.ts';

/** State of an "x ÷ offered" rate. */
const offeredRate = (numerator: string) => `CASE WHEN NOT known THEN ${PENDING} WHEN NOT offered THEN NULL WHEN ${numerator} THEN ${NUM} ELSE ${DEN} END`;

function build(ctx: BuildContext, only?: Restriction) {
  const A = ctx.asOf;
  return {
    ctes: [
      `cl_base AS (
        SELECT 'call' AS kind, call_id AS id, NULL::INTEGER AS seq, started_at AS start_at, 'phone' AS channel, queue, priority,
          category, agent_id AS agent, NULL::VARCHAR AS source, ${CALL_KEY} AS customer_key, order_id, outcome, wait_s,
          callback_requested_at, callback_at, ${ctx.versionAt('started_at')} AS pv
        FROM ${input(only?.tables, 'calls')} WHERE started_at >= ${ctx.from} AND started_at < ${ctx.to} AND started_at <= ${A} AND ${onlyUnits(only, "'call'", 'call_id')})`,
      `cl_x AS (
        SELECT b.*, ${ctx.setting('answer_target_s', 'b.pv')} AS answer_target_s, ${ctx.setting('callback_trigger_s', 'b.pv')} AS callback_trigger_s,
          -- epoch arithmetic: adding an INTERVAL to a TIMESTAMPTZ goes through ICU and was the slowest part
          coalesce(epoch_us(b.start_at) + TRY_CAST(round(coalesce(b.wait_s, 0) * 1000000) AS BIGINT) <= epoch_us(${A}), false) AS known,
          b.outcome IN ('busy', 'unreachable') AS line_failure,
          b.outcome = 'abandoned' AND coalesce(b.wait_s < ${ctx.setting('short_abandon_s', 'b.pv')}, false) AS short_abandon,
          ${plusSeconds('b.callback_requested_at', ctx.setting('callback_target_s', 'b.pv'))} AS callback_due
        FROM cl_base b)`,
      `cl AS (
        SELECT *,
          ${NUM} AS s_attempts,
          CASE WHEN NOT known THEN ${PENDING} WHEN line_failure THEN ${NUM} ELSE ${DEN} END AS s_unreachable_rate,
          CASE WHEN NOT known THEN ${PENDING} WHEN offered THEN ${NUM} END AS s_offered,
          ${offeredRate("outcome = 'answered'")} AS s_answer_rate,
          ${offeredRate("outcome = 'abandoned'")} AS s_abandon_rate,
          ${offeredRate("outcome = 'timeout'")} AS s_timeout_rate,
          ${offeredRate("outcome = 'callback'")} AS s_callback_rate,
          ${offeredRate("outcome = 'answered' AND wait_s <= answer_target_s")} AS s_service_level,
          CASE WHEN outcome <> 'answered' THEN NULL WHEN known THEN ${NUM} ELSE ${PENDING} END AS s_answered,
          CASE
            WHEN callback_requested_at IS NULL OR callback_requested_at > ${A} THEN NULL
            WHEN callback_at <= least(callback_due, ${A}) THEN ${NUM}
            WHEN ${A} >= callback_due THEN ${DEN}
            ELSE ${PENDING}
          END AS s_callback_kept,
          CASE
            WHEN NOT known THEN ${PENDING}
            WHEN line_failure OR short_abandon OR outcome = 'answered' OR NOT coalesce(wait_s >= callback_trigger_s, false) THEN NULL
            WHEN callback_requested_at <= ${A} THEN ${DEN}
            ELSE ${NUM}
          END AS s_callback_missed_obligation,
          CASE WHEN callback_at <= ${A} THEN callback_at END AS callback_seen,
          CASE WHEN known THEN ${waitBandSql('wait_s')} END AS wait_band
        FROM (SELECT *, NOT line_failure AND NOT short_abandon AS offered FROM cl_x))`,
    ],
    relation: 'cl',
  };
}

const rate = (state: string) => ({ state, uses: [] });

export const callUnits: UnitFamily = {
  name: 'calls',
  metrics: {
    attempts: rate('s_attempts'),
    unreachable_rate: rate('s_unreachable_rate'),
    offered: rate('s_offered'),
    answer_rate: rate('s_answer_rate'),
    abandon_rate: rate('s_abandon_rate'),
    timeout_rate: rate('s_timeout_rate'),
    callback_rate: rate('s_callback_rate'),
    service_level: rate('s_service_level'),
    asa: { state: 's_answered', value: 'wait_s', uses: [] },
    asa_p50: { state: 's_answered', value: 'wait_s', uses: [] },
    asa_p90: { state: 's_answered', value: 'wait_s', uses: [] },
    callback_kept: { state: 's_callback_kept', deadline: 'callback_due', stop: 'callback_seen', uses: [] },
    callback_missed_obligation: rate('s_callback_missed_obligation'),
  },
  extraDimensions: ['wait_band'],
  // A call's units read its own row only, and a load changes a call only by writing it
  // again under its call_id (etl/load/upsert.ts): the calls of the runs are all that changed.
  inputsOf: (keys) => ({ calls: `SELECT * FROM calls WHERE call_id IN (SELECT id FROM ${keys})` }),
  touched: (d) => ({ units: `SELECT 'call' AS kind, call_id AS id, NULL::INTEGER AS seq FROM calls WHERE run_id IN (SELECT run_id FROM ${d.runs})`, stored: 'false' }),
  build,
};
