// Metric snapshots (server/metrics/snapshot) answer exactly as the live SQL does.
// On the demo data (14 days), with the snapshots built, every request below is
// made twice through the API: once reading the snapshots, once live (the records
// deleted, so nothing is usable); the JSON must be identical. The as_of values go
// from the horizon to a year after it, so units open at the horizon are decided
// live while the stored ones must not change (the "decided early" rule); ranges
// include unaligned instants (rows at the edges, the rollup in between), filters
// and groups the rollup keeps and one it does not (agent). Then: the snapshots
// stop answering after a policy change, a load, a facts refresh, or for an as_of
// before the horizon.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../etl/demo/generate-demo.ts';
import { refreshFacts } from '../../etl/facts/refresh-facts.ts';
import { loadBuildContext } from '../../server/metrics/build-context.ts';
import { METRICS } from '../../server/metrics/metric-definitions.ts';
import { buildSnapshots, type SnapshotBuild } from '../../server/metrics/snapshot/build-snapshot.ts';
import { EVENT_COLUMNS, NOT_EVENT_COLUMNS, readSnapshotState, usableSnapshots } from '../../server/metrics/snapshot/snapshot-validity.ts';
import { SnapshotRefresher, snapshotsCurrent } from '../../server/metrics/snapshot/snapshot-refresher.ts';
import { FAMILIES } from '../../server/metrics/units/families.ts';
import { qs, useMetricsApp } from '../helpers/metrics-app.ts';

const TZ = 'Asia/Shanghai';
const END = new Date('2026-03-15T00:00:00+08:00');

describe('metric snapshots', () => {
  const m = useMetricsApp('file');
  let build: SnapshotBuild;
  let horizon: Date;

  const usable = async (asOf: Date) => {
    const scope = { from: new Date('2026-03-01T00:00:00+08:00'), to: END, asOf, timeZone: TZ, filters: {} };
    const [ctx, state] = await Promise.all([loadBuildContext(m.t.wh, scope), readSnapshotState(m.t.wh)]);
    return usableSnapshots(ctx, state, FAMILIES);
  };

  beforeAll(async () => {
    const { files } = await generateDemo({ days: 14, seed: 5, end: END, outDir: m.t.path('demo'), timeZone: TZ, scale: 0.15 });
    for (const file of files) {
      const r = await m.t.load(file.kind, path.relative(m.t.dir, file.path));
      expect(r.status, file.path).toBe('loaded');
    }
    await m.refresh();
    build = await buildSnapshots(m.t.wh, TZ);
    horizon = build.horizon!;
  }, 300_000);

  it('stores every unit of every family, settled or open, at the data horizon', async () => {
    expect(build.skipped).toBeUndefined();
    const [ev] = await m.t.wh.query<{ latest: Date }>('SELECT max(event_at) AS latest FROM ticket_events');
    expect(horizon.getTime()).toBeGreaterThanOrEqual(ev!.latest.getTime());
    expect(build.families.map((f) => f.family).sort()).toEqual(FAMILIES.map((f) => f.name).sort());
    for (const f of build.families) expect(f.settled, f.family).toBeGreaterThan(0);
    // a 48 h silence window and a 7-day FCR window cannot all have closed at the horizon
    expect(build.families.find((f) => f.family === 'fcr')!.open).toBeGreaterThan(0);
    const [n] = await m.t.wh.query<{ stored: number; calls: number }>('SELECT (SELECT count(*) FROM snap_calls) AS stored, (SELECT count(*) FROM calls) AS calls');
    expect(Number(n!.stored)).toBe(Number(n!.calls));
    expect(await snapshotsCurrent(m.t.wh, TZ)).toBe(true);
    expect((await usable(horizon)).size).toBe(FAMILIES.length);
    const health = await m.get('/api/health');
    expect(health.metricSnapshots).toMatchObject({ current: true, horizon: horizon.toISOString() });
  });

  it('lists every instant column of the tables the horizon reads, as an event or not', async () => {
    for (const table of Object.keys(EVENT_COLUMNS)) {
      const cols = await m.t.wh.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_name = '${table}' AND data_type LIKE 'TIMESTAMP WITH TIME ZONE%'`,
      );
      const listed = [...EVENT_COLUMNS[table]!, ...(NOT_EVENT_COLUMNS[table] ?? [])].sort();
      expect(cols.map((c) => c.column_name).sort(), table).toEqual(listed);
    }
  });

  describe('answers exactly as the live SQL', () => {
    const plus = (ms: number) => new Date(horizon.getTime() + ms).toISOString();
    const requests = (): string[] => {
      const asOfs = [horizon.toISOString(), plus(1000), plus(36 * 3600_000), plus(4 * 86400_000), plus(365 * 86400_000)];
      const out: string[] = [];
      for (const as_of of asOfs) {
        const whole = { from: '2026-03-01', to: '2026-03-16', as_of };
        // unaligned instants: rows at both edges, the rollup in between
        const ragged = { from: '2026-03-02T07:13:05+08:00', to: '2026-03-13T19:48:00+08:00', as_of };
        out.push(`/api/metrics/summary?${qs(whole)}`, `/api/metrics/summary?${qs(ragged)}`);
        out.push(`/api/metrics/summary?${qs({ ...ragged, channel: 'phone,web' })}`, `/api/metrics/summary?${qs({ ...whole, priority: 'urgent' })}`);
        out.push(`/api/metrics/summary?${qs({ ...whole, agent: 'a001,a002,a003' })}`);
        for (const [metric, group_by] of [['silence_rate', 'channel'], ['fcr', 'agent'], ['sla_resolution', 'priority'], ['asa_p90', 'queue'], ['answer_rate', 'hour_of_week'], ['complaint_amount', 'source'], ['silence_before_complaint', undefined]] as const) {
          for (const grain of ['hour', 'day', 'week']) out.push(`/api/metrics/series?${qs({ ...ragged, metric, grain, group_by })}`);
        }
        for (const [metric, part] of [['silence_rate', 'numerator'], ['silence_rate', 'pending'], ['fcr', 'denominator'], ['sla_refund', 'denominator_only'], ['complaint_timely_response', 'pending'], ['callback_kept', 'numerator']] as const) {
          out.push(`/api/cases?${qs({ ...ragged, metric, part, page_size: 20 })}`, `/api/cases?${qs({ ...whole, metric, part, page: 2, page_size: 7 })}`);
        }
      }
      return out;
    };

    it('for summaries, series and case lists from the horizon to a year after it', async () => {
      const reqs = requests();
      const fromSnapshots = [];
      for (const r of reqs) fromSnapshots.push(await m.get(r));
      expect((await usable(new Date(plus(1000)))).size).toBe(FAMILIES.length);
      const saved = await m.t.wh.query('SELECT * FROM metric_snapshots');
      await m.t.wh.withWriter((c) => c.run('DELETE FROM metric_snapshots'));
      try {
        expect((await usable(horizon)).size).toBe(0);
        for (const [i, r] of reqs.entries()) expect(await m.get(r), r).toEqual(fromSnapshots[i]);
      } finally {
        expect(saved.length).toBe(FAMILIES.length);
        await buildSnapshots(m.t.wh, TZ);
      }
      // the answers are not empty: there is something to agree on
      const s = fromSnapshots[0].metrics;
      for (const def of METRICS) expect(s[def.id].pending + (s[def.id].denominator ?? s[def.id].numerator ?? 0), def.id).toBeGreaterThan(0);
    }, 300_000);
  });

  it('do not answer for an as_of before the horizon', async () => {
    expect((await usable(new Date(horizon.getTime() - 1))).size).toBe(0);
    expect((await usable(horizon)).size).toBe(FAMILIES.length);
  });

  it('stop answering when a policy changes, and answer again once rebuilt', async () => {
    await m.send('PATCH', '/api/settings/policies', {
      note: 'chat first response 60 s from 10 March 2026',
      effective_from: '2026-03-10T00:00:00+08:00',
      backdate: true,
      document: { sla: { chat: { first_response: { seconds: 60 } } } },
    }, 201);
    // the change marks the customers of later calls for a facts refresh (short abandons follow the policy)
    expect((await usable(horizon)).size).toBe(0);
    expect((await m.get('/api/health')).metricSnapshots.current).toBe(false);
    expect((await buildSnapshots(m.t.wh, TZ)).skipped).toBe('facts_pending');
    await refreshFacts(m.t.wh);
    expect((await usable(horizon)).size).toBe(0);
    expect(await snapshotsCurrent(m.t.wh, TZ)).toBe(false);
    await buildSnapshots(m.t.wh, TZ);
    expect(await snapshotsCurrent(m.t.wh, TZ)).toBe(true);
    expect((await usable(horizon)).size).toBe(FAMILIES.length);
  });

  it('stop answering from a load until the snapshots are rebuilt after its facts refresh', async () => {
    m.t.writeFile('late.csv', 'call_id,started_at,queue,caller,customer_id,outcome,wait_s,talk_s,agent_id,callback_requested_at,callback_at\nlate-1,2026-03-14 23:00:00,general,13800000000,,abandoned,40,0,,,\n');
    const r = await m.t.load('calls', 'late.csv');
    expect(r.status).toBe('loaded');
    expect((await usable(horizon)).size).toBe(0); // facts pending
    await refreshFacts(m.t.wh);
    expect((await usable(horizon)).size).toBe(0); // another facts generation
    // the server's refresher rebuilds in the background (a second request during the build queues one more)
    const built: SnapshotBuild[] = [];
    const refresher = new SnapshotRefresher(m.t.wh, { timeZone: TZ, onBuilt: (b) => built.push(b), onError: (err) => { throw err; } });
    refresher.request();
    refresher.request();
    await refresher.idle();
    expect(built).toHaveLength(2);
    for (const f of built[0]!.families) expect(['incremental', 'full'], f.family).toContain(f.mode);
    expect(built[1]!.families.map((f) => f.mode)).toEqual(FAMILIES.map(() => 'current'));
    expect((await usable(horizon)).size).toBe(FAMILIES.length);
    await refresher.requestIfStale();
    await refresher.idle();
    expect(built).toHaveLength(2); // current: nothing to do
  });

  it('after another day of data, the incremental build stores exactly what a full build does', async () => {
    // the same customers and tickets continue (same seed): late replies, repeat contacts, new complaints
    const next = new Date(END.getTime() + 2 * 86_400_000);
    const { files } = await generateDemo({ days: 2, seed: 5, end: next, outDir: m.t.path('demo2'), timeZone: TZ, scale: 0.15 });
    for (const file of files) expect((await m.t.load(file.kind, path.relative(m.t.dir, file.path))).status, file.path).toBe('loaded');
    const facts = await refreshFacts(m.t.wh);
    expect(facts.customers).toBeGreaterThan(0);
    // on 14 days of data most units are recent: allow any share so the incremental path runs
    const inc = await buildSnapshots(m.t.wh, TZ, { incrementalMaxShare: 1 });
    expect(inc.horizon!.getTime()).toBeGreaterThan(horizon.getTime());
    for (const f of inc.families) {
      expect(f.mode, f.family).toBe('incremental');
      expect(f.evaluated, f.family).toBeLessThan(f.settled + f.open);
    }
    const dump = async () => {
      const out: Record<string, unknown[]> = {};
      for (const f of FAMILIES) {
        for (const t of [`snap_${f.name}`, `snap_${f.name}_open`, `snap_${f.name}_roll`]) out[t] = await m.t.wh.query(`SELECT * FROM ${t} ORDER BY ALL`);
      }
      return out;
    };
    const incremental = await dump();
    const full = await buildSnapshots(m.t.wh, TZ, { full: true });
    expect(full.families.map((f) => f.mode)).toEqual(FAMILIES.map(() => 'full'));
    const fromScratch = await dump();
    for (const t of Object.keys(fromScratch)) expect(incremental[t], t).toEqual(fromScratch[t]);
    expect(inc.families.map((f) => [f.settled, f.open])).toEqual(full.families.map((f) => [f.settled, f.open]));
  }, 120_000);
});
