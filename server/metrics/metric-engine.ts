/**
 * The metric engine: summary, series and case lists for any metric id of
 * METRICS.md, as of an instant, over [from, to) with filters. Every answer reads
 * the same unit relation of the metric's family (units/), so a summary, its series
 * summed over periods and its case lists agree by construction; only the
 * aggregation differs. All work is in DuckDB; JS shapes small results.
 *
 * This file: summaries and series. The pieces: metric-compile.ts (metric,
 * filters, build context), metric-aggregate-sql.ts (the aggregate SQL),
 * metric-cases.ts (case lists).
 */
import type { Warehouse } from '../db/warehouse.ts';
import { BadParameter } from '../http/errors.ts';
import type { BuildContext } from './build-context.ts';
import { aggregateStatements, numbersFrom, type MetricNumbers } from './metric-aggregate-sql.ts';
import {
  inapplicableFilter, metricOr400, notApplicableMessage, prepare, ref, requireApplicableFilters, type Compiled, type DefinitionRef,
} from './metric-compile.ts';
import { METRICS } from './metric-definitions.ts';
import type { MetricScope } from './metric-scope.ts';
import type { Dimension, MetricDefinition } from './metric-types.ts';
import { dimensionSql } from './derived-dimensions.ts';
import { countPeriods, listPeriods, MAX_PERIODS, periodKeySql, type Grain } from './periods.ts';
import type { Snapshots } from './snapshot/snapshot-validity.ts';
import { FAMILIES } from './units/families.ts';
import { inList } from './units/unit-family.ts';

export type { DefinitionRef, MetricNumbers };

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
