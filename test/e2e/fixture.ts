/**
 * The browser tests' warehouse: a handful of hand-made contacts in one past week,
 * written as FORMATS.md files and loaded by the real ETL (loadFile, then the
 * derived facts), so every number the dashboard shows can be counted by hand.
 *
 * Week Mon 2026-10-12 .. Sun 2026-10-18, Asia/Shanghai local times (the files
 * carry no offset; the platform zone is Asia/Shanghai). Every window (silence
 * 48 h, FCR 7 days, the complaint's deadline) closed long before AS_OF, so nothing
 * is pending. Defaults in force: short_abandon_s 5, answer_target_s 20,
 * callback_target_s 180, silence_window 48 h on 24x7, SLA first response chat
 * 30 s / web 15 min.
 *
 * Calls (queue, customer):
 *   C1  Mon 10-12 10:00  recharge M1  answered  wait 15 s, talk 120 s, agent A1
 *   C2  Mon 10-12 11:00  orders   M2  answered  wait 30 s, talk 200 s, agent A2
 *   C3  Tue 10-13 09:00  recharge M3  abandoned after 40 s; nobody ever answers M3 -> silent
 *   C4  Wed 10-14 09:00  orders   M4  unreachable (never queued); no response to M4  -> silent
 *   C5  Thu 10-15 14:00  recharge M5  callback: asked 14:01:00, called back 14:02:30
 *                                     (90 s <= 180 s: kept; the callback rescues it -> not silent)
 * Tickets:
 *   T1  Fri 10-16 10:00  chat  M6  agent reply 10:00:20 (A1), resolved 10:30 -> not silent,
 *                                   first response 20 s <= 30 s achieved, first-contact resolved
 *   T2  Fri 10-16 11:00  web   M7  only a bot reply (11:00:05) -> silent, first response breached
 * Complaint:
 *   K1  Sat 10-17 10:00  12315, M7 (about T2), 98.00 CNY, deadline 10-20 10:00,
 *       first response 10-19 15:00 (in time -> not silent, timely), still open
 */
import fs from 'node:fs';
import path from 'node:path';
import { refreshFacts } from '../../etl/facts/refresh-facts.ts';
import { loadFile } from '../../etl/load/load-file.ts';
import type { SourceKind } from '../../etl/sources/index.ts';
import { Warehouse } from '../../server/db/warehouse.ts';
import { csvFile } from '../helpers/csv-fixture.ts';

export const FIXTURE_TIME_ZONE = 'Asia/Shanghai';

/** The fixture's week as API/dashboard range parameters (`to` exclusive). */
export const RANGE = { from: '2026-10-12', to: '2026-10-19' } as const;

/** A fixed instant of evaluation, long after every window closed (same numbers as "now"). */
export const AS_OF = '2026-11-01T00:00:00+08:00';

const CALLS_HEADER = ['call_id', 'started_at', 'queue', 'customer_id', 'outcome', 'wait_s', 'talk_s', 'agent_id', 'callback_requested_at', 'callback_at'];

const CALLS = csvFile(CALLS_HEADER, [
  { call_id: 'C1', started_at: '2026-10-12 10:00:00', queue: 'recharge', customer_id: 'M1', outcome: 'answered', wait_s: '15', talk_s: '120', agent_id: 'A1' },
  { call_id: 'C2', started_at: '2026-10-12 11:00:00', queue: 'orders', customer_id: 'M2', outcome: 'answered', wait_s: '30', talk_s: '200', agent_id: 'A2' },
  { call_id: 'C3', started_at: '2026-10-13 09:00:00', queue: 'recharge', customer_id: 'M3', outcome: 'abandoned', wait_s: '40' },
  { call_id: 'C4', started_at: '2026-10-14 09:00:00', queue: 'orders', customer_id: 'M4', outcome: 'unreachable' },
  {
    call_id: 'C5', started_at: '2026-10-15 14:00:00', queue: 'recharge', customer_id: 'M5', outcome: 'callback', wait_s: '60',
    callback_requested_at: '2026-10-15 14:01:00', callback_at: '2026-10-15 14:02:30',
  },
]);

function event(ticket: string, at: string, type: string, extra: Record<string, string> = {}): string {
  return JSON.stringify({ ticket_id: ticket, event_id: `${ticket}/${type}/${at}`, at, type, ...extra });
}

const TICKET_EVENTS = [
  event('T1', '2026-10-16 10:00:00', 'opened', { channel: 'chat', customer_id: 'M6', category: 'operation' }),
  event('T1', '2026-10-16 10:00:20', 'agent_reply', { actor: 'A1' }),
  event('T1', '2026-10-16 10:30:00', 'resolved', { actor: 'A1' }),
  event('T2', '2026-10-16 11:00:00', 'opened', { channel: 'web', customer_id: 'M7', category: 'product' }),
  event('T2', '2026-10-16 11:00:05', 'bot_reply', { actor: 'bot' }),
].join('\n') + '\n';

const COMPLAINTS_HEADER = ['complaint_id', 'received_at', 'source', 'customer_id', 'ticket_id', 'category', 'amount', 'deadline_at', 'first_response_at'];

const COMPLAINTS = csvFile(COMPLAINTS_HEADER, [
  {
    complaint_id: 'K1', received_at: '2026-10-17 10:00:00', source: '12315', customer_id: 'M7', ticket_id: 'T2', category: 'product',
    amount: '98.00', deadline_at: '2026-10-20 10:00:00', first_response_at: '2026-10-19 15:00:00',
  },
]);

/**
 * What the API (and so the dashboard) must show for RANGE as of AS_OF (or now),
 * counted by hand from the rows above. Rates as [numerator, denominator].
 */
export const EXPECTED = {
  /** Every contact: calls C1-C5, tickets T1-T2, complaint K1; silent C3, C4, T2. */
  silence_rate: { numerator: 3, denominator: 8, pending: 0, value: 3 / 8 },
  /** Tickets only (channel=chat,web): T2 silent, T1 answered. */
  silence_rate_tickets: { numerator: 1, denominator: 2, pending: 0, value: 1 / 2 },
  /** Calls only (channel=phone): C3, C4 silent; C1, C2 answered; C5 rescued by its callback. */
  silence_rate_phone: { numerator: 2, denominator: 5, pending: 0, value: 2 / 5 },
  /** All five rows. */
  attempts: { value: 5 },
  /** attempts 5 − line failures 1 (C4) − short abandons 0. */
  offered: { value: 4 },
  /** answered C1, C2 of offered C1, C2, C3, C5. */
  answer_rate: { numerator: 2, denominator: 4, value: 2 / 4 },
  /** busy + unreachable (C4) of all attempts. */
  unreachable_rate: { numerator: 1, denominator: 5, value: 1 / 5 },
  /** C3 of offered. */
  abandon_rate: { numerator: 1, denominator: 4, value: 1 / 4 },
  /** answered with wait ≤ 20 s: C1 only, of offered. */
  service_level: { numerator: 1, denominator: 4, value: 1 / 4 },
  /** mean wait of C1 (15 s) and C2 (30 s). */
  asa: { numerator: 45, denominator: 2, value: 22.5 },
  /** C5 called back after 90 s ≤ 180 s. */
  callback_kept: { numerator: 1, denominator: 1, value: 1 },
  /** T1 replied after 20 s (chat target 30 s); T2 (web, 15 min) never replied. */
  sla_first_response: { numerator: 1, denominator: 2, value: 1 / 2 },
  /** T1 resolved after 30 min (chat target 24 h); T2 never resolved, past 24 h. */
  sla_resolution: { numerator: 1, denominator: 2, value: 1 / 2 },
  /** C1, C2 (answered, no repeat contact) and T1 (resolved, no transfer, reopen or repeat). */
  fcr: { numerator: 3, denominator: 3, value: 1 },
  complaints: { value: 1 },
  complaint_amount: { value: 98 },
  /** K1 answered 10-19 15:00, deadline 10-20 10:00. */
  complaint_timely_response: { numerator: 1, denominator: 1, value: 1 },
  /** 1,000 × 1 complaint ÷ 8 contacts. */
  complaint_rate: { numerator: 1, denominator: 8, value: 125 },
  /** K1's customer M7 had the silent ticket T2 in the 30 days before. */
  silence_before_complaint: { numerator: 1, denominator: 1, value: 1 },
} as const;

async function load(wh: Warehouse, dir: string, kind: SourceKind, name: string, text: string): Promise<void> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  const r = await loadFile(wh, { kind, file, trigger: 'cli', timeZone: FIXTURE_TIME_ZONE });
  if (r.status !== 'loaded' || r.rejected !== 0) {
    const rejects = await wh.query(`SELECT rule, raw FROM etl_rejects WHERE run_id = ${r.runId}`);
    throw new Error(`the e2e fixture ${name} did not load cleanly: ${JSON.stringify({ ...r, rejects })}`);
  }
}

/**
 * Writes the fixture's files into `dir/fixture/`, loads them into a new warehouse
 * `dir/radar.duckdb` with the real ETL, refreshes the derived facts, closes it,
 * and returns the database file (for the server's --db).
 */
export async function buildFixtureDatabase(dir: string): Promise<string> {
  const files = path.join(dir, 'fixture');
  fs.mkdirSync(files, { recursive: true });
  const db = path.join(dir, 'radar.duckdb');
  const wh = await Warehouse.open({ file: db, threads: 2 });
  try {
    await load(wh, files, 'calls', 'calls.csv', CALLS);
    await load(wh, files, 'ticket_events', 'ticket_events.jsonl', TICKET_EVENTS);
    await load(wh, files, 'complaints', 'complaints.csv', COMPLAINTS);
    await refreshFacts(wh);
  } finally {
    wh.close();
  }
  return db;
}
