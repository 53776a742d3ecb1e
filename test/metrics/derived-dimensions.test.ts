// The derived dimensions (server/metrics/derived-dimensions.ts: hour_of_week, wait_band)
// and the denominator_only case part, through the real API on a hand-built fixture.
// Times are Asia/Shanghai; 2026-03-01 is a Sunday (ISO weekday 7), 2026-03-02 a Monday (1).
import { beforeAll, describe, expect, it } from 'vitest';
import { qs, useMetricsApp } from '../helpers/metrics-app.ts';
import { lines } from '../helpers/temp-warehouse.ts';

const CALLS = lines(
  'call_id,started_at,queue,caller,outcome,wait_s,agent_id,callback_requested_at,callback_at',
  'D1,2026-03-01 23:59:59,orders,13800000001,answered,5,A1,,', //     7-23, band 0-10
  'D2,2026-03-02 00:00:00,orders,13800000002,answered,10,A1,,', //    1-00, band 10-20 (10 is the band's inclusive start)
  'D3,2026-03-02 09:15:00,orders,13800000003,answered,25,A2,,', //    1-09, band 20-30
  'D4,2026-03-02 09:45:00,orders,13800000004,abandoned,300,,,', //    1-09, band 300+, offered and not answered
  'D5,2026-03-02 09:50:00,orders,13800000005,unreachable,,,,', //     1-09, never queued: no band, not offered
  'D6,2026-03-02 10:00:00,orders,13800000006,answered,120,A1,,', //   1-10, band 120-300
  'D7,2026-03-02 11:59:00,orders,13800000007,answered,200,A2,,', //   1-11, still waiting at AS_OF (ends 12:02:20): pending, no band yet
);
const RANGE = { from: '2026-03-01', to: '2026-03-03', as_of: '2026-03-02T12:00:00+08:00' };

interface Point { period: string; value: number | null; numerator: number | null; denominator: number | null; pending: number }
interface Series { group: string | null; points: Point[] }

describe('hour_of_week and wait_band', () => {
  const m = useMetricsApp('file');
  beforeAll(async () => {
    await m.loadText('calls', 'calls.csv', CALLS);
    await m.refresh();
  });

  it('groups answer rate by hour of the week on the platform clock, one second either side of midnight', async () => {
    const body = await m.get<{ series: Series[] }>(`/api/metrics/series?${qs({ ...RANGE, metric: 'answer_rate', grain: 'day', group_by: 'hour_of_week' })}`);
    const byGroup = Object.fromEntries(body.series.map((s) => [s.group, s.points.map((p) => [p.period, p.numerator, p.denominator, p.pending])]));
    expect(byGroup).toEqual({
      '7-23': [['2026-03-01', 1, 1, 0], ['2026-03-02', 0, 0, 0]],
      '1-00': [['2026-03-01', 0, 0, 0], ['2026-03-02', 1, 1, 0]],
      // D3 answered, D4 abandoned (offered), D5 a line failure (not offered)
      '1-09': [['2026-03-01', 0, 0, 0], ['2026-03-02', 1, 2, 0]],
      '1-10': [['2026-03-01', 0, 0, 0], ['2026-03-02', 1, 1, 0]],
      '1-11': [['2026-03-01', 0, 0, 0], ['2026-03-02', 0, 0, 1]],
    });
  });

  it('filters on an hour of the week, and refuses a value it can never take', async () => {
    const body = await m.get(`/api/metrics/summary?${qs({ ...RANGE, metrics: 'answer_rate,attempts', hour_of_week: '1-09' })}`);
    expect(body.metrics.answer_rate).toMatchObject({ value: 0.5, numerator: 1, denominator: 2, pending: 0 });
    expect(body.metrics.attempts).toMatchObject({ value: 3, numerator: 3 });
    const bad = await m.get(`/api/metrics/summary?${qs({ ...RANGE, hour_of_week: '8-00' })}`, { status: 400 });
    expect(bad.error.parameter).toBe('hour_of_week');
  });

  it('counts attempts per wait band; a call still waiting has no band yet', async () => {
    const body = await m.get<{ series: Series[] }>(`/api/metrics/series?${qs({ ...RANGE, metric: 'attempts', grain: 'month', group_by: 'wait_band' })}`);
    const counts = Object.fromEntries(body.series.map((s) => [String(s.group), s.points[0]!.numerator]));
    expect(counts).toEqual({ '0-10': 1, '10-20': 1, '20-30': 1, '120-300': 1, '300+': 1, null: 2 });
    const cases = await m.get(`/api/cases?${qs({ ...RANGE, metric: 'attempts', part: 'numerator', wait_band: '300+' })}`);
    expect(cases.cases.map((c: { id: string }) => c.id)).toEqual(['D4']);
    expect((await m.get(`/api/cases?${qs({ ...RANGE, metric: 'attempts', part: 'numerator', wait_band: '5-10' })}`, { status: 400 })).error.parameter).toBe('wait_band');
    // wait_band is a call dimension only
    expect((await m.get(`/api/metrics/series?${qs({ ...RANGE, metric: 'silence_rate', group_by: 'wait_band' })}`, { status: 400 })).error.parameter).toBe('group_by');
  });

  it('lists the denominator outside the numerator (denominator_only)', async () => {
    const rest = await m.get(`/api/cases?${qs({ ...RANGE, metric: 'answer_rate', part: 'denominator_only' })}`);
    expect(rest.total).toBe(1);
    expect(rest.cases.map((c: { id: string; state: string }) => [c.id, c.state])).toEqual([['D4', 'denominator']]);
    const den = await m.get(`/api/cases?${qs({ ...RANGE, metric: 'answer_rate', part: 'denominator' })}`);
    expect(den.cases.map((c: { id: string }) => c.id)).toEqual(['D6', 'D4', 'D3', 'D2', 'D1']);
    // A mean has no units between numerator and denominator; a count has no denominator at all.
    expect((await m.get(`/api/cases?${qs({ ...RANGE, metric: 'asa', part: 'denominator_only' })}`)).total).toBe(0);
    expect((await m.get(`/api/cases?${qs({ ...RANGE, metric: 'attempts', part: 'denominator_only' })}`, { status: 400 })).error.parameter).toBe('part');
  });
});

describe('complaint outcome', () => {
  const m = useMetricsApp('file');
  beforeAll(async () => {
    await m.loadText('complaints', 'complaints.csv', lines(
      'complaint_id,received_at,source,customer_id,amount,first_response_at,closed_at,outcome',
      'K1,2026-03-02 09:00:00,12315,M1,100.50,2026-03-02 10:00:00,2026-03-03 09:00:00,refunded',
      'K2,2026-03-02 10:00:00,blackcat,M2,20,,2026-03-05 09:00:00,rejected', // closed after AS_OF: open then
      'K3,2026-03-02 11:00:00,12315,M3,,,,', //                                  still open
    ));
    await m.refresh();
  });
  const AS_OF = '2026-03-04T00:00:00+08:00';

  it('groups complaints by their outcome as of as_of (open until closed)', async () => {
    const body = await m.get<{ series: Series[] }>(`/api/metrics/series?${qs({ from: '2026-03-02', to: '2026-03-03', as_of: AS_OF, metric: 'complaint_amount', grain: 'day', group_by: 'outcome' })}`);
    const sums = Object.fromEntries(body.series.map((s) => [String(s.group), [s.points[0]!.numerator, s.points[0]!.denominator]]));
    // K1 refunded 100.50; K2 (20) and K3 (no amount) open
    expect(sums).toEqual({ refunded: [100.5, 1], open: [20, 1] });
    const later = await m.get(`/api/metrics/summary?${qs({ from: '2026-03-02', to: '2026-03-03', as_of: '2026-03-06T00:00:00+08:00', metrics: 'complaints', outcome: 'rejected' })}`);
    expect(later.metrics.complaints).toMatchObject({ value: 1 });
    // outcome is a complaint dimension only
    const calls = await m.get(`/api/metrics/summary?${qs({ from: '2026-03-02', to: '2026-03-03', as_of: AS_OF, metrics: 'answer_rate', outcome: 'open' })}`);
    expect(calls.metrics.answer_rate.not_applicable.parameter).toBe('outcome');
  });
});

describe('GET /api/metrics/dimension-values', () => {
  const m = useMetricsApp('file');
  beforeAll(async () => {
    await m.loadText('calls', 'calls.csv', CALLS);
    await m.refresh();
  });

  it('lists the values of the range, most frequent first', async () => {
    const body = await m.get(`/api/metrics/dimension-values?${qs({ from: '2026-03-02', to: '2026-03-03' })}`);
    // D1 starts on 2026-03-01, outside the range: six calls remain, every one phone and orders.
    expect(body.values.channel).toEqual([{ value: 'phone', count: 6 }]);
    expect(body.values.queue).toEqual([{ value: 'orders', count: 6 }]);
    // agents: A1 on D2 and D6, A2 on D3 and D7
    expect(body.values.agent).toEqual([{ value: 'A1', count: 2 }, { value: 'A2', count: 2 }]);
    expect(body.values.outcome).toEqual([]);
    expect(body.truncated).toEqual([]);
    expect((await m.get(`/api/metrics/dimension-values?${qs({ from: '2026-03-02' })}`, { status: 400 })).error.parameter).toBe('to');
  });
});
