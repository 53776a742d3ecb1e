// FORMATS.md section 2: "Events may arrive in any order and across several files";
// etl/README.md "Rules": before_opened spans files, and stored events that a late
// `opened` shows to be earlier are retracted by the run that loads it.
import { beforeEach, describe, expect, it } from 'vitest';
import type { LoadResult } from '../../etl/load/load-file.ts';
import { lines, useTempWarehouse } from '../helpers/temp-warehouse.ts';

const t = useTempWarehouse();

const HEADER = 'ticket_id,at,type,channel,actor,customer_id';
const MESSAGE = "the event is earlier than its ticket's opened event";

describe('ticket events across files', () => {
  let run1: LoadResult;
  let run2: LoadResult;

  beforeEach(async () => {
    // File 1: a reply of T1 and a message of T2, neither ticket opened yet.
    t.writeFile('events-1.csv', lines(HEADER, 'T1,2026-03-08 10:05:00,agent_reply,,A1,', 'T2,2026-03-08 10:10:00,customer_message,,,'));
    // File 2: T1 opened before its reply (fine); T2 opened after its message.
    t.writeFile('events-2.csv', lines(HEADER, 'T1,2026-03-08 10:00:00,opened,chat,,M1', 'T2,2026-03-08 10:20:00,opened,web,,M2'));
    run1 = await t.load('ticket_events', 'events-1.csv');
  });

  it('keeps events of a ticket whose opened has not arrived yet', async () => {
    expect(run1).toMatchObject({ status: 'loaded', read: 2, loaded: 2, rejected: 0, duplicate: 0, retracted: 0 });
    expect(await t.rejects()).toEqual([]);
    expect(await t.query('SELECT ticket_id, type FROM ticket_events ORDER BY ticket_id')).toEqual([
      { ticket_id: 'T1', type: 'agent_reply' },
      { ticket_id: 'T2', type: 'customer_message' },
    ]);
  });

  describe('when the opened events arrive', () => {
    beforeEach(async () => {
      run2 = await t.load('ticket_events', 'events-2.csv');
    });

    it('retracts a stored event earlier than its late opened, naming the run that had loaded it', async () => {
      expect(run2).toMatchObject({ status: 'loaded', read: 2, loaded: 2, replaced: 0, rejected: 0, duplicate: 0, retracted: 1 });
      expect(await t.run(run2.runId)).toMatchObject({ rows_read: 2, rows_loaded: 2, rows_rejected: 0, rows_retracted: 1 });
      // The run that loaded it keeps its counts as they were.
      expect(await t.run(run1.runId)).toMatchObject({ rows_read: 2, rows_loaded: 2, rows_retracted: 0 });
      expect(await t.rejects()).toEqual([{
        run_id: run2.runId, kind: 'ticket_events', source_line: 3, rule: 'before_opened', rules: ['before_opened'], message: MESSAGE,
        // Retracted rows are kept as they were typed (their raw text is not stored).
        raw: {
          ticket_id: 'T2', event_id: null, at: '2026-03-08T02:10:00.000000Z', type: 'customer_message', channel: null, actor: null,
          customer_id: null, order_id: null, category: null, priority: null, status: null, template_id: null, amount: null, extra: null,
        },
        retracted_from_run: run1.runId,
      }]);
    });

    it('removes the retracted event and keeps the reply that follows its opened', async () => {
      expect(await t.query('SELECT ticket_id, type, event_at, run_id, source_line FROM ticket_events ORDER BY ticket_id, event_at')).toEqual([
        { ticket_id: 'T1', type: 'opened', event_at: new Date('2026-03-08T02:00:00Z'), run_id: run2.runId, source_line: 2 },
        { ticket_id: 'T1', type: 'agent_reply', event_at: new Date('2026-03-08T02:05:00Z'), run_id: run1.runId, source_line: 2 },
        { ticket_id: 'T2', type: 'opened', event_at: new Date('2026-03-08T02:20:00Z'), run_id: run2.runId, source_line: 3 },
      ]);
    });

    it('rejects a new event earlier than a stored opened in the run that brings it', async () => {
      t.writeFile('events-3.csv', lines(HEADER, 'T1,2026-03-08 09:59:00,customer_message,,,', 'T2,2026-03-08 10:25:00,customer_message,,,'));
      const before = await t.query('SELECT * FROM ticket_events ORDER BY event_key');
      const run3 = await t.load('ticket_events', 'events-3.csv');
      expect(run3).toMatchObject({ status: 'loaded', read: 2, loaded: 1, rejected: 1, duplicate: 0, retracted: 0 });
      expect(await t.rejects(run3.runId)).toMatchObject([
        { kind: 'ticket_events', source_line: 2, rule: 'before_opened', rules: ['before_opened'], message: MESSAGE, retracted_from_run: null },
      ]);
      const after = await t.query('SELECT * FROM ticket_events ORDER BY event_key');
      expect(after.filter((r) => r.run_id !== run3.runId)).toEqual(before);
      expect(after.filter((r) => r.run_id === run3.runId)).toMatchObject([{ ticket_id: 'T2', type: 'customer_message', source_line: 3 }]);
    });

    it('stores a later agent_reply and changes nothing else', async () => {
      t.writeFile('events-4.csv', lines(HEADER, 'T1,2026-03-08 10:30:00,agent_reply,,A2,'));
      const before = await t.snapshot();
      const run4 = await t.load('ticket_events', 'events-4.csv');
      expect(run4).toMatchObject({ status: 'loaded', read: 1, loaded: 1, replaced: 0, rejected: 0, duplicate: 0, retracted: 0 });
      const after = await t.snapshot();
      expect(after.etl_rejects).toEqual(before.etl_rejects);
      expect(after.ticket_events?.filter((r) => r.run_id !== run4.runId)).toEqual(before.ticket_events);
      expect(after.ticket_events?.filter((r) => r.run_id === run4.runId)).toMatchObject([
        { event_key: 'T1|1772937000000000|agent_reply|A2', actor: 'A2', event_at: new Date('2026-03-08T02:30:00Z'), source_line: 2 },
      ]);
    });

    it('does not retract again when the same opened file is loaded with force', async () => {
      const again = await t.load('ticket_events', 'events-2.csv', { force: true });
      expect(again).toMatchObject({ status: 'loaded', read: 2, loaded: 0, duplicate: 2, retracted: 0 });
      expect(await t.query('SELECT count(*) AS n FROM etl_rejects')).toEqual([{ n: 1 }]);
    });
  });
});
