// Turns simulated days into files. Calls go to the chunk of their start;
// ticket events to the chunk in which they were *exported* (event time plus a
// delay, sometimes a day or two), so some files hold replies to tickets opened
// in an earlier file; complaints to the chunk in which they were received.
// Only events whose export day has not come yet are buffered: memory stays at a
// few days of rows whatever the length of the period.
import { join } from 'node:path';
import { DAY, MINUTE, SECOND } from './calendar.js';
import { buildComplaint } from './complaints-gen.js';
import { type HourContacts, IntentQueue } from './hour-sim.js';
import type { CallRecord, ComplaintSeed, GenContext, TicketRecord } from './model.js';
import type { Chunk, Period } from './period.js';
import { CALL_COLUMNS, COMPLAINT_COLUMNS, callLine, complaintLine, csvHeader, ticketEventLine } from './rows.js';
import { ExportBuckets } from './export-buckets.js';
import { FileSink } from './writers.js';

export interface DemoFile {
  kind: 'calls' | 'ticket_events' | 'complaints';
  path: string;
  rows: number;
}

const byStart = (a: CallRecord, b: CallRecord) => a.startedAt - b.startedAt;
const byOpening = (a: TicketRecord, b: TicketRecord) => a.openedAt - b.openedAt;

function seq(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export class ChunkOutput {
  readonly files: DemoFile[] = [];
  readonly intents: IntentQueue;
  private readonly complaints = new Map<number, ComplaintSeed[]>();
  private readonly events: ExportBuckets;
  private sinks: { calls: FileSink; events: FileSink; complaints: FileSink } | null = null;
  /** Ids run per local day in time order: C/T + YYYYMMDD + sequence. */
  private ymdOfDay = '';
  private callSeq = 0;
  private ticketSeq = 0;

  constructor(private readonly dir: string, private readonly period: Period, private readonly ctx: GenContext) {
    this.intents = new IntentQueue(ctx, period.dayIndex);
    this.events = new ExportBuckets(period.start);
  }

  /** Files a complaint under the day it is received. */
  readonly complaint = (c: ComplaintSeed): void => {
    const day = this.period.dayIndex(c.receivedAt);
    const list = this.complaints.get(day);
    if (list) list.push(c);
    else this.complaints.set(day, [c]);
  };

  async openChunk(chunk: Chunk): Promise<void> {
    const file = (name: string) => join(this.dir, `${name}-${chunk.label}`);
    this.sinks = {
      calls: new FileSink(file('calls') + '.csv.gz', { gzip: true }),
      events: new FileSink(file('ticket_events') + '.jsonl'),
      complaints: new FileSink(file('complaints') + '.csv', { encoding: 'gbk' }),
    };
    this.sinks.calls.line(csvHeader(CALL_COLUMNS), false);
    this.sinks.complaints.line(csvHeader(COMPLAINT_COLUMNS), false);
  }

  async closeChunk(): Promise<void> {
    const s = this.sinks!;
    for (const [kind, sink] of [['calls', s.calls], ['ticket_events', s.events], ['complaints', s.complaints]] as const) {
      await sink.close();
      this.files.push({ kind, path: sink.path, rows: sink.rows });
    }
    this.sinks = null;
  }

  startDay(day: number): void {
    this.ymdOfDay = this.ymd(day);
    this.callSeq = 0;
    this.ticketSeq = 0;
  }

  /** Writes an hour's calls and buffers its ticket events under their export days. */
  async writeHour({ calls, tickets }: HourContacts): Promise<void> {
    calls.sort(byStart);
    const sink = this.sinks!.calls;
    for (const c of calls) sink.line(callLine(this.ctx.clock, 'C' + this.ymdOfDay + seq(++this.callSeq, 7), c));
    await sink.flush();
    tickets.sort(byOpening);
    for (const t of tickets) this.bufferTicket(t);
  }

  /** Everything exported or received during the day is known now: write it. */
  async endDay(day: number): Promise<void> {
    await this.flushEvents(day);
    await this.flushComplaints(day, this.ymdOfDay);
  }

  private bufferTicket(t: TicketRecord): void {
    const { clock, end } = this.ctx;
    t.id = 'T' + this.ymdOfDay + seq(++this.ticketSeq, 7);
    for (let k = 0; k < t.events.length; k++) {
      const e = t.events[k]!;
      if (e.at >= end) break; // has not happened yet (events are in time order)
      const exported = Math.min(end - SECOND, e.at + this.exportDelay());
      this.events.add(this.period.dayIndex(exported), exported, ticketEventLine(clock, t, e, k + 1));
    }
  }

  /** Most exports follow within minutes; some batches run an hour or two late, a few a day or two. */
  private exportDelay(): number {
    const { rng } = this.ctx;
    const r = rng.next();
    if (r < 0.85) return 5 * SECOND + rng.exponential(3 * MINUTE);
    if (r < 0.97) return rng.uniform(10, 120) * MINUTE;
    return rng.uniform(1, 2) * DAY;
  }

  private async flushEvents(day: number): Promise<void> {
    const { bytes, rows } = this.events.take(day);
    this.sinks!.events.bytes(bytes, rows);
    await this.sinks!.events.flush();
  }

  private async flushComplaints(day: number, ymd: string): Promise<void> {
    const seeds = this.complaints.get(day) ?? [];
    this.complaints.delete(day);
    seeds.sort((a, b) => a.receivedAt - b.receivedAt);
    const sink = this.sinks!.complaints;
    seeds.forEach((s, i) => sink.line(complaintLine(this.ctx.clock, buildComplaint(this.ctx, s, 'CP' + ymd + seq(i + 1, 5)))));
    await sink.flush();
  }

  private ymd(day: number): string {
    const { y, m, d } = this.period.loads[day]!.profile.date;
    return `${y}${seq(m, 2)}${seq(d, 2)}`;
  }
}
