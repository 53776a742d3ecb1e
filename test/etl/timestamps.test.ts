// FORMATS.md "Timestamps": ISO 8601 with or without an offset (without: the platform
// zone), or epoch seconds; stored as UTC instants.
import { describe, expect, it } from 'vitest';
import { lines, useTempWarehouse } from '../helpers/temp-warehouse.ts';

const t = useTempWarehouse();

const HEADER = 'call_id,started_at,queue,outcome';
const call = (id: string, at: string) => `${id},${at},orders,busy`;

/** The four ways to write 2026-03-08 14:05:09 in Shanghai (06:05:09 UTC). */
const SAME_INSTANT = lines(
  HEADER,
  call('offset', '2026-03-08T14:05:09+08:00'),
  call('naive', '2026-03-08 14:05:09'),
  call('utc', '2026-03-08T06:05:09Z'),
  call('epoch', '1772949909'),
);

async function startedAt(): Promise<Record<string, string>> {
  const rows = await t.query<{ call_id: string; started_at: Date }>('SELECT call_id, started_at FROM calls ORDER BY call_id');
  return Object.fromEntries(rows.map((r) => [r.call_id, r.started_at.toISOString()]));
}

describe('timestamps', () => {
  it('stores an offset, a naive platform-local, a Z and an epoch-seconds timestamp as the same instant', async () => {
    t.writeFile('calls.csv', SAME_INSTANT);
    expect(await t.load('calls', 'calls.csv')).toMatchObject({ read: 4, loaded: 4, rejected: 0 });
    expect(await startedAt()).toEqual({
      epoch: '2026-03-08T06:05:09.000Z',
      naive: '2026-03-08T06:05:09.000Z',
      offset: '2026-03-08T06:05:09.000Z',
      utc: '2026-03-08T06:05:09.000Z',
    });
  });

  it('reads a naive timestamp in the zone of the load, and only the naive one', async () => {
    t.writeFile('calls.csv', SAME_INSTANT);
    expect(await t.load('calls', 'calls.csv', { timeZone: 'UTC' })).toMatchObject({ read: 4, loaded: 4, rejected: 0 });
    expect(await startedAt()).toEqual({
      epoch: '2026-03-08T06:05:09.000Z',
      naive: '2026-03-08T14:05:09.000Z',
      offset: '2026-03-08T06:05:09.000Z',
      utc: '2026-03-08T06:05:09.000Z',
    });
  });

  it('reads a T-separated naive timestamp, a date alone, and fractional epoch seconds', async () => {
    t.writeFile('calls.csv', lines(HEADER, call('t', '2026-03-08T14:05:09'), call('day', '2026-03-08'), call('frac', '1772949909.5')));
    expect(await t.load('calls', 'calls.csv')).toMatchObject({ read: 3, loaded: 3, rejected: 0 });
    expect(await startedAt()).toEqual({
      day: '2026-03-07T16:00:00.000Z',
      frac: '2026-03-08T06:05:09.500Z',
      t: '2026-03-08T06:05:09.000Z',
    });
  });

  it('rejects a day that does not exist, epoch milliseconds and words as invalid_timestamp', async () => {
    t.writeFile('calls.csv', lines(
      HEADER,
      call('ok', '2026-03-08 14:05:09'),
      call('feb30', '2026-02-30 10:00:00'),
      call('millis', '1772949909000'),
      call('words', 'yesterday noon'),
    ));
    expect(await t.load('calls', 'calls.csv')).toMatchObject({ read: 4, loaded: 1, rejected: 3, duplicate: 0 });
    expect((await t.rejects()).map((r) => [r.source_line, r.rule, r.message, (r.raw as { started_at: string }).started_at])).toEqual([
      [3, 'invalid_timestamp', 'started_at is not an ISO 8601 timestamp or epoch seconds', '2026-02-30 10:00:00'],
      [4, 'invalid_timestamp', 'started_at is not an ISO 8601 timestamp or epoch seconds', '1772949909000'],
      [5, 'invalid_timestamp', 'started_at is not an ISO 8601 timestamp or epoch seconds', 'yesterday noon'],
    ]);
  });

  it('keys a ticket event by its instant, so the same event written in two zones is one event', async () => {
    t.writeFile('a.csv', lines('ticket_id,at,type,channel,customer_id', 'T1,2026-03-08 09:00:00,opened,chat,M1'));
    t.writeFile('b.csv', lines('ticket_id,at,type,channel,customer_id', 'T1,2026-03-08T01:00:00Z,opened,chat,M1'));
    await t.load('ticket_events', 'a.csv');
    expect(await t.load('ticket_events', 'b.csv')).toMatchObject({ read: 1, loaded: 0, duplicate: 1 });
    expect(await t.query('SELECT event_key, event_at FROM ticket_events')).toEqual([
      { event_key: 'T1|1772931600000000|opened|', event_at: new Date('2026-03-08T01:00:00Z') },
    ]);
  });
});
