/**
 * Versions in a real DuckDB file: the default version at start, a change
 * effective at a given instant, the version in force on each side of it, and the
 * lookup tables metric SQL joins, for both versions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Warehouse } from '../../server/db/warehouse.ts';
import { PolicyChangeRefused } from '../../server/policies/policy-change.ts';
import type { PolicyTables } from '../../server/policies/policy-tables.ts';
import { addPolicyVersion, ensureDefaultPolicy, getPolicyVersion, listPolicyVersions, policyAt } from '../../server/policies/policy-store.ts';
import { removeTempDirs } from '../server/support.ts';
import { policyWarehouse } from './policy-fixture.ts';

afterAll(removeTempDirs);

const NOW = new Date('2026-03-10T00:00:00Z');
/** 2026-03-01 00:00 in Shanghai. */
const T2 = new Date('2026-02-28T16:00:00Z');
const T3 = new Date('2026-04-01T00:00:00Z');
const T4 = new Date('2026-03-20T00:00:00Z');
const BEFORE_T2 = new Date(T2.getTime() - 1);

describe('policy store', () => {
  let wh: Warehouse;
  beforeAll(async () => {
    ({ wh } = await policyWarehouse('policy-store'));
  });
  afterAll(() => wh.close());

  it('starts with the defaults as version 1 from the epoch, once', async () => {
    expect(await ensureDefaultPolicy(wh)).toEqual({ created: false });
    const [v1, ...rest] = await listPolicyVersions(wh);
    expect(rest).toEqual([]);
    expect(v1).toMatchObject({ version: 1, effective_from: new Date(0), valid_to: null, in_force_ever: true, created_by: 'system', based_on: null, backdated: false });
    expect((await policyAt(wh, new Date(0)))?.document.sla.chat.first_response).toEqual({ kind: 'duration', seconds: 30, calendar: '24x7' });
    expect(await policyAt(wh, new Date(-1))).toBeUndefined();
  });

  it('adds version 2 effective at a given instant (backdated), merged over version 1', async () => {
    const { version, withdrawn } = await addPolicyVersion(wh, {
      note: 'urgent chats resolved in 2 h; email gets 72 h before it counts as silent',
      createdBy: 'local-admin',
      effectiveFrom: T2,
      backdate: true,
      now: NOW,
      patch: {
        sla: { chat: { priorities: { urgent: { resolution: { seconds: 7200 } } } } },
        silence_window: { channels: { email: { seconds: 72 * 3600, calendar: '24x7' } } },
      },
    });
    expect(withdrawn).toEqual([]);
    expect(version).toMatchObject({ version: 2, effective_from: T2, valid_to: null, created_at: NOW, created_by: 'local-admin', based_on: 1, backdated: true });
    expect((await getPolicyVersion(wh, 1))?.valid_to).toEqual(T2);
  });

  it('resolves the version in force on each side of the effective instant (half-open)', async () => {
    expect((await policyAt(wh, BEFORE_T2))?.version).toBe(1);
    expect((await policyAt(wh, T2))?.version).toBe(2);
    expect((await policyAt(wh, NOW))?.version).toBe(2);
    expect((await policyAt(wh, BEFORE_T2))?.document.sla.chat.priorities.urgent?.resolution).toEqual({ kind: 'duration', seconds: 14_400, calendar: '24x7' });
    expect((await policyAt(wh, T2))?.document.sla.chat.priorities.urgent?.resolution).toEqual({ kind: 'duration', seconds: 7200, calendar: '24x7' });
    expect(await wh.query('SELECT version, valid_from, valid_to FROM policy_ranges ORDER BY version')).toEqual([
      { version: 1, valid_from: new Date(0), valid_to: T2 },
      { version: 2, valid_from: T2, valid_to: null },
    ]);
  });

  it('keeps the lookup tables of both versions', async () => {
    expect(await wh.query(`SELECT version, kind, seconds, calendar FROM policy_sla_targets
      WHERE channel = 'chat' AND priority = 'urgent' AND metric = 'resolution' ORDER BY version`)).toEqual([
      { version: 1, kind: 'duration', seconds: 14_400, calendar: '24x7' },
      { version: 2, kind: 'duration', seconds: 7200, calendar: '24x7' },
    ]);
    // Other priorities of chat are untouched.
    expect(await wh.query(`SELECT DISTINCT seconds FROM policy_sla_targets WHERE channel = 'chat' AND priority <> 'urgent' AND metric = 'resolution'`)).toEqual([{ seconds: 86_400 }]);
    expect(await wh.query(`SELECT version, channel, seconds FROM policy_silence_windows WHERE channel IN ('email', 'chat', '*') ORDER BY version, channel`)).toEqual([
      { version: 1, channel: '*', seconds: 172_800 }, { version: 1, channel: 'chat', seconds: 172_800 }, { version: 1, channel: 'email', seconds: 172_800 },
      { version: 2, channel: '*', seconds: 172_800 }, { version: 2, channel: 'chat', seconds: 172_800 }, { version: 2, channel: 'email', seconds: 259_200 },
    ]);
    const counts = await wh.query(`SELECT
      (SELECT count(*) FROM policy_settings) AS settings, (SELECT count(*) FROM policy_sla_targets) AS sla,
      (SELECT count(*) FROM policy_silence_windows) AS silence, (SELECT count(*) FROM policy_complaint_deadlines) AS deadlines`);
    expect(counts).toEqual([{ settings: 2, sla: 128, silence: 16, deadlines: 20 }]);
  });

  it('lets metric SQL pick each contact\'s version by its start time', async () => {
    const rows = await wh.query(`
      WITH contacts(contact_id, started_at, channel, priority) AS (VALUES
        ('before', TIMESTAMPTZ '2026-02-28 15:59:59+00', 'chat', 'urgent'),
        ('at', TIMESTAMPTZ '2026-02-28 16:00:00+00', 'chat', 'urgent'),
        ('later', TIMESTAMPTZ '2026-03-05 08:00:00+00', 'chat', 'normal'))
      SELECT c.contact_id, r.version, t.seconds AS resolution_s, s.short_abandon_s
      FROM contacts c
      JOIN policy_ranges r ON c.started_at >= r.valid_from AND (r.valid_to IS NULL OR c.started_at < r.valid_to)
      JOIN policy_settings s ON s.version = r.version
      JOIN policy_sla_targets t ON t.version = r.version AND t.channel = c.channel AND t.priority = c.priority AND t.metric = 'resolution'
      ORDER BY c.started_at`);
    expect(rows).toEqual([
      { contact_id: 'before', version: 1, resolution_s: 14_400, short_abandon_s: 5 },
      { contact_id: 'at', version: 2, resolution_s: 7200, short_abandon_s: 5 },
      { contact_id: 'later', version: 2, resolution_s: 86_400, short_abandon_s: 5 },
    ]);
  });

  it('can be queried through Kysely with the PolicyTables types', async () => {
    const db = wh.read.withTables<PolicyTables>();
    const rows = await db
      .selectFrom('policy_complaint_deadlines')
      .select(['version', 'source', 'kind', 'days', 'calendar'])
      .where('source', '=', '12315')
      .orderBy('version')
      .execute();
    expect(rows).toEqual([
      { version: 1, source: '12315', kind: 'working_days', days: 7, calendar: 'cn-workdays' },
      { version: 2, source: '12315', kind: 'working_days', days: 7, calendar: 'cn-workdays' },
    ]);
  });

  it('withdraws a scheduled version replaced before it takes effect', async () => {
    const base = { note: 'schedule', createdBy: 'local-admin', now: NOW } as const;
    const v3 = await addPolicyVersion(wh, { ...base, effectiveFrom: T3, patch: { short_abandon_s: 8 } });
    expect(v3.version).toMatchObject({ version: 3, based_on: 2, backdated: false });
    expect((await policyAt(wh, T3))?.document.short_abandon_s).toBe(8);
    const v4 = await addPolicyVersion(wh, { ...base, effectiveFrom: T4, patch: { answer_target_s: 15 } });
    expect(v4.withdrawn).toEqual([3]);
    // Version 4 was merged over version 2 (in force on T4), so version 3's change is gone too.
    expect(v4.version.document).toMatchObject({ short_abandon_s: 5, answer_target_s: 15 });
    expect((await policyAt(wh, T3))?.version).toBe(4);
    expect(await wh.query('SELECT version FROM policy_ranges ORDER BY version')).toEqual([{ version: 1 }, { version: 2 }, { version: 4 }]);
    expect((await getPolicyVersion(wh, 3))).toMatchObject({ in_force_ever: false, valid_to: null });
  });

  it('refuses unknown calendars and breaks of the effective-time rules, writing nothing', async () => {
    const before = await listPolicyVersions(wh);
    const attempts = [
      { effectiveFrom: T4, patch: { fcr_window: { calendar: 'mars-workdays' } } },
      { effectiveFrom: new Date('2026-03-09T00:00:00Z'), patch: {} },
      { effectiveFrom: BEFORE_T2, backdate: true, patch: {} },
    ];
    const parameters = [];
    for (const a of attempts) {
      const err = await addPolicyVersion(wh, { note: 'x', createdBy: 'local-admin', now: NOW, ...a }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PolicyChangeRefused);
      parameters.push((err as PolicyChangeRefused).parameter);
    }
    expect(parameters).toEqual(['document.fcr_window.calendar', 'effective_from', 'effective_from']);
    expect(await listPolicyVersions(wh)).toEqual(before);
  });

  it('rebuilds the lookup tables at the next start from the stored documents', async () => {
    await wh.withWriter((c) => c.run('DELETE FROM policy_sla_targets'));
    expect(await ensureDefaultPolicy(wh)).toEqual({ created: false });
    expect(await wh.query('SELECT count(*) AS n FROM policy_sla_targets')).toEqual([{ n: 4 * 64 }]);
    expect(await wh.query('SELECT DISTINCT calendar FROM policy_calendar_refs ORDER BY calendar')).toEqual([{ calendar: '24x7' }, { calendar: 'cn-workdays' }]);
  });
});
