// The SLA page's channel × priority matrix (web/src/lib/sla/sla-matrix.ts), built
// from one channel-grouped series per priority, each summed over its periods; the
// filters an SLA refuses; the page's URL keys. Expectations counted by hand.
import { describe, expect, it } from 'vitest';
import type { SeriesPoint } from '../../web/src/lib/api-types.ts';
import { refusedFilters } from '../../web/src/lib/global-filters.ts';
import { buildSlaMatrix, matrixColumns } from '../../web/src/lib/sla/sla-matrix.ts';
import { parseSlaParams, slaParamsPatch } from '../../web/src/lib/sla/sla-params.ts';

const pt = (period: string, numerator: number, denominator: number, pending = 0): SeriesPoint => ({
  period,
  numerator,
  denominator,
  pending,
  value: denominator ? numerator / denominator : null,
});
const byChannel = (groups: Record<string, SeriesPoint[]>) => ({ unit: 'ratio', series: Object.entries(groups).map(([group, points]) => ({ group, points })) });

describe('buildSlaMatrix', () => {
  const perPriority = [
    // normal: chat 1/1 in September + 2/3 in October = 3/4; web 0/1 (the fixture's T2).
    { priority: 'normal', series: byChannel({ web: [pt('2026-09', 0, 0), pt('2026-10', 0, 1)], chat: [pt('2026-09', 1, 1), pt('2026-10', 2, 3)] }) },
    // urgent: email only pending (still running within target), phone nothing at all.
    { priority: 'urgent', series: byChannel({ email: [pt('2026-10', 0, 0, 2)], phone: [pt('2026-10', 0, 0)] }) },
    { priority: 'low', series: byChannel({}) },
    { priority: 'high', series: byChannel({ chat: [pt('2026-10', 1, 2)] }) },
  ];

  it('makes a cell per channel and priority from the summed counts, rows in the channels\' order', () => {
    const m = buildSlaMatrix(perPriority, ['low', 'normal', 'high', 'urgent']);
    expect(m.cols).toEqual(['low', 'normal', 'high', 'urgent']);
    // phone had no ticket in any column: no row.
    expect(m.rows).toEqual(['chat', 'web', 'email']);
    expect(m.cells).toEqual([
      { row: 'web', col: 'normal', value: 0, numerator: 0, denominator: 1, pending: 0 },
      { row: 'chat', col: 'normal', value: 0.75, numerator: 3, denominator: 4, pending: 0 },
      { row: 'email', col: 'urgent', value: null, numerator: 0, denominator: 0, pending: 2 },
      { row: 'chat', col: 'high', value: 0.5, numerator: 1, denominator: 2, pending: 0 },
    ]);
  });

  it('keeps only the columns asked for, and a channel it does not know after the known ones', () => {
    const m = buildSlaMatrix([...perPriority, { priority: 'normal', series: byChannel({ fax: [pt('2026-10', 1, 1)] }) }], ['normal']);
    expect(m.cols).toEqual(['normal']);
    expect(m.rows).toEqual(['chat', 'web', 'fax']);
    expect(m.cells.every((c) => c.col === 'normal')).toBe(true);
  });

  it('takes its columns from the global priority filter, in the priorities\' order', () => {
    expect(matrixColumns([])).toEqual(['low', 'normal', 'high', 'urgent']);
    expect(matrixColumns(['urgent', 'low'])).toEqual(['low', 'urgent']);
  });
});

describe('filters an SLA refuses', () => {
  it('names the global filters outside the metric\'s dimensions', () => {
    const ticketSla = ['channel', 'priority', 'category', 'agent', 'hour_of_week'];
    const complaintSla = ['source', 'category', 'outcome', 'hour_of_week'];
    const scope = { from: '2026-10-12', to: '2026-10-19', channel: 'web', queue: 'orders', category: 'product' };
    expect(refusedFilters(ticketSla, scope)).toEqual(['queue']);
    expect(refusedFilters(complaintSla, scope)).toEqual(['channel', 'queue']);
    expect(refusedFilters(complaintSla, { from: '2026-10-12', to: '2026-10-19' })).toEqual([]);
    // Definitions not loaded yet: ask, the API has the last word.
    expect(refusedFilters(undefined, scope)).toEqual([]);
  });
});

describe('SLA page parameters', () => {
  it('reads the matrix metric, the breaches metric and page, with defaults for anything else', () => {
    expect(parseSlaParams(new URLSearchParams(''))).toEqual({ matrix: 'sla_first_response', breach: 'sla_first_response', page: 1 });
    expect(parseSlaParams(new URLSearchParams('matrix=sla_resolution&breach=complaint_sla_resolution&bpage=3'))).toEqual({
      matrix: 'sla_resolution', breach: 'complaint_sla_resolution', page: 3,
    });
    // The matrix offers the two ticket SLAs only; anything else falls back to the default.
    expect(parseSlaParams(new URLSearchParams('matrix=sla_refund&breach=fcr&bpage=0'))).toEqual({ matrix: 'sla_first_response', breach: 'sla_first_response', page: 1 });
  });

  it('starts another metric\'s breaches at page 1 and drops defaults from the URL', () => {
    expect(slaParamsPatch({ breach: 'sla_refund' })).toEqual({ breach: 'sla_refund', bpage: null });
    expect(slaParamsPatch({ matrix: 'sla_first_response' })).toEqual({ matrix: null });
    expect(slaParamsPatch({ page: 2 })).toEqual({ bpage: '2' });
    expect(slaParamsPatch({ page: 1 })).toEqual({ bpage: null });
  });
});
