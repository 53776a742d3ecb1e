/**
 * Which SLA metrics the SLA page shows and how it asks for them: the tiles and
 * the breaches list take every attainment metric, the matrix the two ticket SLAs
 * that have a channel and a priority. Complaint SLAs have neither (their
 * dimensions are source, category, outcome), and no SLA has a queue, so a global
 * filter can be one the metric refuses: the page then says which filter to
 * clear instead of asking the API for a 400.
 */
import type { CasesPage } from '../api-types.ts';
import type { SlaMatrix } from './sla-matrix.ts';

/** The matrix's metrics: the two SLAs every ticket has (refunds and complaints are in the tiles and the breaches list). */
export const MATRIX_METRICS = ['sla_first_response', 'sla_resolution'] as const;
export type MatrixMetric = (typeof MATRIX_METRICS)[number];

/** Every SLA attainment metric (METRICS.md "SLA attainment"): the tiles, and whose breaches can be listed. */
export const SLA_METRICS = ['sla_first_response', 'sla_resolution', 'sla_refund', 'complaint_sla_first_response', 'complaint_sla_resolution'] as const;
export type SlaMetric = (typeof SLA_METRICS)[number];

/** The breaches list's data: `blocked` names global filters the metric refuses (nothing was asked then). */
export interface BreachesAnswer {
  metric: SlaMetric;
  blocked: string[];
  list: CasesPage | null;
}

/** The SLA page's matrix data; `blocked` names global filters the metric refuses (nothing was asked then). */
export interface MatrixAnswer {
  metric: MatrixMetric;
  blocked: string[];
  matrix: SlaMatrix | null;
}

