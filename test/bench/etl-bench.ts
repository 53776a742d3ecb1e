/**
 * `npm run bench:etl [-- --rows 10000000 --dir /tmp/x]`
 *
 * Issue 2, item 11: a canonical calls CSV of N rows (default 10 M) loaded with
 * `etl load` into an empty database, against DuckDB's bare
 * `CREATE TABLE AS SELECT * FROM read_csv(...)` of the same file. Targets: load at
 * most 2.0x the bare read, peak memory under 3 GB, re-load of the same file under
 * 2 s. Prints the figures and exits 1 when a target is missed.
 *
 * Both runs are `etl load --no-facts`: this measures the load alone. The derived
 * facts refresh that a plain `etl load` runs afterwards is timed by bench:metrics.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { writeCallsCsv } from './calls-csv-fixture.ts';
import { measureProcess } from './measure-process.ts';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '10000000' }, dir: { type: 'string' }, keep: { type: 'boolean', default: false } },
});
const rows = Number(values.rows);
const dir = values.dir ?? path.join(os.tmpdir(), 'support-radar-bench');
fs.mkdirSync(dir, { recursive: true });
const csv = path.join(dir, `calls-${rows}.csv`);

function freshDb(name: string): string {
  const file = path.join(dir, name);
  for (const f of [file, `${file}.wal`, `${file}.server.json`]) fs.rmSync(f, { force: true });
  return file;
}

async function bareRead(): Promise<number> {
  const inst = await DuckDBInstance.create(freshDb('bare.duckdb'));
  const c = await inst.connect();
  const t0 = performance.now();
  await c.run(`CREATE TABLE calls AS SELECT * FROM read_csv('${csv}')`);
  const s = (performance.now() - t0) / 1000;
  c.closeSync();
  inst.closeSync();
  return s;
}

const etl = (db: string) =>
  measureProcess(process.execPath, [path.resolve('etl/bin/etl.mjs'), 'load', 'calls', csv, '--no-facts', '--db', db]);

console.log(`generating ${rows.toLocaleString('en')} calls -> ${csv}`);
await writeCallsCsv(csv, rows);
const mib = fs.statSync(csv).size / 2 ** 20;

const bare = await bareRead();
const db = freshDb('etl.duckdb');
const load = await etl(db);
if (load.exitCode !== 0) throw new Error(`etl load failed (${load.exitCode}):\n${load.stdout}\n${load.stderr}`);
const reload = await etl(db);

const ratio = load.seconds / bare;
const peakGb = load.peakBytes / 1e9;
const checks = [
  { what: 'load / bare read', value: `${ratio.toFixed(2)}x`, target: '<= 2.00x', ok: ratio <= 2 },
  { what: 'peak memory (etl load)', value: `${peakGb.toFixed(2)} GB`, target: '< 3 GB', ok: peakGb < 3 },
  { what: 're-load same file', value: `${reload.seconds.toFixed(2)} s`, target: '< 2 s', ok: reload.seconds < 2 },
];
console.log(`
file                 ${rows.toLocaleString('en')} rows, ${mib.toFixed(0)} MiB
bare read_csv CTAS   ${bare.toFixed(2)} s  (${Math.round(rows / bare).toLocaleString('en')} rows/s)
etl load             ${load.seconds.toFixed(2)} s  (${Math.round(rows / load.seconds).toLocaleString('en')} rows/s), peak RSS ${peakGb.toFixed(2)} GB
etl load (again)     ${reload.seconds.toFixed(2)} s, peak RSS ${(reload.peakBytes / 1e9).toFixed(2)} GB
etl load --no-facts: derived facts are timed by bench:metrics
`);
for (const c of checks) console.log(`${c.ok ? 'ok    ' : 'MISSED'}  ${c.what.padEnd(24)} ${c.value.padStart(9)}   target ${c.target}`);
if (!values.keep) for (const f of ['bare.duckdb', 'etl.duckdb']) freshDb(f);
process.exitCode = checks.every((c) => c.ok) ? 0 : 1;
