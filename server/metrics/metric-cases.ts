/**
 * GET /api/cases: the units behind one part of a metric's number, read from the
 * same unit relation as its summary and series (so the totals agree), newest first.
 */
import type { Warehouse } from '../db/warehouse.ts';
import { BadParameter } from '../http/errors.ts';
import type { BuildContext } from './build-context.ts';
import { filterSql, metricOr400, prepare, requireApplicableFilters, type Compiled } from './metric-compile.ts';
import type { MetricScope } from './metric-scope.ts';
import { familyRows } from './snapshot/snapshot-read.ts';
import type { Snapshots } from './snapshot/snapshot-validity.ts';
import { STATE_NAMES, type UnitFamily } from './units/unit-family.ts';

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

/** A family's relation with a select list and a tail (cases). */
function familySql(ctx: BuildContext, family: UnitFamily, snapshots: Snapshots, select: string, tail = ''): string {
  const r = familyRows(ctx, family, snapshots.get(family.name));
  return `WITH ${r.ctes.join(',\n')}\nSELECT ${select} FROM ${r.relation} WHERE ${filterSql(ctx)} ${tail}`;
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
