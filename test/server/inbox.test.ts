import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kindFromName, listInboxFiles } from '../../etl/inbox/inbox-files.ts';
import { moveWithoutOverwrite, splitExtension } from '../../etl/inbox/move-file.ts';
import { localDay, scanInbox } from '../../etl/inbox/scan-inbox.ts';
import { useTempWarehouse } from '../helpers/temp-warehouse.ts';
import { CLEAN_CALLS, tempDir, UNREADABLE_CALLS, writeFile, removeTempDirs } from './support.ts';

afterAll(removeTempDirs);

describe('inbox files', () => {
  it('tells the kind from the name prefix', () => {
    expect(kindFromName('calls-20260301.csv.gz')).toBe('calls');
    expect(kindFromName('Tickets_march.jsonl')).toBe('ticket_events');
    expect(kindFromName('ticket_events-1.jsonl')).toBe('ticket_events');
    expect(kindFromName('complaints.csv')).toBe('complaints');
    expect(kindFromName('export.csv')).toBeNull();
  });

  it('lists ready files in name order across the inbox and its kind folders', () => {
    const inbox = tempDir('inbox-list');
    const old = 5000;
    writeFile(inbox, 'tickets/b.jsonl', '{}', old);
    writeFile(inbox, 'calls-c.csv', 'x', old);
    writeFile(inbox, 'a-unknown.csv', 'x', old);
    writeFile(inbox, '.hidden-calls.csv', 'x', old);
    writeFile(inbox, 'calls-d.csv.tmp', 'x', old);
    writeFile(inbox, 'calls-e.csv.partial', 'x', old);
    writeFile(inbox, 'calls-now.csv', 'x');
    writeFile(inbox, 'loaded/2026-01-01/calls-old.csv', 'x', old);
    const listed = listInboxFiles(inbox).map((f) => [f.name, f.kind]);
    expect(listed).toEqual([['a-unknown.csv', null], ['b.jsonl', 'ticket_events'], ['calls-c.csv', 'calls']]);
  });

  it('moves without overwriting, keeping the extension chain', () => {
    expect(splitExtension('calls-0301.csv.gz')).toEqual(['calls-0301', '.csv.gz']);
    const dir = tempDir('inbox-move');
    const dest = path.join(dir, 'done');
    const first = moveWithoutOverwrite(writeFile(dir, 'calls.csv.gz', 'one'), dest);
    const second = moveWithoutOverwrite(writeFile(dir, 'calls.csv.gz', 'two'), dest);
    expect(path.basename(first)).toBe('calls.csv.gz');
    expect(path.basename(second)).toBe('calls-2.csv.gz');
    expect(fs.readFileSync(first, 'utf8')).toBe('one');
    expect(fs.readFileSync(second, 'utf8')).toBe('two');
    expect(fs.existsSync(path.join(dir, 'calls.csv.gz'))).toBe(false);
  });
});

describe('scanInbox', () => {
  // A real warehouse in a temporary folder, shared by this block's tests.
  const t = useTempWarehouse('file');

  it('loads, then files loaded and unchanged files by day and refused ones aside', async () => {
    const inbox = path.join(t.dir, 'inbox');
    writeFile(inbox, 'calls-1.csv', CLEAN_CALLS, 5000);
    writeFile(inbox, 'calls/same-again.csv', CLEAN_CALLS, 5000);
    writeFile(inbox, 'calls-2-broken.csv', UNREADABLE_CALLS, 5000);
    const tz = 'Asia/Shanghai';
    const entries = await scanInbox(t.wh, { inbox, timeZone: tz, trigger: 'inbox' });
    expect(entries.map((e) => [path.basename(e.file), e.status])).toEqual([
      ['calls-1.csv', 'loaded'],
      ['calls-2-broken.csv', 'refused'],
      ['same-again.csv', 'unchanged'],
    ]);
    const day = path.join(inbox, 'loaded', localDay(new Date(), tz));
    expect(fs.readdirSync(day).sort()).toEqual(['calls-1.csv', 'same-again.csv']);
    expect(fs.readdirSync(path.join(inbox, 'refused'))).toEqual(['calls-2-broken.csv']);
    expect(entries[1]!.error).toMatchObject({ line: 3 });
    expect(await scanInbox(t.wh, { inbox, timeZone: tz, trigger: 'inbox' })).toEqual([]);
  });
});
