/**
 * The SLA page's own URL keys (web/README.md "Page and overlay keys"), so the
 * matrix and the breaches list can be bookmarked and "back" undoes a switch:
 *
 *   ?matrix=sla_resolution      the matrix's metric (default sla_first_response)
 *   &breach=sla_refund          whose breaches are listed (default sla_first_response)
 *   &bpage=2                    the breaches list's page
 */
import { MATRIX_METRICS, SLA_METRICS, type MatrixMetric, type SlaMetric } from './sla-metrics.ts';

export interface SlaParams {
  matrix: MatrixMetric;
  breach: SlaMetric;
  page: number;
}

const oneOf = <T extends string>(list: readonly T[], v: string | null): v is T => (list as readonly string[]).includes(v ?? '');

export function parseSlaParams(params: URLSearchParams): SlaParams {
  const matrix = params.get('matrix');
  const breach = params.get('breach');
  const page = Number(params.get('bpage') ?? '1');
  return {
    matrix: oneOf(MATRIX_METRICS, matrix) ? matrix : MATRIX_METRICS[0],
    breach: oneOf(SLA_METRICS, breach) ? breach : SLA_METRICS[0],
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/**
 * The keys to patch for a change; defaults are removed. Another metric's
 * breaches start again at page 1.
 */
export function slaParamsPatch(next: Partial<SlaParams>): Record<string, string | null> {
  const patch: Record<string, string | null> = {};
  if (next.matrix) patch.matrix = next.matrix === MATRIX_METRICS[0] ? null : next.matrix;
  if (next.breach) {
    patch.breach = next.breach === SLA_METRICS[0] ? null : next.breach;
    patch.bpage = null;
  }
  if (next.page !== undefined) patch.bpage = next.page > 1 ? String(next.page) : null;
  return patch;
}
