// The metric and case API's contract (server/metrics/API.md): parameter
// validation, tokens, period buckets at Asia/Shanghai midnight, empty periods,
// week/month/hour labels, paging, masking. Small hand-made calls; local times.
import { beforeAll, describe, expect, it } from 'vitest';
import { COMPLIANCE, VIEWER, qs, useMetricsApp } from '../helpers/metrics-app.ts';
import { lines } from '../helpers/temp-warehouse.ts';

interface Point { period: string; value: number | null; numerator: number | null; denominator: number | null; pending: number }
interface SeriesBody {
  from: string;
  to: string;
  grain: string;
  periods: { label: string; start: string; end: string }[];
  series: { group: string | null; points: Point[] }[];
}
interface CasesBody {
  total: number;
  page: number;
  page_size: number;
  masked: boolean;
  cases: { kind: string; id: string; started_at: string; customer_key: string | null; state: string }[];
}
interface ErrorBody { error: { status: number; message: string; parameter?: string } }

const CALLS = lines(
  'call_id,started_at,queue,caller,outcome,wait_s,agent_id',
  // 2026-02-01 00:00 local = 2026-01-31T16:00Z: February in the platform zone, January in UTC
  'B1,2026-02-01 00:00:00,orders,13600000001,answered,10,A1',
  // the last second of Sunday 03-01 and the first of Monday 03-02 (local)
  'B2,2026-03-01 23:59:59,orders,13600000002,answered,10,A1',
  'B3,2026-03-02 00:00:00,recharge,13600000003,answered,10,A2',
  // five calls on Tuesday 03-10 for paging and masking; no customer_id, so the caller is the customer key
  'P1,2026-03-10 09:00:00,orders,13812341234,answered,10,A1',
  'P2,2026-03-10 10:00:00,orders,15900001111,abandoned,30,',
  'P3,2026-03-10 11:00:00,recharge,13700002222,busy,,',
  'P4,2026-03-10 12:00:00,recharge,18600003333,timeout,60,',
  'P5,2026-03-10 13:00:00,orders,13912345678,answered,15,A1',
);

const AS_OF = '2026-03-20T00:00:00+08:00';
const RANGE = { from: '2026-03-01', to: '2026-03-11', as_of: AS_OF };

describe('metric API', () => {
  const m = useMetricsApp('file');
  beforeAll(async () => {
    await m.loadText('calls', 'calls.csv', CALLS);
    await m.refresh();
  });

  const summary = (params: Record<string, string | number | undefined>, status = 200) => m.get(`/api/metrics/summary?${qs(params)}`, { status });
  const series = (params: Record<string, string | number | undefined>) => m.get<SeriesBody>(`/api/metrics/series?${qs({ as_of: AS_OF, ...params })}`);
  const cases = (params: Record<string, string | number | undefined>, auth?: Record<string, string>, status = 200) =>
    m.get<CasesBody>(`/api/cases?${qs({ as_of: AS_OF, ...params })}`, { status, auth });

  /** GETs a path that must be refused with 400 naming `parameter`. */
  async function refused(path: string, params: Record<string, string | number | undefined>, parameter: string): Promise<void> {
    const body = await m.get<ErrorBody>(`${path}?${qs(params)}`, { status: 400 });
    expect(body.error, `${path} ${JSON.stringify(params)}`).toMatchObject({ status: 400, parameter });
    expect(typeof body.error.message).toBe('string');
  }

  describe('parameter validation', () => {
    it('refuses an unknown metric', async () => {
      await refused('/api/metrics/series', { ...RANGE, metric: 'nope' }, 'metric');
      await refused('/api/cases', { ...RANGE, metric: 'nope', part: 'numerator' }, 'metric');
      await refused('/api/metrics/summary', { ...RANGE, metrics: 'attempts,nope' }, 'metrics');
    });

    it('refuses a missing metric, from or to', async () => {
      await refused('/api/metrics/series', { ...RANGE }, 'metric');
      await refused('/api/cases', { ...RANGE, part: 'numerator' }, 'metric');
      await refused('/api/metrics/summary', { to: RANGE.to, as_of: AS_OF }, 'from');
      await refused('/api/metrics/summary', { from: RANGE.from, as_of: AS_OF }, 'to');
    });

    it('refuses a group_by dimension the metric does not have', async () => {
      // sla_first_response is about tickets: no queue
      await refused('/api/metrics/series', { ...RANGE, metric: 'sla_first_response', group_by: 'queue' }, 'group_by');
      // complaints: source and category only
      await refused('/api/metrics/series', { ...RANGE, metric: 'complaints', group_by: 'agent' }, 'group_by');
      // complaint_rate has no dimension at all
      await refused('/api/metrics/series', { ...RANGE, metric: 'complaint_rate', group_by: 'source' }, 'group_by');
      // not a dimension
      await refused('/api/metrics/series', { ...RANGE, metric: 'attempts', group_by: 'caller' }, 'group_by');
    });

    it('refuses to before or equal to from', async () => {
      await refused('/api/metrics/summary', { from: '2026-03-02', to: '2026-03-01', as_of: AS_OF }, 'to');
      await refused('/api/metrics/summary', { from: '2026-03-02', to: '2026-03-02', as_of: AS_OF }, 'to');
      // the same instant written two ways is still equal
      await refused('/api/metrics/series', { metric: 'attempts', from: '2026-03-02', to: '2026-03-01T16:00:00Z', as_of: AS_OF }, 'to');
    });

    it('refuses malformed dates and instants', async () => {
      await refused('/api/metrics/summary', { from: '2026-13-01', to: '2026-03-02', as_of: AS_OF }, 'from');
      await refused('/api/metrics/summary', { from: 'yesterday', to: '2026-03-02', as_of: AS_OF }, 'from');
      await refused('/api/metrics/summary', { from: '2026-02-30', to: '2026-03-02', as_of: AS_OF }, 'from');
      await refused('/api/metrics/summary', { from: '2026-03-01', to: 'soon', as_of: AS_OF }, 'to');
      await refused('/api/metrics/summary', { from: '2026-03-01', to: '2026-03-02', as_of: 'now-ish' }, 'as_of');
    });

    it('refuses bad paging, part and grain', async () => {
      const base = { ...RANGE, metric: 'answer_rate', part: 'numerator' };
      await refused('/api/cases', { ...base, page_size: 501 }, 'page_size');
      await refused('/api/cases', { ...base, page_size: 0 }, 'page_size');
      await refused('/api/cases', { ...base, page: 0 }, 'page');
      await refused('/api/cases', { ...base, page: 'two' }, 'page');
      await refused('/api/cases', { ...base, part: 'everything' }, 'part');
      await refused('/api/cases', { ...RANGE, metric: 'answer_rate' }, 'part');
      // count and sum metrics have no denominator part
      await refused('/api/cases', { ...RANGE, metric: 'attempts', part: 'denominator' }, 'part');
      await refused('/api/cases', { ...RANGE, metric: 'complaint_amount', part: 'denominator' }, 'part');
      await refused('/api/metrics/series', { ...RANGE, metric: 'attempts', grain: 'year' }, 'grain');
      // 500 is allowed
      expect((await cases({ ...base, page_size: 500 })).page_size).toBe(500);
    });

    it('marks a filter that does not apply as not_applicable in the summary, but refuses it for series and cases', async () => {
      const body = await summary({ ...RANGE, metrics: 'sla_first_response,attempts', queue: 'orders' });
      // tickets have no queue
      expect(body.metrics.sla_first_response).toMatchObject({ not_applicable: { parameter: 'queue' }, definition: { id: 'sla_first_response' } });
      expect(body.metrics.sla_first_response).not.toHaveProperty('value');
      // calls do: B2, P1, P2, P5 are orders calls in [03-01, 03-11)
      expect(body.metrics.attempts).toMatchObject({ value: 4, numerator: 4, denominator: null, pending: 0 });
      expect(body.metrics.attempts).not.toHaveProperty('not_applicable');
      await refused('/api/metrics/series', { ...RANGE, metric: 'sla_first_response', queue: 'x' }, 'queue');
      await refused('/api/cases', { ...RANGE, metric: 'sla_first_response', part: 'numerator', queue: 'x' }, 'queue');
      await refused('/api/cases', { ...RANGE, metric: 'complaints', part: 'numerator', agent: 'A1' }, 'agent');
    });

    it('needs a token, and unmask needs the compliance role', async () => {
      for (const path of [
        `/api/metrics/summary?${qs(RANGE)}`,
        `/api/metrics/series?${qs({ ...RANGE, metric: 'attempts' })}`,
        `/api/cases?${qs({ ...RANGE, metric: 'attempts', part: 'numerator' })}`,
      ]) {
        await m.get(path, { status: 401, auth: {} });
        await m.get(path, { status: 401, auth: { Authorization: 'Bearer not-a-token' } });
        await m.get(path, { auth: VIEWER }); // any valid token reads
      }
      await cases({ ...RANGE, metric: 'attempts', part: 'numerator', unmask: 'true' }, VIEWER, 403);
    });
  });

  describe('periods', () => {
    it('buckets days at Asia/Shanghai midnight', async () => {
      const body = await series({ metric: 'attempts', from: '2026-03-01', to: '2026-03-03' });
      expect(body.from).toBe('2026-02-28T16:00:00.000Z');
      expect(body.to).toBe('2026-03-02T16:00:00.000Z');
      expect(body.periods).toEqual([
        { label: '2026-03-01', start: '2026-02-28T16:00:00.000Z', end: '2026-03-01T16:00:00.000Z' },
        { label: '2026-03-02', start: '2026-03-01T16:00:00.000Z', end: '2026-03-02T16:00:00.000Z' },
      ]);
      // B2 (23:59:59) on 03-01, B3 (00:00:00) on 03-02
      expect(body.series).toEqual([
        {
          group: null,
          points: [
            { period: '2026-03-01', value: 1, numerator: 1, denominator: null, pending: 0 },
            { period: '2026-03-02', value: 1, numerator: 1, denominator: null, pending: 0 },
          ],
        },
      ]);
    });

    it('takes from as a date, a local date-time or an instant, all inclusive', async () => {
      // from 03-02 00:00 local leaves out B2 (03-01 23:59:59) and keeps B3 (03-02 00:00:00)
      for (const from of ['2026-03-02', '2026-03-02T00:00:00', '2026-03-01T16:00:00Z', '2026-03-02T00:00:00+08:00']) {
        const body = await summary({ from, to: '2026-03-03', as_of: AS_OF, metrics: 'attempts' });
        expect(body.from, from).toBe('2026-03-01T16:00:00.000Z');
        expect(body.metrics.attempts, from).toMatchObject({ value: 1, numerator: 1 });
      }
      // one second earlier takes B2 in; to is exclusive: to = 03-02 00:00 leaves B3 out
      const wide = await summary({ from: '2026-03-01T23:59:59', to: '2026-03-03', as_of: AS_OF, metrics: 'attempts' });
      expect(wide.metrics.attempts).toMatchObject({ value: 2 });
      const upTo = await summary({ from: '2026-03-01', to: '2026-03-02', as_of: AS_OF, metrics: 'attempts' });
      expect(upTo.metrics.attempts).toMatchObject({ value: 1 }); // B2 only
    });

    it('gives every period of the range, empty ones with zero counts', async () => {
      // 02-28 … 03-04: data only on 03-01 (B2) and 03-02 (B3), both answered
      const range = { from: '2026-02-28', to: '2026-03-05' };
      const labels = ['2026-02-28', '2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04'];
      const counts = await series({ metric: 'attempts', ...range });
      expect(counts.periods.map((p) => p.label)).toEqual(labels);
      expect(counts.series).toHaveLength(1);
      expect(counts.series[0]!.points).toEqual([
        { period: '2026-02-28', value: 0, numerator: 0, denominator: null, pending: 0 },
        { period: '2026-03-01', value: 1, numerator: 1, denominator: null, pending: 0 },
        { period: '2026-03-02', value: 1, numerator: 1, denominator: null, pending: 0 },
        { period: '2026-03-03', value: 0, numerator: 0, denominator: null, pending: 0 },
        { period: '2026-03-04', value: 0, numerator: 0, denominator: null, pending: 0 },
      ]);
      const rates = await series({ metric: 'answer_rate', ...range });
      expect(rates.series[0]!.points).toEqual([
        { period: '2026-02-28', value: null, numerator: 0, denominator: 0, pending: 0 },
        { period: '2026-03-01', value: 1, numerator: 1, denominator: 1, pending: 0 },
        { period: '2026-03-02', value: 1, numerator: 1, denominator: 1, pending: 0 },
        { period: '2026-03-03', value: null, numerator: 0, denominator: 0, pending: 0 },
        { period: '2026-03-04', value: null, numerator: 0, denominator: 0, pending: 0 },
      ]);
      // grouped: each group has every period too (B2 orders on 03-01, B3 recharge on 03-02)
      const grouped = await series({ metric: 'attempts', ...range, group_by: 'queue' });
      const byQueue = Object.fromEntries(grouped.series.map((s) => [s.group, s.points.map((p) => p.value)]));
      expect(byQueue).toEqual({ orders: [0, 1, 0, 0, 0], recharge: [0, 0, 1, 0, 0] });
    });

    it('labels weeks by their Monday, partial weeks cut to the range', async () => {
      // Sunday 03-01 belongs to the week of Monday 02-23; Monday 03-02 starts a new week
      const body = await series({ metric: 'attempts', from: '2026-02-23', to: '2026-03-16', grain: 'week' });
      expect(body.grain).toBe('week');
      expect(body.periods).toEqual([
        { label: '2026-02-23', start: '2026-02-22T16:00:00.000Z', end: '2026-03-01T16:00:00.000Z' },
        { label: '2026-03-02', start: '2026-03-01T16:00:00.000Z', end: '2026-03-08T16:00:00.000Z' },
        { label: '2026-03-09', start: '2026-03-08T16:00:00.000Z', end: '2026-03-15T16:00:00.000Z' },
      ]);
      expect(body.series[0]!.points.map((p) => p.value)).toEqual([1, 1, 5]); // B2; B3; P1–P5
      // Wednesday 02-25 to Wednesday 03-04: the first and last weeks are partial but keep their Monday label
      const partial = await series({ metric: 'attempts', from: '2026-02-25', to: '2026-03-04', grain: 'week' });
      expect(partial.periods).toEqual([
        { label: '2026-02-23', start: '2026-02-24T16:00:00.000Z', end: '2026-03-01T16:00:00.000Z' },
        { label: '2026-03-02', start: '2026-03-01T16:00:00.000Z', end: '2026-03-03T16:00:00.000Z' },
      ]);
      expect(partial.series[0]!.points.map((p) => [p.period, p.value])).toEqual([['2026-02-23', 1], ['2026-03-02', 1]]);
    });

    it('labels months YYYY-MM in the platform zone', async () => {
      const body = await series({ metric: 'attempts', from: '2026-01-01', to: '2026-04-01', grain: 'month' });
      expect(body.periods).toEqual([
        { label: '2026-01', start: '2025-12-31T16:00:00.000Z', end: '2026-01-31T16:00:00.000Z' },
        { label: '2026-02', start: '2026-01-31T16:00:00.000Z', end: '2026-02-28T16:00:00.000Z' },
        { label: '2026-03', start: '2026-02-28T16:00:00.000Z', end: '2026-03-31T16:00:00.000Z' },
      ]);
      // B1 (2026-01-31T16:00Z) is February's; March: B2, B3, P1–P5
      expect(body.series[0]!.points.map((p) => [p.period, p.value])).toEqual([['2026-01', 0], ['2026-02', 1], ['2026-03', 7]]);
    });

    it('labels hours YYYY-MM-DDTHH:00 in the platform zone', async () => {
      const body = await series({ metric: 'attempts', from: '2026-03-01T23:00:00', to: '2026-03-02T01:00:00', grain: 'hour' });
      expect(body.from).toBe('2026-03-01T15:00:00.000Z');
      expect(body.periods).toEqual([
        { label: '2026-03-01T23:00', start: '2026-03-01T15:00:00.000Z', end: '2026-03-01T16:00:00.000Z' },
        { label: '2026-03-02T00:00', start: '2026-03-01T16:00:00.000Z', end: '2026-03-01T17:00:00.000Z' },
      ]);
      expect(body.series[0]!.points.map((p) => [p.period, p.value])).toEqual([['2026-03-01T23:00', 1], ['2026-03-02T00:00', 1]]);
    });
  });

  describe('cases', () => {
    const TUESDAY = { from: '2026-03-10', to: '2026-03-11', metric: 'attempts', part: 'numerator' };

    it('pages newest first with the total', async () => {
      // P1 09:00 … P5 13:00: newest first P5 P4 P3 P2 P1
      const page2 = await cases({ ...TUESDAY, page: 2, page_size: 2 });
      expect(page2).toMatchObject({ metric: 'attempts', part: 'numerator', total: 5, page: 2, page_size: 2 });
      expect(page2.cases.map((c) => c.id)).toEqual(['P3', 'P2']);
      expect(page2.cases.map((c) => c.kind)).toEqual(['call', 'call']);
      expect(page2.cases[0]).toMatchObject({ started_at: '2026-03-10T03:00:00.000Z', state: 'numerator', queue: 'recharge', channel: 'phone' });
      const page3 = await cases({ ...TUESDAY, page: 3, page_size: 2 });
      expect(page3.cases.map((c) => c.id)).toEqual(['P1']);
      expect(page3.total).toBe(5);
      // past the end: empty page, same total
      const page4 = await cases({ ...TUESDAY, page: 4, page_size: 2 });
      expect(page4).toMatchObject({ total: 5, cases: [] });
      // default page 1, page_size 50
      const all = await cases(TUESDAY);
      expect(all).toMatchObject({ total: 5, page: 1, page_size: 50 });
      expect(all.cases.map((c) => c.id)).toEqual(['P5', 'P4', 'P3', 'P2', 'P1']);
    });

    it('lists a rate\'s numerator and denominator', async () => {
      // answer_rate on 03-10: offered P1, P2, P4, P5 (P3 busy is a line failure); answered P1, P5
      const num = await cases({ ...TUESDAY, metric: 'answer_rate', part: 'numerator' });
      expect(num.cases.map((c) => [c.id, c.state])).toEqual([['P5', 'numerator'], ['P1', 'numerator']]);
      const den = await cases({ ...TUESDAY, metric: 'answer_rate', part: 'denominator' });
      expect(den.total).toBe(4);
      expect(den.cases.map((c) => [c.id, c.state])).toEqual([['P5', 'numerator'], ['P4', 'denominator'], ['P2', 'denominator'], ['P1', 'numerator']]);
      const pending = await cases({ ...TUESDAY, metric: 'answer_rate', part: 'pending' });
      expect(pending).toMatchObject({ total: 0, cases: [] });
    });

    it('masks phone numbers for a viewer and shows them to compliance on unmask', async () => {
      const viewer = await cases(TUESDAY, VIEWER);
      expect(viewer.masked).toBe(true);
      expect(Object.fromEntries(viewer.cases.map((c) => [c.id, c.customer_key]))).toEqual({
        P1: '138****1234',
        P2: '159****1111',
        P3: '137****2222',
        P4: '186****3333',
        P5: '139****5678',
      });
      expect(JSON.stringify(viewer)).not.toContain('13812341234');
      await cases({ ...TUESDAY, unmask: 'true' }, VIEWER, 403);
      const compliance = await cases({ ...TUESDAY, unmask: 'true' }, COMPLIANCE);
      expect(compliance.masked).toBe(false);
      expect(Object.fromEntries(compliance.cases.map((c) => [c.id, c.customer_key]))).toEqual({
        P1: '13812341234',
        P2: '15900001111',
        P3: '13700002222',
        P4: '18600003333',
        P5: '13912345678',
      });
    });
  });
});
