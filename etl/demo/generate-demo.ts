// Demo data for Support Radar: a 卡盟 (game top-ups, card codes) support desk's
// calls, ticket events and complaints in the canonical input formats
// (shared FORMATS.md §1–3). Deterministic: the same options give byte-identical
// files, because every draw comes from one seeded generator and nothing reads
// the clock or Math.random.
import { mkdir } from 'node:fs/promises';
import { ChunkOutput, type DemoFile } from './chunk-output.js';
import { CustomerPool } from './customers.js';
import type { GenContext } from './model.js';
import { planPeriod } from './period.js';
import { Rng, hash32 } from './prng.js';
import { simulateHour } from './hour-sim.js';
import { buildStaff } from './staffing.js';

export type { DemoFile } from './chunk-output.js';

export interface DemoOptions {
  /** Length of the period in days, e.g. 90. */
  days: number;
  /** PRNG seed. */
  seed: number;
  /** End instant of the period (exclusive): nothing at or after it exists. */
  end: Date;
  /** Folder to write into; created if missing. */
  outDir: string;
  /** Platform time zone, e.g. 'Asia/Shanghai'; daily and weekly cycles run on its local time. */
  timeZone: string;
  /** Volume multiplier, default 1 (~2,000 calls, ~800 tickets, ~20 complaints a day). */
  scale?: number;
  /**
   * Ticket volume multiplier, default `scale`: fresh tickets and the ticket team
   * follow it instead of `scale`. Below `scale`, the tickets that calls lead to
   * (channel switches, tickets logged by phone agents) are thinned by
   * `ticketScale ÷ scale` too, so tickets come out at about what `scale =
   * ticketScale` would give while calls stay at `scale`.
   */
  ticketScale?: number;
  /**
   * Complaint volume multiplier, default `scale`: every per-contact complaint
   * chance is multiplied by `complaintScale ÷ scale` (capped at 1).
   */
  complaintScale?: number;
  /** Days per file, default 7: one file per kind per chunk. */
  daysPerFile?: number;
}

function validate(opts: DemoOptions): Required<DemoOptions> {
  const scale = opts.scale ?? 1;
  const ticketScale = opts.ticketScale ?? scale;
  const complaintScale = opts.complaintScale ?? scale;
  const daysPerFile = opts.daysPerFile ?? 7;
  if (!(opts.days > 0)) throw new RangeError(`days must be > 0, got ${opts.days}`);
  if (!(scale > 0)) throw new RangeError(`scale must be > 0, got ${scale}`);
  if (!(ticketScale > 0)) throw new RangeError(`ticketScale must be > 0, got ${ticketScale}`);
  if (!(complaintScale >= 0)) throw new RangeError(`complaintScale must be >= 0, got ${complaintScale}`);
  if (!Number.isInteger(daysPerFile) || daysPerFile < 1) throw new RangeError(`daysPerFile must be a positive integer`);
  if (Number.isNaN(opts.end.getTime())) throw new RangeError('end is not a valid date');
  new Intl.DateTimeFormat('en-US', { timeZone: opts.timeZone }); // throws RangeError on an unknown zone
  return { ...opts, scale, ticketScale, complaintScale, daysPerFile };
}

/**
 * Writes the demo files and lists them in load order (chunk by chunk: calls,
 * ticket events, complaints).
 * @example
 * const { files } = await generateDemo({ days: 90, seed: 7, end: new Date(), outDir: 'data/demo', timeZone: 'Asia/Shanghai' });
 */
export async function generateDemo(opts: DemoOptions): Promise<{ files: DemoFile[] }> {
  const o = validate(opts);
  await mkdir(o.outDir, { recursive: true });
  // Whole seconds: every instant written is exact, and answer = started_at + wait_s holds.
  const end = Math.floor(o.end.getTime() / 1000) * 1000;
  const staff = buildStaff(o.scale, new Rng(hash32(o.seed) ^ 0x2545f491), o.ticketScale);
  const volume = { calls: o.scale, tickets: o.ticketScale };
  const period = planPeriod(end, o.days, o.timeZone, o.daysPerFile, staff, volume, o.seed);
  const ctx: GenContext = {
    rng: new Rng(o.seed),
    clock: period.clock,
    pool: new CustomerPool(o.scale, o.seed),
    staff,
    start: period.start,
    end,
    loadAt: (ms) => period.loads[period.dayIndex(ms)]!,
    keepTicketFromCall: Math.min(1, o.ticketScale / o.scale),
    complaintFactor: o.complaintScale / o.scale,
  };
  const out = new ChunkOutput(o.outDir, period, ctx);
  for (const chunk of period.chunks) {
    await out.openChunk(chunk);
    for (let day = chunk.firstDay; day <= chunk.lastDay; day++) {
      out.startDay(day);
      for (let hour = 0; hour < 24; hour++) {
        await out.writeHour(simulateHour(ctx, period.loads[day]!, hour, out.intents, out.complaint));
      }
      await out.endDay(day);
    }
    await out.closeChunk();
  }
  return { files: out.files };
}
