/**
 * `npm run bench:metrics [-- --dir D --runs 15 --rebuild --skip-api --memory-limit 2GB --keep-files]`
 *
 * Issue 3, item 7. A year of demo data (10 M call attempts, 2 M tickets, ~50 k
 * complaints; metrics-base.ts) is built once into D (default
 * /tmp/support-radar-bench/metrics) and reused; its build figures are printed
 * (generation, load, full facts refresh). Then, against the real app served over
 * HTTP on 127.0.0.1 in this process (2 warm-up runs, then --runs timed, p50/p95):
 *   (a) GET /api/metrics/summary, last 30 days           target p50 < 150 ms
 *   (b) GET /api/metrics/series silence_rate by day and channel, the year
 *                                                          target p50 < 500 ms
 *   (c) GET /api/cases silence_rate numerator, page 1 of 50, last 30 days
 *                                                          target p50 < 100 ms
 *   (d) the summary's own SQL (summaryStatements) run bare on the warehouse,
 *       for the ratio API p50 ÷ bare p50 (printed, no target)
 *   (e) one more day of data loaded into a copy of the base, then the
 *       incremental facts refresh                        target < 5 s
 * Exits 1 when a target is missed. `--skip-api` runs the build and (e) only.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { serve, type ServerType } from '@hono/node-server';
import { generateDemo } from '../../etl/demo/generate-demo.ts';
import { refreshFacts } from '../../etl/facts/refresh-facts.ts';
import { buildSnapshots } from '../../server/metrics/snapshot/build-snapshot.ts';
import { snapshotsCurrent } from '../../server/metrics/snapshot/snapshot-refresher.ts';
import { createApp } from '../../server/app.ts';
import { createLocalAdminToken } from '../../server/auth/local-token.ts';
import { Warehouse } from '../../server/db/warehouse.ts';
import { END_DAY, TIME_ZONE, YEAR_FIRST_DAY, baseSpec, buildBase, cachedBase, demoOptions, instantOfDay, loadAll, type BaseFigures } from './metrics-base.ts';

type MetricEngine = typeof import('../../server/metrics/metric-engine.ts');

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: '/tmp/support-radar-bench/metrics' },
    runs: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '2' },
    rebuild: { type: 'boolean', default: false },
    'skip-api': { type: 'boolean', default: false },
    'memory-limit': { type: 'string', default: '2GB' },
    'keep-files': { type: 'boolean', default: false },
    /** Shrinks every volume (e.g. 0.02) for a quick try of the bench; its own cache, figures not comparable. */
    fraction: { type: 'string', default: '1' },
    /** Runs of (e), each on a fresh copy of the base; the median is checked. */
    'e-runs': { type: 'string', default: '3' },
  },
});
const dir = path.resolve(values.dir);
const runs = Number(values.runs);
const warmup = Number(values.warmup);
const eRuns = Math.max(1, Number(values['e-runs']));
const memoryLimit = values['memory-limit'];
const spec = baseSpec(Number(values.fraction));
if (!(Number.isInteger(runs) && runs >= 1 && Number.isInteger(warmup) && warmup >= 0 && spec.fraction > 0)) {
  console.error('--runs must be a positive integer, --warmup an integer >= 0, --fraction > 0');
  process.exit(2);
}

interface Check {
  what: string;
  value: string;
  target: string;
  ok: boolean;
}
const checks: Check[] = [];
const ms = (x: number) => `${x.toFixed(1)} ms`;

function percentile(sorted: number[], p: number): number {
  const i = (sorted.length - 1) * p;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (i - lo);
}

/** Runs `fn` warm-up times untimed, then `runs` times timed; p50 and p95 in ms. */
async function timeRuns(fn: () => Promise<void>): Promise<{ p50: number; p95: number; min: number; max: number }> {
  for (let i = 0; i < warmup; i++) await fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    t.push(performance.now() - t0);
  }
  t.sort((a, b) => a - b);
  return { p50: percentile(t, 0.5), p95: percentile(t, 0.95), min: t[0]!, max: t[t.length - 1]! };
}

function minusDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------- the base
let base = values.rebuild ? undefined : cachedBase(dir, spec);
if (base) {
  console.log(`cached base ${base.file} (built ${base.figures.builtAt}; --rebuild to build it again)`);
} else {
  console.log(`building the base in ${dir} (once; about 10+ minutes)`);
  base = await buildBase(dir, spec, { memoryLimit, keepFiles: values['keep-files'] });
}
const fig: BaseFigures = base.figures;
const n = (x: number) => x.toLocaleString('en');
console.log(`
base          ${base.file}  ${(fig.dbBytes / 2 ** 30).toFixed(2)} GiB
data          ${YEAR_FIRST_DAY} .. ${END_DAY} (${TIME_ZONE}), scale ${spec.scale}, ticketScale ${spec.ticketScale}, complaintScale ${spec.complaintScale}
rows          ${n(fig.rows.calls)} calls, ${n(fig.rows.tickets)} tickets (${n(fig.rows.ticket_events)} events), ${n(fig.rows.complaints)} complaints; ${n(fig.rejected)} rejected
generation    ${fig.generateS.toFixed(1)} s
load          ${fig.loadS.toFixed(1)} s  (loadFile per file, ${Math.round((fig.rows.calls + fig.rows.ticket_events + fig.rows.complaints) / fig.loadS).toLocaleString('en')} rows/s)
full facts    ${fig.factsS.toFixed(1)} s  (${n(fig.facts.tickets)} tickets, ${n(fig.facts.customers)} customers)
`);

// ---------------------------------------------------------------- (a)-(d) through the API
const last30 = { from: minusDays(END_DAY, 30), to: END_DAY };
const asOf = spec.end;

async function apiParts(): Promise<void> {
  let engine: MetricEngine;
  try {
    engine = (await import('../../server/metrics/metric-engine.ts')) as MetricEngine;
  } catch (err) {
    console.log(`MISSED  the metric engine cannot be imported (${(err as Error).message.split('\n')[0]}); --skip-api runs the build and (e) only`);
    checks.push({ what: 'metric engine present', value: 'no', target: 'server/metrics/metric-engine.ts', ok: false });
    return;
  }
  const wh = await Warehouse.open({ file: base!.file, memoryLimit });
  // The server keeps the metric snapshots current in the background (server/metrics/snapshot);
  // the base gets them once, like its facts.
  if (!(await snapshotsCurrent(wh, TIME_ZONE))) {
    const b = await buildSnapshots(wh, TIME_ZONE);
    console.log(`metric snapshots built in ${(b.ms / 1000).toFixed(1)} s: ${b.families.map((f) => `${f.family} ${n(f.settled)} settled + ${n(f.open)} open (${(f.ms / 1000).toFixed(1)} s)`).join(', ')}\n`);
  }
  const admin = createLocalAdminToken();
  const app = createApp({ wh, timeZone: TIME_ZONE, inbox: path.join(dir, 'inbox'), verify: admin.verify, webRoot: path.join(dir, 'no-web') });
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
    s.once('error', reject);
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const get = (pathAndQuery: string) => async () => {
      const res = await fetch(origin + pathAndQuery, { headers: { Authorization: `Bearer ${admin.token}` } });
      const body = await res.text();
      if (res.status !== 200) throw new Error(`GET ${pathAndQuery} -> ${res.status} ${body.slice(0, 500)}`);
    };
    const q = (p: Record<string, string>) => new URLSearchParams(p).toString();
    const summaryUrl = `/api/metrics/summary?${q({ ...last30, as_of: asOf })}`;
    const seriesUrl = `/api/metrics/series?${q({ metric: 'silence_rate', grain: 'day', group_by: 'channel', from: YEAR_FIRST_DAY, to: END_DAY, as_of: asOf })}`;
    const casesUrl = `/api/cases?${q({ metric: 'silence_rate', part: 'numerator', page: '1', page_size: '50', ...last30, as_of: asOf })}`;

    console.log(`API on ${origin}, ${warmup} warm-up + ${runs} timed runs each`);
    const summary = await timeRuns(get(summaryUrl));
    const series = await timeRuns(get(seriesUrl));
    const cases = await timeRuns(get(casesUrl));

    const scope = { from: instantOfDay(last30.from), to: instantOfDay(last30.to), asOf: new Date(asOf), timeZone: TIME_ZONE, filters: {} };
    const statements = await engine.summaryStatements(wh, scope);
    const bare = await timeRuns(async () => {
      for (const sql of statements) await wh.query(sql);
    });
    const ratio = summary.p50 / bare.p50;

    const line = (name: string, t: { p50: number; p95: number; min: number; max: number }) =>
      console.log(`${name.padEnd(46)} p50 ${ms(t.p50).padStart(10)}  p95 ${ms(t.p95).padStart(10)}  (min ${ms(t.min)}, max ${ms(t.max)})`);
    console.log('');
    line(`(a) summary, ${last30.from} .. ${last30.to}`, summary);
    line(`(b) series silence_rate day x channel, year`, series);
    line(`(c) cases silence_rate numerator, page 1 x 50`, cases);
    line(`(d) bare summary SQL (${statements.length} statements)`, bare);
    console.log(`    API summary / bare SQL: ${ratio.toFixed(2)}x\n`);
    checks.push({ what: '(a) summary p50, 30 days', value: ms(summary.p50), target: '< 150 ms', ok: summary.p50 < 150 });
    checks.push({ what: '(b) series p50, year', value: ms(series.p50), target: '< 500 ms', ok: series.p50 < 500 });
    checks.push({ what: '(c) cases p50, 30 days', value: ms(cases.p50), target: '< 100 ms', ok: cases.p50 < 100 });
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    wh.close();
  }
}

// ---------------------------------------------------------------- (e) incremental facts
async function incremental(): Promise<void> {
  const scratch = path.join(dir, 'scratch.duckdb');
  const dayDir = path.join(dir, 'next-day');
  const clean = () => {
    for (const f of [scratch, `${scratch}.wal`]) fs.rmSync(f, { force: true });
    fs.rmSync(`${scratch}.tmp`, { recursive: true, force: true });
  };
  clean();
  fs.rmSync(dayDir, { recursive: true, force: true });
  const nextEnd = new Date(instantOfDay(END_DAY).getTime() + 86_400_000);
  const { files } = await generateDemo(demoOptions(spec, dayDir, { days: 1, end: nextEnd, daysPerFile: 1 }));
  const rows = files.map((f) => `${n(f.rows)} ${f.kind}`).join(', ');
  console.log(`(e) one more day (${END_DAY}): ${rows}; ${eRuns} run(s), each on a fresh copy of the base`);
  // The refresh's time on this shared machine varied 3.3-7 s between identical runs: the
  // target is checked on the median of the runs, and every run is printed.
  const seconds: number[] = [];
  try {
    for (let run = 1; run <= eRuns; run++) {
      clean();
      let t0 = performance.now();
      fs.copyFileSync(base!.file, scratch);
      // The copy is set-up: flushed to disk before anything is timed.
      const fd = fs.openSync(scratch, 'r+');
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      const copyS = (performance.now() - t0) / 1000;
      const wh = await Warehouse.open({ file: scratch, memoryLimit });
      try {
        const load = await loadAll(wh, files);
        t0 = performance.now();
        const facts = await refreshFacts(wh);
        const s = (performance.now() - t0) / 1000;
        seconds.push(s);
        console.log(`    run ${run}: copy of the base ${copyS.toFixed(1)} s, load ${load.seconds.toFixed(2)} s${load.rejected ? ` (${load.rejected} rejected)` : ''}, incremental facts refresh ${s.toFixed(2)} s (${n(facts.tickets)} tickets, ${n(facts.customers)} customers in scope)`);
        if (run === 1) {
          // Not a target: the server does this in the background after the facts (reads are live meanwhile).
          const snap = await buildSnapshots(wh, TIME_ZONE);
          console.log(`           then the metric snapshots brought up to date in ${(snap.ms / 1000).toFixed(1)} s (${snap.families.map((f) => `${f.family} ${f.mode} ${n(f.evaluated)} units ${(f.ms / 1000).toFixed(1)} s`).join(', ')}; background work in the server)`);
        }
      } finally {
        wh.close();
      }
    }
  } finally {
    clean();
    fs.rmSync(dayDir, { recursive: true, force: true });
  }
  const median = [...seconds].sort((a, b) => a - b)[Math.floor(seconds.length / 2)]!;
  console.log(`    median incremental facts refresh ${median.toFixed(2)} s\n`);
  checks.push({ what: '(e) incremental facts', value: `${median.toFixed(2)} s`, target: '< 5 s (median)', ok: median < 5 });
}

if (!values['skip-api']) await apiParts();
await incremental();

for (const c of checks) console.log(`${c.ok ? 'ok    ' : 'MISSED'}  ${c.what.padEnd(28)} ${c.value.padStart(10)}   target ${c.target}`);
process.exitCode = checks.every((c) => c.ok) ? 0 : 1;
