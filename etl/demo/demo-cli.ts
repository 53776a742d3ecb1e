// Command line for the demo generator:
//   npx tsx etl/demo/demo-cli.ts --days 90 --seed 7 --out data/demo [--scale 1] [--ticket-scale S] [--complaint-scale S]
//     [--end ISO] [--tz Asia/Shanghai] [--days-per-file 7]
// `--ticket-scale` and `--complaint-scale` default to `--scale` (DemoOptions ticketScale, complaintScale).
// `--end` defaults to now: the only place the generator looks at the clock.
import { parseArgs } from 'node:util';
import { generateDemo } from './generate-demo.js';

const { values } = parseArgs({
  options: {
    days: { type: 'string', default: '90' },
    seed: { type: 'string', default: '1' },
    end: { type: 'string' },
    out: { type: 'string', default: 'data/demo' },
    tz: { type: 'string', default: 'Asia/Shanghai' },
    scale: { type: 'string', default: '1' },
    'ticket-scale': { type: 'string' },
    'complaint-scale': { type: 'string' },
    'days-per-file': { type: 'string', default: '7' },
  },
});

const started = performance.now();
const { files } = await generateDemo({
  days: Number(values.days),
  seed: Number(values.seed),
  end: values.end ? new Date(values.end) : new Date(),
  outDir: values.out,
  timeZone: values.tz,
  scale: Number(values.scale),
  ticketScale: values['ticket-scale'] === undefined ? undefined : Number(values['ticket-scale']),
  complaintScale: values['complaint-scale'] === undefined ? undefined : Number(values['complaint-scale']),
  daysPerFile: Number(values['days-per-file']),
});
const seconds = (performance.now() - started) / 1000;
const totals = new Map<string, number>();
for (const f of files) totals.set(f.kind, (totals.get(f.kind) ?? 0) + f.rows);
const rows = [...totals.values()].reduce((a, b) => a + b, 0);
for (const [kind, n] of totals) console.log(`${kind.padEnd(14)} ${String(n).padStart(10)} rows`);
console.log(`${files.length} files, ${rows} rows in ${seconds.toFixed(2)} s (${Math.round(rows / seconds)} rows/s) -> ${values.out}`);
