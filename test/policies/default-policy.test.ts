/**
 * The defaults are METRICS.md's, value by value, and the resolvers and lookup
 * rows read them the way metrics will (pure: no database).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_EFFECTIVE_FROM, DEFAULT_POLICY } from '../../server/policies/default-policy.ts';
import { ANY, FLAT_TABLES } from '../../server/policies/flatten-policy.ts';
import { resolveComplaintDeadline, resolveSilenceWindow, resolveSla } from '../../server/policies/resolve-policy.ts';
import { PRIORITIES, type PolicyDocument } from '../../server/policies/policy-schema.ts';

const H = 3600;
const clock = (seconds: number) => ({ kind: 'duration', seconds, calendar: '24x7' });
const workingDays = (days: number) => ({ kind: 'working_days', days, calendar: 'cn-workdays' });

describe('the default policy (METRICS.md)', () => {
  it('has the phone settings of "Phone (queue) metrics"', () => {
    expect(DEFAULT_POLICY.short_abandon_s).toBe(5);
    expect(DEFAULT_POLICY.answer_target_s).toBe(20);
    expect(DEFAULT_POLICY.sl_target).toBe(0.8);
    expect(DEFAULT_POLICY.callback_trigger_s).toBe(900);
    expect(DEFAULT_POLICY.callback_target_s).toBe(180);
  });

  it('has the windows: silence 48 h, FCR 7 days, complaint lookback 30 days, all on 24x7', () => {
    expect(DEFAULT_POLICY.silence_window).toEqual({ default: { seconds: 48 * H, calendar: '24x7' }, channels: {} });
    expect(DEFAULT_POLICY.fcr_window).toEqual({ seconds: 7 * 24 * H, calendar: '24x7' });
    expect(DEFAULT_POLICY.complaint_lookback).toEqual({ seconds: 30 * 24 * H, calendar: '24x7' });
  });

  it('has the complaint response deadline: 7 working days on cn-workdays for every source', () => {
    expect(DEFAULT_POLICY.complaint_response_deadline).toEqual({ default: workingDays(7), sources: {} });
    expect(resolveComplaintDeadline(DEFAULT_POLICY, '12315')).toEqual(workingDays(7));
  });

  it('has the SLA table row by row', () => {
    const table: Array<[string, object, object, object?]> = [
      ['chat', clock(30), clock(24 * H), clock(4 * H)],
      ['web', clock(15 * 60), clock(24 * H), clock(4 * H)],
      ['phone', clock(15 * 60), clock(24 * H), clock(4 * H)],
      ['social', clock(H), clock(24 * H)],
      ['marketplace', clock(H), clock(24 * H)],
      ['email', clock(24 * H), clock(48 * H)],
      ['complaint', workingDays(1), workingDays(7)],
      ['refund', { kind: 'none' }, workingDays(3)],
    ];
    for (const [channel, firstResponse, resolution, urgentResolution] of table) {
      const ch = channel as keyof PolicyDocument['sla'];
      for (const p of PRIORITIES) {
        expect(resolveSla(DEFAULT_POLICY, ch, p, 'first_response'), `${channel} ${p}`).toEqual(firstResponse);
        const expected = p === 'urgent' && urgentResolution ? urgentResolution : resolution;
        expect(resolveSla(DEFAULT_POLICY, ch, p, 'resolution'), `${channel} ${p}`).toEqual(expected);
      }
    }
    expect(Object.keys(DEFAULT_POLICY.sla).sort()).toEqual(table.map(([c]) => c).sort());
  });

  it('starts at the epoch and cannot be changed in memory', () => {
    expect(DEFAULT_EFFECTIVE_FROM.toISOString()).toBe('1970-01-01T00:00:00.000Z');
    expect(() => {
      (DEFAULT_POLICY.sla.chat.first_response as { seconds: number }).seconds = 1;
    }).toThrow(TypeError);
  });
});

describe('resolvers', () => {
  const doc: PolicyDocument = {
    ...structuredClone(DEFAULT_POLICY),
    silence_window: { default: { seconds: 48 * H, calendar: '24x7' }, channels: { email: { seconds: 72 * H, calendar: '24x7' } } },
    complaint_response_deadline: { default: workingDays(7) as never, sources: { '12315': workingDays(3) as never } },
  };

  it('give a channel its own silence window, and any other channel the default', () => {
    expect(resolveSilenceWindow(doc, 'email').seconds).toBe(72 * H);
    expect(resolveSilenceWindow(doc, 'chat').seconds).toBe(48 * H);
    expect(resolveSilenceWindow(doc, 'fax').seconds).toBe(48 * H);
  });

  it('give a source its own complaint deadline, and any other source the default', () => {
    expect(resolveComplaintDeadline(doc, '12315')).toEqual(workingDays(3));
    expect(resolveComplaintDeadline(doc, 'media')).toEqual(workingDays(7));
  });
});

describe('lookup rows of a version', () => {
  const rows = Object.fromEntries(FLAT_TABLES.map((t) => [t.name, t.rows(1, DEFAULT_POLICY).map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i]])))]));

  it('hold one settings row with the scalar values', () => {
    expect(rows.policy_settings).toEqual([{
      version: 1, short_abandon_s: 5, answer_target_s: 20, sl_target: 0.8, callback_trigger_s: 900, callback_target_s: 180,
      fcr_window_s: 604_800, fcr_window_calendar: '24x7', complaint_lookback_s: 2_592_000, complaint_lookback_calendar: '24x7',
    }]);
  });

  it('hold every channel x priority x metric of the SLA table, overrides applied', () => {
    expect(rows.policy_sla_targets).toHaveLength(8 * 4 * 2);
    expect(rows.policy_sla_targets).toContainEqual({ version: 1, channel: 'chat', priority: 'urgent', metric: 'resolution', kind: 'duration', seconds: 14_400, days: null, calendar: '24x7' });
    expect(rows.policy_sla_targets).toContainEqual({ version: 1, channel: 'chat', priority: 'high', metric: 'resolution', kind: 'duration', seconds: 86_400, days: null, calendar: '24x7' });
    expect(rows.policy_sla_targets).toContainEqual({ version: 1, channel: 'refund', priority: 'normal', metric: 'first_response', kind: 'none', seconds: null, days: null, calendar: null });
    expect(rows.policy_sla_targets).toContainEqual({ version: 1, channel: 'complaint', priority: 'low', metric: 'resolution', kind: 'working_days', seconds: null, days: 7, calendar: 'cn-workdays' });
  });

  it('hold a silence window per contact channel and the default under *', () => {
    expect(rows.policy_silence_windows!.map((r) => r.channel)).toEqual(['chat', 'web', 'phone', 'social', 'marketplace', 'email', 'complaint', ANY]);
    expect(new Set(rows.policy_silence_windows!.map((r) => r.seconds))).toEqual(new Set([172_800]));
  });

  it('hold a deadline per complaint source and the default under *', () => {
    expect(rows.policy_complaint_deadlines).toHaveLength(10);
    expect(rows.policy_complaint_deadlines).toContainEqual({ version: 1, source: ANY, kind: 'working_days', seconds: null, days: 7, calendar: 'cn-workdays' });
  });
});
