/**
 * The SQL of a metric aggregate over a family's unit relation (summaries and
 * series), and the numbers read back from its row. Percentiles aggregate the
 * rows; the other shapes group by states first, adding a snapshot's rollup
 * groups where it serves.
 */
import type { BuildContext } from './build-context.ts';
import type { Compiled } from './metric-compile.ts';
import { filterSql } from './metric-compile.ts';
import type { Dimension } from './metric-types.ts';
import { familyRows, rollupRange, rollupRows, type RollupRange } from './snapshot/snapshot-read.ts';
import { sumColumn } from './snapshot/snapshot-shape.ts';
import type { Snapshots } from './snapshot/snapshot-validity.ts';
import type { UnitFamily } from './units/unit-family.ts';

export interface MetricNumbers {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  pending: number;
}

const q = (s: string) => `"${s}"`;

/**
 * Percentiles, computed straight over a relation's rows (they need every value):
 * an inner select with one list quantile per (value, state) pair, so asa_p50 and
 * asa_p90 collect and order the waits once (a quantile per metric took 1.6x as
 * long), and an outer one giving each metric its columns `<id>.val`, `.num`,
 * `.den`, `.pend`. `keys` pass through (series).
 */
function percentileSelect(metrics: Compiled[], relation: string, where: string, keyCols: string[], keyNames: string[]): string {
  const pairs = [...new Set(metrics.map((c) => `${c.cols.value}|${c.cols.state}`))];
  const inner = pairs.map((pair, i) => {
    const [value, state] = pair.split('|') as [string, string];
    const ps = metrics.filter((c) => `${c.cols.value}|${c.cols.state}` === pair).map((c) => c.def.percentile);
    return `quantile_cont(${value}, [${ps.join(', ')}]) FILTER (${state} = 1) AS __q${i}, count(*) FILTER (${state} = 1) AS __den${i}, count(*) FILTER (${state} = 3) AS __pend${i}`;
  });
  const outer = metrics.map((c) => {
    const pair = `${c.cols.value}|${c.cols.state}`;
    const i = pairs.indexOf(pair);
    const k = metrics.filter((m) => `${m.cols.value}|${m.cols.state}` === pair).indexOf(c) + 1;
    const id = c.def.id;
    return `__q${i}[${k}] AS ${q(`${id}.val`)}, NULL::BIGINT AS ${q(`${id}.num`)}, __den${i} AS ${q(`${id}.den`)}, __pend${i} AS ${q(`${id}.pend`)}`;
  });
  const group = keyNames.length ? 'GROUP BY ALL' : '';
  return `SELECT ${[...keyNames, ...outer].join(', ')} FROM (SELECT ${[...keyCols, ...inner].join(', ')} FROM ${relation} WHERE ${where} ${group})`;
}

/**
 * The other shapes in two steps: the rows are first grouped by the metrics' state
 * columns (a few dozen combinations, with the row count and value sums), then
 * each metric sums the groups in its states. One GROUP BY over the states took
 * half the time of one FILTER aggregate per metric and state over the rows.
 * `keys` are extra grouping columns (period key, group) kept through both steps.
 */
function groupedSelect(metrics: Compiled[], relation: string, where: string, keys: string[], rollup?: string): { inner: string; outer: string } {
  const states = [...new Set(metrics.map((c) => c.cols.state))];
  const values = [...new Set(metrics.filter((c) => c.def.shape === 'sum' || c.def.shape === 'mean').map((c) => c.cols.value!))];
  const head = [...keys, ...states].join(', ');
  let inner = `SELECT ${head}, count(*) AS __n${values.map((v) => `, sum(${v}) AS ${q(sumColumn(v))}`).join('')}
    FROM ${relation} WHERE ${where} GROUP BY ALL`;
  // A snapshot's rollup rows are already groups of these states: their counts and sums add up.
  if (rollup) {
    inner += `\n    UNION ALL BY NAME SELECT ${head}, sum(__n) AS __n${values.map((v) => `, sum(${q(sumColumn(v))}) AS ${q(sumColumn(v))}`).join('')}
    FROM ${rollup} WHERE ${where} GROUP BY ALL`;
  }
  const outer = metrics.map((c) => {
    const st = c.cols.state;
    const id = c.def.id;
    const count = (cond: string) => `coalesce(sum(__n) FILTER (${cond}), 0)`;
    const pend = `${count(`${st} = 3`)} AS ${q(`${id}.pend`)}`;
    switch (c.def.shape) {
      case 'rate':
        return `${count(`${st} = 1`)} AS ${q(`${id}.num`)}, ${count(`${st} IN (1, 2)`)} AS ${q(`${id}.den`)}, ${pend}`;
      case 'count':
        return `${count(`${st} = 1`)} AS ${q(`${id}.num`)}, NULL::BIGINT AS ${q(`${id}.den`)}, ${pend}`;
      default: // sum, mean
        return `coalesce(sum(${q(sumColumn(c.cols.value!))}) FILTER (${st} = 1), 0) AS ${q(`${id}.num`)}, ${count(`${st} = 1`)} AS ${q(`${id}.den`)}, ${pend}`;
    }
  });
  return { inner, outer: outer.join(', ') };
}

export function numbersFrom(c: Compiled, row: Record<string, unknown>): MetricNumbers {
  const id = c.def.id;
  const n = (k: string) => (row[`${id}.${k}`] === null || row[`${id}.${k}`] === undefined ? null : Number(row[`${id}.${k}`]));
  const numerator = n('num');
  const denominator = n('den');
  const pending = n('pend') ?? 0;
  let value: number | null;
  switch (c.def.shape) {
    case 'rate':
      value = denominator ? (numerator ?? 0) / denominator : null;
      if (value !== null && c.def.unit === 'per_1000') value *= 1000;
      break;
    case 'count':
    case 'sum':
      value = numerator ?? 0;
      break;
    case 'mean':
      value = denominator ? (numerator ?? 0) / denominator : null;
      break;
    case 'percentile':
      value = n('val');
      break;
  }
  return { value, numerator, denominator, pending };
}

/**
 * Statements of an aggregate over a family's relation: one for the percentiles,
 * one (grouped by states) for the rest. `keys` are the grouping columns of a
 * series (period key `k`, group `g`), empty for a summary; `dims` the dimensions
 * the filters and the group use (whether the rollup can serve).
 */
export function aggregateStatements(ctx: BuildContext, family: UnitFamily, metrics: Compiled[], snapshots: Snapshots, keys: { k?: string; g?: string } = {}, dims: Dimension[] = []) {
  const snapshot = snapshots.get(family.name);
  const where = filterSql(ctx);
  const keyCols = [...(keys.k ? [`${keys.k} AS k`] : []), ...(keys.g ? [`${keys.g} AS g`] : [])];
  const keyNames = [...(keys.k ? ['k'] : []), ...(keys.g ? ['g'] : [])];
  const groupTail = keyNames.length ? 'GROUP BY ALL' : '';
  const withKeys = (relation: string) => (keyCols.length ? `(SELECT *, ${keyCols.join(', ')} FROM ${relation})` : relation);
  const out: { metrics: Compiled[]; sql: string }[] = [];
  const percentiles = metrics.filter((c) => c.def.shape === 'percentile');
  const others = metrics.filter((c) => c.def.shape !== 'percentile');
  if (percentiles.length) {
    const r = familyRows(ctx, family, snapshot);
    out.push({ metrics: percentiles, sql: `WITH ${r.ctes.join(',\n')}\n${percentileSelect(percentiles, r.relation, where, keyCols, keyNames)}` });
  }
  if (others.length) {
    const roll: RollupRange | null = snapshot ? rollupRange(ctx, family, dims, !!keys.k) : null;
    const r = familyRows(ctx, family, snapshot, roll ?? undefined);
    const g = groupedSelect(others, withKeys(r.relation), where, keyNames, roll ? withKeys(rollupRows(family, roll)) : undefined);
    out.push({ metrics: others, sql: `WITH ${r.ctes.join(',\n')},\n__grouped AS (${g.inner})\nSELECT ${[...keyNames, g.outer].join(', ')} FROM __grouped ${groupTail}` });
  }
  return out;
}
