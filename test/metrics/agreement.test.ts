// The numbers agree with each other on a realistic data set (the demo
// generator, 14 days): for every metric of the registry, the summary equals its
// day series summed over the periods, the series grouped by each dimension sums
// to the ungrouped one period by period, and the case lists have as many units
// as the numerator, the denominator and the pending count say. No hand-computed
// values here (phone-complaint-metrics.test.ts and the other files have those);
// this is the cross-check that the summary, series and cases share one definition.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../etl/demo/generate-demo.ts';
import { METRICS } from '../../server/metrics/metric-definitions.ts';
import type { MetricDefinition } from '../../server/metrics/metric-types.ts';
import { qs, useMetricsApp } from '../helpers/metrics-app.ts';

interface Numbers { value: number | null; numerator: number | null; denominator: number | null; pending: number }
interface SeriesBody {
  periods: { label: string; start: string; end: string }[];
  series: { group: string | null; points: (Numbers & { period: string })[] }[];
}

// The demo covers [2026-03-01 00:00, 2026-03-15 00:00) Asia/Shanghai; as_of falls inside
// it, so recent contacts are pending and the last days and a half have no units at all.
const END = new Date('2026-03-15T00:00:00+08:00');
const RANGE = { from: '2026-03-01', to: '2026-03-15', as_of: '2026-03-12T12:00:00+08:00' };
const DAYS = Array.from({ length: 14 }, (_, i) => `2026-03-${String(i + 1).padStart(2, '0')}`);

/**
 * Sum of a field over points; null when every point has null (count metrics' denominator,
 * percentiles' numerator). A null beside numbers counts as 0 (API.md does not say whether
 * an empty period's mean has numerator 0 or null).
 */
function total(points: Numbers[], field: 'numerator' | 'denominator' | 'pending'): number | null {
  const values = points.map((p) => p[field]);
  if (values.every((v) => v === null)) return null;
  return values.reduce<number>((a, b) => a + (b ?? 0), 0);
}

/** Equal, allowing float rounding for CNY sums. */
function expectSame(actual: number | null, expected: number | null, label: string): void {
  if (expected === null || actual === null || (Number.isInteger(expected) && Number.isInteger(actual))) expect(actual, label).toBe(expected);
  else expect(actual, label).toBeCloseTo(expected, 4);
}

describe('summary, series and cases agree on the demo data', () => {
  const m = useMetricsApp('file');
  let summary: Record<string, Numbers & { not_applicable?: unknown }> = {};
  const daySeries = new Map<string, SeriesBody>();

  beforeAll(async () => {
    const { files } = await generateDemo({ days: 14, seed: 3, end: END, outDir: m.t.path('demo'), timeZone: 'Asia/Shanghai', scale: 0.2 });
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      // t.load takes a name inside the warehouse's folder
      const r = await m.t.load(file.kind, path.relative(m.t.dir, file.path));
      expect(r.status, `${file.path}: ${JSON.stringify(r.error)}`).toBe('loaded');
      expect(r.rejected, file.path).toBe(0);
    }
    await m.refresh();
    summary = (await m.get(`/api/metrics/summary?${qs(RANGE)}`)).metrics;
  }, 300_000);

  const seriesOf = async (def: MetricDefinition, groupBy?: string): Promise<SeriesBody> => {
    const body = await m.get<SeriesBody>(`/api/metrics/series?${qs({ ...RANGE, metric: def.id, group_by: groupBy })}`);
    expect(body.periods.map((p) => p.label), `${def.id} by ${groupBy}`).toEqual(DAYS);
    for (const s of body.series) expect(s.points.map((p) => p.period), `${def.id} ${groupBy}=${s.group}`).toEqual(DAYS);
    return body;
  };
  const casesTotal = async (def: MetricDefinition, part: 'numerator' | 'denominator' | 'pending'): Promise<number> =>
    (await m.get<{ total: number }>(`/api/cases?${qs({ ...RANGE, metric: def.id, part, page_size: 1 })}`)).total;

  it('has data to bite on: every metric in the summary, some units pending', () => {
    expect(Object.keys(summary).sort()).toEqual(METRICS.map((d) => d.id).sort());
    for (const def of METRICS) expect(summary[def.id], def.id).not.toHaveProperty('not_applicable');
    // a 48 h silence window and a 7-day FCR window cannot all have closed 12 h before the data ends
    expect(summary.silence_rate!.pending).toBeGreaterThan(0);
    expect(summary.fcr!.pending).toBeGreaterThan(0);
    expect(summary.attempts!.value).toBeGreaterThan(100);
    expect(summary.complaints!.value).toBeGreaterThan(0);
    expect(summary.asa!.denominator).toBeGreaterThan(0);
  });

  for (const def of METRICS) {
    describe(def.id, () => {
      it('values follow from numerator and denominator', () => {
        const s = summary[def.id]!;
        expect(s.pending, def.id).toBeGreaterThanOrEqual(0);
        if (def.shape === 'rate') {
          expect(s.numerator!, def.id).toBeLessThanOrEqual(s.denominator!);
          const scale = def.unit === 'per_1000' ? 1000 : 1;
          if (s.denominator === 0) expect(s.value).toBeNull();
          else expect(s.value!).toBeCloseTo((scale * s.numerator!) / s.denominator!, 9);
        } else if (def.shape === 'count') {
          expect(s).toMatchObject({ value: s.numerator, denominator: null });
        } else if (def.shape === 'sum') {
          expect(s.value).toBe(s.numerator);
        } else if (def.shape === 'mean') {
          if (s.denominator === 0) expect(s.value).toBeNull();
          else expect(s.value!).toBeCloseTo(s.numerator! / s.denominator!, 9);
        } else {
          expect(s.numerator).toBeNull();
        }
      });

      it('summary = the day series summed over its periods', async () => {
        const body = await seriesOf(def);
        daySeries.set(def.id, body);
        expect(body.series, def.id).toHaveLength(1);
        expect(body.series[0]!.group).toBeNull();
        const points = body.series[0]!.points;
        const s = summary[def.id]!;
        // percentiles: only the counts add up (a median of medians is no median)
        expectSame(total(points, 'numerator'), s.numerator, `${def.id} numerator`);
        expectSame(total(points, 'denominator'), s.denominator, `${def.id} denominator`);
        expectSame(total(points, 'pending'), s.pending, `${def.id} pending`);
        // counts and sums: the values add up too
        if (def.shape === 'count' || def.shape === 'sum') expectSame(points.reduce((a, p) => a + (p.value ?? 0), 0), s.value, `${def.id} value`);
        // nothing starts after as_of (12 March 12:00): the last two days are empty
        for (const p of points.slice(12)) {
          expect([p.numerator ?? 0, p.denominator ?? 0, p.pending], `${def.id} ${p.period}`).toEqual([0, 0, 0]);
        }
        // asking for the series changes nothing in the summary (percentiles included)
        const again = (await m.get(`/api/metrics/summary?${qs({ ...RANGE, metrics: def.id })}`)).metrics[def.id];
        expect(again).toEqual(s);
      });

      it('the case lists are as long as the numbers say', async () => {
        const s = summary[def.id]!;
        expect(await casesTotal(def, 'pending'), `${def.id} pending`).toBe(s.pending);
        // a count's numerator is its units; a rate's numerator and denominator count units
        // (a sum's or a mean's numerator is an amount or seconds, not units)
        if (def.shape === 'count' || def.shape === 'rate') expect(await casesTotal(def, 'numerator'), `${def.id} numerator`).toBe(s.numerator);
        // the denominator part: every unit of the denominator (rates; the answered calls of ASA and its percentiles)
        if (def.shape === 'rate' || def.shape === 'mean' || def.shape === 'percentile') {
          expect(await casesTotal(def, 'denominator'), `${def.id} denominator`).toBe(s.denominator);
        }
      });

      for (const dim of def.dimensions) {
        it(`grouped by ${dim}, the groups sum to the ungrouped series`, async () => {
          const whole = daySeries.get(def.id) ?? (await seriesOf(def));
          const grouped = await seriesOf(def, dim);
          const groups = grouped.series.map((s) => s.group);
          expect(new Set(groups).size, `${def.id} by ${dim}: a group twice`).toBe(groups.length);
          DAYS.forEach((day, i) => {
            const parts = grouped.series.map((s) => s.points[i]!);
            const one = whole.series[0]!.points[i]!;
            const label = `${def.id} by ${dim} on ${day}`;
            if (parts.length === 0) {
              expect([one.numerator ?? 0, one.denominator ?? 0, one.pending], label).toEqual([0, 0, 0]);
              return;
            }
            expectSame(total(parts, 'numerator'), one.numerator, `${label} numerator`);
            expectSame(total(parts, 'denominator'), one.denominator, `${label} denominator`);
            expectSame(total(parts, 'pending'), one.pending, `${label} pending`);
          });
        });
      }
    });
  }
});
