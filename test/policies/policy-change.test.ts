/**
 * Validation of documents (the path of the bad setting), merge patches, calendar
 * checks and the effective-time rules, as pure functions.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../server/policies/default-policy.ts';
import { mergePatch } from '../../server/policies/merge-patch.ts';
import { calendarProblem, calendarRefs } from '../../server/policies/policy-calendars.ts';
import { checkChange, PolicyChangeRefused, type ChangeContext, type PolicyChange } from '../../server/policies/policy-change.ts';
import { parsePolicyDocument } from '../../server/policies/policy-schema.ts';
import type { PolicyVersion, PolicyVersionInfo } from '../../server/policies/policy-store.ts';

/** A document to spoil freely (tests write settings the types do not allow). */
type Loose = Record<string, any>;
const doc = () => structuredClone(DEFAULT_POLICY) as Loose;

describe('parsePolicyDocument', () => {
  const cases: Array<[string, (d: Loose) => void, string, RegExp?]> = [
    ['negative seconds', (d) => (d.sla.chat.first_response.seconds = -30), 'sla.chat.first_response.seconds'],
    ['fractional seconds', (d) => (d.sla.chat.first_response.seconds = 1.5), 'sla.chat.first_response.seconds', /whole seconds/],
    ['a percentage for a fraction', (d) => (d.sl_target = 80), 'sl_target', /80 % is 0.8/],
    ['an unknown kind', (d) => (d.sla.email.resolution = { kind: 'hours', seconds: 3 }), 'sla.email.resolution.kind'],
    ['days on a duration', (d) => (d.sla.email.resolution.days = 2), 'sla.email.resolution.days', /not a setting here/],
    ['a missing channel', (d) => delete d.sla.web, 'sla.web'],
    ['a mistyped channel override', (d) => (d.silence_window.channels.wechat = { seconds: 60, calendar: '24x7' }), 'silence_window.channels.wechat'],
    ['an unknown priority', (d) => (d.sla.chat.priorities.vip = {}), 'sla.chat.priorities.vip'],
    ['priorities on complaints (they have none)', (d) => (d.sla.complaint.priorities = {}), 'sla.complaint.priorities'],
    ['an unknown source', (d) => (d.complaint_response_deadline.sources.weibo = { kind: 'working_days', days: 1, calendar: 'cn-workdays' }), 'complaint_response_deadline.sources.weibo'],
    ['no target for a complaint deadline', (d) => (d.complaint_response_deadline.default = { kind: 'none' }), 'complaint_response_deadline.default.kind'],
    ['an unknown top-level setting', (d) => (d.silence_windows = 1), 'silence_windows'],
    ['a window of two years', (d) => (d.fcr_window.seconds = 2 * 365 * 86_400), 'fcr_window.seconds'],
  ];
  for (const [what, spoil, path, message] of cases) {
    it(`names the setting for ${what}`, () => {
      const d = doc();
      spoil(d);
      const parsed = parsePolicyDocument(d);
      expect(parsed.ok).toBe(false);
      if (parsed.ok) return;
      expect(parsed.path).toBe(path);
      if (message) expect(parsed.message).toMatch(message);
    });
  }

  it('fills empty override lists', () => {
    const d = doc();
    delete d.silence_window.channels;
    delete d.sla.social.priorities;
    const parsed = parsePolicyDocument(d);
    expect(parsed.ok && parsed.document.silence_window.channels).toEqual({});
    expect(parsed.ok && parsed.document.sla.social).toMatchObject({ priorities: {} });
  });
});

describe('mergePatch (RFC 7396)', () => {
  it('merges objects, replaces values, removes keys given null, changes neither input', () => {
    const target = { a: 1, b: { c: 2, d: 3 } };
    const patch = { b: { c: null, e: 4 }, f: [1] };
    expect(mergePatch(target, patch)).toEqual({ a: 1, b: { d: 3, e: 4 }, f: [1] });
    expect(target).toEqual({ a: 1, b: { c: 2, d: 3 } });
    expect(patch).toEqual({ b: { c: null, e: 4 }, f: [1] });
  });

  it('keeps __proto__ an ordinary key', () => {
    const merged = mergePatch({}, JSON.parse('{"__proto__": {"x": 1}}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(Object.keys(merged)).toEqual(['__proto__']);
  });
});

describe('calendar checks', () => {
  const known = new Map([['24x7', { continuous: true }], ['cn-workdays', { continuous: false }]]);

  it('lists every calendar setting by path', () => {
    const paths = calendarRefs(DEFAULT_POLICY).map((r) => r.path);
    expect(paths).toContain('silence_window.default.calendar');
    expect(paths).toContain('fcr_window.calendar');
    expect(paths).toContain('complaint_lookback.calendar');
    expect(paths).toContain('complaint_response_deadline.default.calendar');
    expect(paths).toContain('sla.chat.priorities.urgent.resolution.calendar');
    expect(paths).not.toContain('sla.refund.first_response.calendar');
    expect(calendarProblem(DEFAULT_POLICY, known)).toBeUndefined();
  });

  it('refuses an unknown calendar and working days on a continuous one', () => {
    const d = doc();
    d.sla.email.priorities = { high: { resolution: { kind: 'duration', seconds: 60, calendar: 'hk-workdays' } } };
    expect(calendarProblem(d as never, known)).toEqual({ path: 'sla.email.priorities.high.resolution.calendar', message: "no calendar 'hk-workdays'; known: 24x7, cn-workdays" });
    const e = doc();
    e.sla.refund.resolution.calendar = '24x7';
    expect(calendarProblem(e as never, known)?.path).toBe('sla.refund.resolution.calendar');
    expect(calendarProblem(e as never, known)?.message).toMatch(/no working days/);
  });
});

describe('checkChange: effective-time rules', () => {
  const now = new Date('2026-03-10T00:00:00Z');
  const info = (version: number, effective: string, extra: Partial<PolicyVersionInfo> = {}): PolicyVersionInfo => ({
    version, effective_from: new Date(effective), valid_to: null, in_force_ever: true, created_at: new Date(effective),
    created_by: 'system', note: 'n', based_on: null, backdated: false, ...extra,
  });
  // v1 from the epoch to v2; v2 in force since 2026-03-01; v3 scheduled for 2026-04-01.
  const history = [
    info(1, '1970-01-01T00:00:00Z', { valid_to: new Date('2026-03-01T00:00:00Z') }),
    info(2, '2026-03-01T00:00:00Z', { valid_to: new Date('2026-04-01T00:00:00Z') }),
    info(3, '2026-04-01T00:00:00Z'),
  ];
  const base: PolicyVersion = { ...history[1]!, document: DEFAULT_POLICY };
  const ctx = (effective: string): ChangeContext => ({
    history, base, now, effectiveFrom: new Date(effective),
    calendars: new Map([['24x7', { continuous: true }], ['cn-workdays', { continuous: false }]]),
  });
  const change = (extra: Partial<PolicyChange> = {}): PolicyChange => ({ note: 'why', createdBy: 'local-admin', document: DEFAULT_POLICY, ...extra }) as PolicyChange;
  const refusal = (fn: () => unknown) => {
    try {
      fn();
    } catch (err) {
      if (err instanceof PolicyChangeRefused) return { parameter: err.parameter, message: err.message };
      throw err;
    }
    return undefined;
  };

  it('takes effect now or later without confirmation', () => {
    const planned = checkChange(change(), ctx(now.toISOString()));
    expect(planned).toMatchObject({ backdated: false, based_on: null, withdrawn: [3] });
    expect(checkChange(change(), ctx('2026-05-01T00:00:00Z')).withdrawn).toEqual([]);
  });

  it('refuses the past unless backdate is confirmed, and marks it', () => {
    expect(refusal(() => checkChange(change(), ctx('2026-03-05T00:00:00Z')))).toMatchObject({ parameter: 'effective_from', message: expect.stringMatching(/backdate: true/) });
    expect(checkChange(change({ backdate: true }), ctx('2026-03-05T00:00:00Z'))).toMatchObject({ backdated: true, withdrawn: [3] });
  });

  it('never starts at or before a version that has applied, even backdated', () => {
    for (const at of ['2026-03-01T00:00:00Z', '2026-02-01T00:00:00Z']) {
      expect(refusal(() => checkChange(change({ backdate: true }), ctx(at)))).toMatchObject({
        parameter: 'effective_from', message: expect.stringMatching(/after 2026-03-01T00:00:00.000Z, when version 2 took effect/),
      });
    }
  });

  it('merges a patch over the base version and names bad settings under document.', () => {
    const planned = checkChange(change({ document: undefined, patch: { sla: { chat: { priorities: { urgent: null } } } } } as never), ctx('2026-05-01T00:00:00Z'));
    expect(planned.based_on).toBe(2);
    expect(planned.document.sla.chat.priorities).toEqual({});
    const bad = refusal(() => checkChange(change({ document: { ...DEFAULT_POLICY, answer_target_s: 0 } }), ctx('2026-05-01T00:00:00Z')));
    expect(bad?.parameter).toBe('document.answer_target_s');
    expect(refusal(() => checkChange(change({ document: undefined }), ctx('2026-05-01T00:00:00Z')))?.parameter).toBe('document');
    expect(refusal(() => checkChange(change({ note: '  ' }), ctx('2026-05-01T00:00:00Z')))?.parameter).toBe('note');
  });
});
