/**
 * The metric engine: summary, series and case lists for any metric id of
 * METRICS.md, as of an instant, over [from, to) with filters. Every answer reads
 * the same unit relation of the metric's family (units/), so a summary, its series
 * summed over periods and its case lists agree by construction; only the
 * aggregation differs. All work is in DuckDB; JS shapes small results.
 */
import type { Warehouse } from '../db/warehouse.ts';
import { BadParameter } from '../http/errors.ts';
import { loadBuildContext, type BuildContext } from './build-context.ts';
import { findMetric, METRICS } from './metric-definitions.ts';
import type { MetricScope } from './metric-scope.ts';
import type { Dimension, MetricDefinition } from './metric-types.ts';
import { dimensionSql } from './derived-dimensions.ts';
import { countPeriods, listPeriods, MAX_PERIODS, periodKeySql, type Grain } from './periods.ts';
import { FAMILIES } from './units/families.ts';
import { familyRows, rollupRange, rollupRows, type RollupRange } from './snapshot/snapshot-read.ts';
import { sumColumn } from './snapshot/snapshot-shape.ts';
import { readSnapshotState, usableSnapshots, type Snapshots } from './snapshot/snapshot-validity.ts';
import type { MetricColumns, UnitFamily } from './units/unit-family.ts';
import { inList, STATE_NAMES } from './units/unit-family.ts';

interface Compiled {
  def: MetricDefinition;
  family: UnitFamily;
  cols: MetricColumns;
}

function compile(def: MetricDefinition): Compiled {
  const family = FAMILIES.find((f) => f.metrics[def.id]);
  if (!family) throw new Error(`metric ${def.id} has no unit family (server/metrics/units)`);
  return { def, family, cols: family.metrics[def.id]! };
}

/** Every registered metric, compiled once: a metric without SQL fails at start, not at request time. */
const COMPILED = new Map(METRICS.map((m) => [m.id, compile(m)]));

export interface DefinitionRef {
  id: string;
  version: number;
  name: { zh: string; en: string };
}

export interface MetricNumbers {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  pending: number;
}

export interface MetricValue extends MetricNumbers {
  unit: MetricDefinition['unit'];
  definition: DefinitionRef;
  /** A working calendar the result depends on used a year without official holiday data (METRICS.md "Time"). */
  calendar_fallback: boolean;
}

export interface NotApplicable {
  not_applicable: { parameter: string; message: string };
  unit: MetricDefinition['unit'];
  definition: DefinitionRef;
}

const ref = (d: MetricDefinition): DefinitionRef => ({ id: d.id, version: d.version, name: d.name });

/** The compiled metric, or a 400 naming `param`. */
export function metricOr400(id: string | undefined, param = 'metric'): Compiled {
  if (!id) throw new BadParameter(param, `required: one of ${METRICS.map((m) => m.id).join(', ')}`);
  const c = COMPILED.get(id);
  if (!c) throw new BadParameter(param, `unknown metric ${JSON.stringify(id)}; one of ${METRICS.map((m) => m.id).join(', ')}`);
  return c;
}

/** The first filter whose dimension the metric does not have. */
function inapplicableFilter(def: MetricDefinition, scope: MetricScope): Dimension | undefined {
  return (Object.keys(scope.filters) as Dimension[]).find((d) => !def.dimensions.includes(d));
}

function notApplicableMessage(def: MetricDefinition, dim: Dimension): string {
  const dims = def.dimensions.length ? def.dimensions.join(', ') : 'none';
  return `${dim} does not apply to ${def.id} (its dimensions: ${dims})`;
}

/** For series and case lists: a filter that does not apply is a 400. */
function requireApplicableFilters(def: MetricDefinition, scope: MetricScope): void {
  const dim = inapplicableFilter(def, scope);
  if (dim) throw new BadParameter(dim, notApplicableMessage(def, dim));
}

function filterSql(ctx: BuildContext): string {
  const { scope } = ctx;
  const parts = Object.entries(scope.filters).map(([dim, values]) => inList(values!, dimensionSql(dim as Dimension, scope.timeZone, ctx.fixedOffsetMs)));
  return parts.length ? parts.join(' AND ') : 'true';
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

function numbersFrom(c: Compiled, row: Record<string, unknown>): MetricNumbers {
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

/** The request's build context and how it reads each family (from its snapshot, or live). */
async function prepare(wh: Warehouse, scope: MetricScope, families: readonly UnitFamily[]): Promise<{ ctx: BuildContext; snapshots: Snapshots }> {
  const [ctx, state] = await Promise.all([loadBuildContext(wh, scope), readSnapshotState(wh)]);
  return { ctx, snapshots: usableSnapshots(ctx, state, families) };
}

/**
 * Statements of an aggregate over a family's relation: one for the percentiles,
 * one (grouped by states) for the rest. `keys` are the grouping columns of a
 * series (period key `k`, group `g`), empty for a summary; `dims` the dimensions
 * the filters and the group use (whether the rollup can serve).
 */
function aggregateStatements(ctx: BuildContext, family: UnitFamily, metrics: Compiled[], snapshots: Snapshots, keys: { k?: string; g?: string } = {}, dims: Dimension[] = []) {
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

/** A family's relation with a select list and a tail (cases). */
function familySql(ctx: BuildContext, family: UnitFamily, snapshots: Snapshots, select: string, tail = ''): string {
  const r = familyRows(ctx, family, snapshots.get(family.name));
  return `WITH ${r.ctes.join(',\n')}\nSELECT ${select} FROM ${r.relation} WHERE ${filterSql(ctx)} ${tail}`;
}

/** Whether any working calendar the metrics depend on used a fallback year around the range. */
async function fallbackByMetric(wh: Warehouse, ctx: BuildContext, metrics: Compiled[]): Promise<Map<string, boolean>> {
  const calendarsOf = (c: Compiled) => [...new Set(c.cols.uses.flatMap((u) => ctx.workingCalendars(u)))];
  const all = [...new Set(metrics.flatMap(calendarsOf))];
  const out = new Map(metrics.map((m) => [m.def.id, false]));
  if (all.length === 0) return out;
  // Deadlines reach past `to` and look-backs before `from`: 60 days either side covers the defaults many times over.
  const rows = await wh.query<{ calendar_id: string }>(
    `SELECT DISTINCT calendar_id FROM calendar_days
     WHERE ${inList(all, 'calendar_id')} AND NOT official
       AND day_end > ${ctx.from} - INTERVAL 60 DAY AND day_start < least(${ctx.to}, ${ctx.asOf}) + INTERVAL 60 DAY`,
  );
  const flagged = new Set(rows.map((r) => r.calendar_id));
  for (const m of metrics) out.set(m.def.id, calendarsOf(m).some((c) => flagged.has(c)));
  return out;
}

function summaryPlan(ctx: BuildContext, ids: readonly string[] | undefined, snapshots: Snapshots) {
  const wanted = (ids ?? METRICS.map((m) => m.id)).map((id) => metricOr400(id, 'metrics'));
  const applicable = wanted.filter((c) => !inapplicableFilter(c.def, ctx.scope));
  const dims = Object.keys(ctx.scope.filters) as Dimension[];
  const statements = FAMILIES.flatMap((family) => {
    const mine = applicable.filter((c) => c.family === family);
    return mine.length ? aggregateStatements(ctx, family, mine, snapshots, {}, dims) : [];
  });
  return { wanted, applicable, statements };
}

/** The SQL statements a summary runs (one per unit family), for the benchmark's bare-SQL ratio. */
export async function summaryStatements(wh: Warehouse, scope: MetricScope, ids?: readonly string[]): Promise<string[]> {
  const { ctx, snapshots } = await prepare(wh, scope, FAMILIES);
  return summaryPlan(ctx, ids, snapshots).statements.map((s) => s.sql);
}

/** GET /api/metrics/summary: every requested metric over the whole range. */
export async function metricSummary(wh: Warehouse, scope: MetricScope, ids?: readonly string[]): Promise<Record<string, MetricValue | NotApplicable>> {
  const { ctx, snapshots } = await prepare(wh, scope, FAMILIES);
  const plan = summaryPlan(ctx, ids, snapshots);
  const [fallback, ...results] = await Promise.all([
    fallbackByMetric(wh, ctx, plan.applicable),
    ...plan.statements.map((s) => wh.query(s.sql)),
  ]);
  const rowOf = new Map<string, Record<string, unknown>>();
  plan.statements.forEach((s, i) => s.metrics.forEach((m) => rowOf.set(m.def.id, results[i]![0] ?? {})));
  const out: Record<string, MetricValue | NotApplicable> = {};
  for (const c of plan.wanted) {
    const dim = inapplicableFilter(c.def, scope);
    out[c.def.id] = dim
      ? { not_applicable: { parameter: dim, message: notApplicableMessage(c.def, dim) }, unit: c.def.unit, definition: ref(c.def) }
      : { ...numbersFrom(c, rowOf.get(c.def.id)!), unit: c.def.unit, definition: ref(c.def), calendar_fallback: fallback.get(c.def.id)! };
  }
  return out;
}

export interface SeriesRequest {
  metric: string;
  grain: Grain;
  groupBy?: Dimension;
}

export interface SeriesResult {
  metric: string;
  grain: Grain;
  group_by: Dimension | null;
  unit: MetricDefinition['unit'];
  definition: DefinitionRef;
  calendar_fallback: boolean;
  periods: { label: string; start: string; end: string }[];
  series: { group: string | null; points: (MetricNumbers & { period: string })[] }[];
}

/** GET /api/metrics/series: one metric per period (every period present), optionally per group. */
export async function metricSeries(wh: Warehouse, scope: MetricScope, req: SeriesRequest): Promise<SeriesResult> {
  const c = metricOr400(req.metric);
  requireApplicableFilters(c.def, scope);
  if (req.groupBy && !c.def.dimensions.includes(req.groupBy)) {
    throw new BadParameter('group_by', notApplicableMessage(c.def, req.groupBy));
  }
  const n = countPeriods(req.grain, scope.from, scope.to, scope.timeZone);
  if (n > MAX_PERIODS) throw new BadParameter('grain', `${n} ${req.grain} periods in the range; at most ${MAX_PERIODS}: use a coarser grain`);
  const { ctx, snapshots } = await prepare(wh, scope, [c.family]);
  const key = periodKeySql(req.grain, 'start_at', scope.timeZone, ctx.fixedOffsetMs);
  const g = req.groupBy ? dimensionSql(req.groupBy, scope.timeZone, ctx.fixedOffsetMs) : 'NULL::VARCHAR';
  const dims = [...(Object.keys(scope.filters) as Dimension[]), ...(req.groupBy ? [req.groupBy] : [])];
  const [statement] = aggregateStatements(ctx, c.family, [c], snapshots, { k: key, g }, dims);
  const [fallback, rows] = await Promise.all([fallbackByMetric(wh, ctx, [c]), wh.query<{ k: number; g: string | null }>(statement!.sql)]);
  const periods = listPeriods(req.grain, scope.from, scope.to, scope.timeZone);
  const byGroup = new Map<string | null, Map<number, Record<string, unknown>>>();
  if (!req.groupBy) byGroup.set(null, new Map());
  for (const row of rows) {
    const g = row.g === undefined ? null : row.g;
    if (!byGroup.has(g)) byGroup.set(g, new Map());
    byGroup.get(g)!.set(Number(row.k), row);
  }
  const empty = numbersFrom(c, {});
  const series = [...byGroup.entries()].map(([g, rowsByKey]) => {
    const points = periods.map((p) => {
      const row = rowsByKey.get(p.key);
      return { period: p.label, ...(row ? numbersFrom(c, row) : { ...empty, numerator: c.def.shape === 'percentile' ? null : 0, denominator: c.def.shape === 'count' ? null : 0 }) };
    });
    const volume = points.reduce((s, p) => s + (p.denominator ?? p.numerator ?? 0) + p.pending, 0);
    return { group: g, points, volume };
  });
  // Biggest groups first (what a chart legend should lead with); the unattributed group last.
  series.sort((a, b) => (a.group === null ? 1 : 0) - (b.group === null ? 1 : 0) || b.volume - a.volume || String(a.group).localeCompare(String(b.group)));
  return {
    metric: c.def.id,
    grain: req.grain,
    group_by: req.groupBy ?? null,
    unit: c.def.unit,
    definition: ref(c.def),
    calendar_fallback: fallback.get(c.def.id)!,
    periods: periods.map((p) => ({ label: p.label, start: p.start.toISOString(), end: p.end.toISOString() })),
    series: series.map(({ group, points }) => ({ group, points })),
  };
}

/** denominator_only: units of the denominator that are not in the numerator (a rate's complement: SLA breaches). */
export const CASE_PARTS = ['numerator', 'denominator', 'denominator_only', 'pending'] as const;
export type CasePart = (typeof CASE_PARTS)[number];

export interface CaseRequest {
  metric: string;
  part: CasePart;
  page: number;
  pageSize: number;
}

export interface CaseRow {
  kind: 'call' | 'ticket' | 'complaint';
  id: string;
  seq: number | null;
  started_at: Date;
  state: 'numerator' | 'denominator' | 'pending';
  channel: string | null;
  queue: string | null;
  priority: string | null;
  category: string | null;
  agent: string | null;
  source: string | null;
  customer_key: string;
  order_id: string | null;
  deadline: Date | null;
  stopped_at: Date | null;
}


/** The state condition of a case part; a part the metric's shape lacks is a 400. */
function caseStates(c: Compiled, part: CasePart): string {
  const s = c.cols.state;
  if (part === 'pending') return `${s} = 3`;
  if (part === 'numerator') return `${s} = 1`;
  if (c.def.shape === 'count' || c.def.shape === 'sum') {
    throw new BadParameter('part', `${c.def.id} is a ${c.def.shape}: it has numerator and pending cases, no denominator`);
  }
  // Means and percentiles count the same units above and below the line.
  if (c.def.shape !== 'rate') return part === 'denominator' ? `${s} = 1` : 'false';
  return part === 'denominator' ? `${s} IN (1, 2)` : `${s} = 2`;
}

/** GET /api/cases: the units behind one part of a metric's number, newest first. */
export async function metricCases(wh: Warehouse, scope: MetricScope, req: CaseRequest): Promise<{ total: number; cases: CaseRow[] }> {
  const c = metricOr400(req.metric);
  requireApplicableFilters(c.def, scope);
  const states = caseStates(c, req.part);
  const { ctx, snapshots } = await prepare(wh, scope, [c.family]);
  const select = `kind, id, seq, start_at AS started_at, ${c.cols.state} AS state, channel, queue, priority, category, agent, source,
    customer_key, order_id, ${c.cols.deadline ?? 'NULL::TIMESTAMPTZ'} AS deadline, ${c.cols.stop ?? 'NULL::TIMESTAMPTZ'} AS stopped_at`;
  const offset = (req.page - 1) * req.pageSize;
  // The page (a top-N sort) and the total as two statements side by side: a count(*) OVER ()
  // on the page query made DuckDB materialise and sort every matching unit.
  const [rows, counted] = await Promise.all([
    wh.query(familySql(ctx, c.family, snapshots, select, `AND ${states} ORDER BY start_at DESC, id DESC, seq DESC NULLS LAST LIMIT ${req.pageSize} OFFSET ${offset}`)),
    wh.query<{ n: number }>(familySql(ctx, c.family, snapshots, 'count(*) AS n', `AND ${states}`)),
  ]);
  const total = Number(counted[0]!.n);
  return {
    total,
    cases: (rows as unknown as (Omit<CaseRow, 'state'> & { state: number })[]).map((r) => ({ ...r, state: STATE_NAMES[r.state]! })),
  };
}

export { findMetric };
