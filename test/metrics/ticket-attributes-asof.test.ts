// A ticket's attributes as of the instant of evaluation (FORMATS.md section 2: "the latest
// non-empty value among its events up to the instant of evaluation, so a later event can
// re-categorise or re-prioritise a ticket"), through the real API. Times are Asia/Shanghai.
import { beforeAll, describe, expect, it } from 'vitest';
import { qs, useMetricsApp } from '../helpers/metrics-app.ts';
import { lines } from '../helpers/temp-warehouse.ts';

const ev = (id: string, at: string, type: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ ticket_id: 'R1', event_id: id, at: `2026-03-02T${at}+08:00`, type, ...extra });

/**
 * Chat ticket R1, opened 10:00 as normal priority in category `product`; the first agent
 * reply at 10:00:20 (within chat's 30 s first-response target for every priority); at
 * 11:00 a note re-prioritises it to urgent and re-categorises it `security`; resolved at
 * 15:00, five hours after opening. Resolution targets (METRICS.md defaults): chat 24 h,
 * urgent 4 h, so the ticket breaches only once it counts as urgent.
 */
const R1 = lines(
  ev('r1', '10:00:00', 'opened', { channel: 'chat', customer_id: 'M1', category: 'product' }),
  ev('r2', '10:00:20', 'agent_reply', { actor: 'A1' }),
  ev('r3', '11:00:00', 'internal_note', { actor: 'A1', priority: 'urgent', category: 'security' }),
  ev('r4', '15:00:00', 'resolved', { actor: 'A1' }),
);
const DAY = { from: '2026-03-02', to: '2026-03-03' };
const BEFORE = '2026-03-02T10:30:00+08:00'; // normal, product, running within 24 h
const AFTER = '2026-03-03T00:00:00+08:00'; //  urgent, security, resolved after 4 h

describe('ticket attributes as of as_of', () => {
  const m = useMetricsApp('file');
  beforeAll(async () => {
    await m.loadText('ticket_events', 'r1.jsonl', R1);
    await m.refresh();
  });
  const summary = (as_of: string, extra: Record<string, string> = {}) =>
    m.get(`/api/metrics/summary?${qs({ ...DAY, as_of, metrics: 'sla_resolution,sla_first_response,silence_rate', ...extra })}`);

  it('uses the priority in force at as_of for the SLA target', async () => {
    const before = await summary(BEFORE);
    expect(before.metrics.sla_resolution).toMatchObject({ numerator: 0, denominator: 0, pending: 1 });
    expect(before.metrics.sla_first_response).toMatchObject({ numerator: 1, denominator: 1, pending: 0 });
    const after = await summary(AFTER);
    // urgent: due 14:00, resolved 15:00
    expect(after.metrics.sla_resolution).toMatchObject({ value: 0, numerator: 0, denominator: 1, pending: 0 });
    expect(after.metrics.sla_first_response).toMatchObject({ value: 1, numerator: 1, denominator: 1 });
  });

  it('filters and groups by the priority and category of the moment', async () => {
    expect((await summary(BEFORE, { priority: 'urgent' })).metrics.sla_resolution).toMatchObject({ denominator: 0, pending: 0 });
    expect((await summary(BEFORE, { priority: 'normal' })).metrics.sla_resolution).toMatchObject({ pending: 1 });
    expect((await summary(AFTER, { priority: 'urgent' })).metrics.sla_resolution).toMatchObject({ denominator: 1 });
    const groups = async (as_of: string) => {
      const body = await m.get(`/api/metrics/series?${qs({ ...DAY, as_of, metric: 'silence_rate', grain: 'day', group_by: 'category' })}`);
      return body.series.map((s: { group: string | null }) => s.group);
    };
    expect(await groups(BEFORE)).toEqual(['product']);
    expect(await groups(AFTER)).toEqual(['security']);
    const cases = await m.get(`/api/cases?${qs({ ...DAY, as_of: AFTER, metric: 'sla_resolution', part: 'denominator_only' })}`);
    expect(cases.cases.map((c: { id: string; priority: string; category: string }) => [c.id, c.priority, c.category])).toEqual([['R1', 'urgent', 'security']]);
  });
});
