/**
 * What every metric route needs first: the metric compiled to its unit family
 * and columns (or a 400 naming the parameter), the filters as SQL, and the
 * request's build context with the snapshots it may read.
 */
import type { Warehouse } from '../db/warehouse.ts';
import { BadParameter } from '../http/errors.ts';
import { loadBuildContext, type BuildContext } from './build-context.ts';
import { dimensionSql } from './derived-dimensions.ts';
import { METRICS } from './metric-definitions.ts';
import type { MetricScope } from './metric-scope.ts';
import type { Dimension, MetricDefinition } from './metric-types.ts';
import { readSnapshotState, usableSnapshots, type Snapshots } from './snapshot/snapshot-validity.ts';
import { FAMILIES } from './units/families.ts';
import { inList, type MetricColumns, type UnitFamily } from './units/unit-family.ts';

export interface Compiled {
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

export const ref = (d: MetricDefinition): DefinitionRef => ({ id: d.id, version: d.version, name: d.name });

/** The compiled metric, or a 400 naming `param`. */
export function metricOr400(id: string | undefined, param = 'metric'): Compiled {
  if (!id) throw new BadParameter(param, `required: one of ${METRICS.map((m) => m.id).join(', ')}`);
  const c = COMPILED.get(id);
  if (!c) throw new BadParameter(param, `unknown metric ${JSON.stringify(id)}; one of ${METRICS.map((m) => m.id).join(', ')}`);
  return c;
}

/** The first filter whose dimension the metric does not have. */
export function inapplicableFilter(def: MetricDefinition, scope: MetricScope): Dimension | undefined {
  return (Object.keys(scope.filters) as Dimension[]).find((d) => !def.dimensions.includes(d));
}

export function notApplicableMessage(def: MetricDefinition, dim: Dimension): string {
  const dims = def.dimensions.length ? def.dimensions.join(', ') : 'none';
  return `${dim} does not apply to ${def.id} (its dimensions: ${dims})`;
}

/** For series and case lists: a filter that does not apply is a 400. */
export function requireApplicableFilters(def: MetricDefinition, scope: MetricScope): void {
  const dim = inapplicableFilter(def, scope);
  if (dim) throw new BadParameter(dim, notApplicableMessage(def, dim));
}

/** The request's filters as one condition over a unit relation's columns. */
export function filterSql(ctx: BuildContext): string {
  const { scope } = ctx;
  const parts = Object.entries(scope.filters).map(([dim, values]) => inList(values!, dimensionSql(dim as Dimension, scope.timeZone, ctx.fixedOffsetMs)));
  return parts.length ? parts.join(' AND ') : 'true';
}

/** The request's build context and how it reads each family (from its snapshot, or live). */
export async function prepare(wh: Warehouse, scope: MetricScope, families: readonly UnitFamily[]): Promise<{ ctx: BuildContext; snapshots: Snapshots }> {
  const [ctx, state] = await Promise.all([loadBuildContext(wh, scope), readSnapshotState(wh)]);
  return { ctx, snapshots: usableSnapshots(ctx, state, families) };
}
