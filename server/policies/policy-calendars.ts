/**
 * Every calendar a policy document names, with the setting's path, so a new
 * version can be checked against the calendars that exist (server/calendars):
 * an unknown id would leave every metric using it without a clock, and "N
 * working days" on a continuous calendar such as 24x7 has no meaning.
 */
import type { PolicyDocument } from './policy-schema.ts';

export interface CalendarRef {
  /** Path of the `calendar` setting, e.g. `sla.chat.priorities.urgent.resolution.calendar`. */
  path: string;
  calendar: string;
  /** The setting counts working days (needs a calendar with working days). */
  workingDays: boolean;
}

/** What the check needs to know of a stored calendar. */
export interface KnownCalendar {
  continuous: boolean;
}

type Timed = { calendar: string; kind?: string } | { kind: 'none' };

function refsIn(prefix: string, entries: Record<string, Timed | undefined>): CalendarRef[] {
  return Object.entries(entries).flatMap(([key, value]) =>
    value && 'calendar' in value ? [{ path: `${prefix ? `${prefix}.` : ''}${key}.calendar`, calendar: value.calendar, workingDays: value.kind === 'working_days' }] : [],
  );
}

/**
 * @example
 * calendarRefs(DEFAULT_POLICY).find((r) => r.path === 'sla.refund.resolution.calendar');
 * // { path: 'sla.refund.resolution.calendar', calendar: 'cn-workdays', workingDays: true }
 */
export function calendarRefs(doc: PolicyDocument): CalendarRef[] {
  const refs = [
    ...refsIn('silence_window', { default: doc.silence_window.default }),
    ...refsIn('silence_window.channels', doc.silence_window.channels),
    ...refsIn('', { fcr_window: doc.fcr_window, complaint_lookback: doc.complaint_lookback }),
    ...refsIn('complaint_response_deadline', { default: doc.complaint_response_deadline.default }),
    ...refsIn('complaint_response_deadline.sources', doc.complaint_response_deadline.sources),
  ];
  for (const [channel, row] of Object.entries(doc.sla)) {
    refs.push(...refsIn(`sla.${channel}`, { first_response: row.first_response, resolution: row.resolution }));
    const overrides = 'priorities' in row ? row.priorities : {};
    for (const [priority, o] of Object.entries(overrides)) refs.push(...refsIn(`sla.${channel}.priorities.${priority}`, { ...o }));
  }
  return refs;
}

/** The first calendar setting that names no stored calendar or a wrong kind; undefined when all are fine. */
export function calendarProblem(doc: PolicyDocument, known: ReadonlyMap<string, KnownCalendar>): { path: string; message: string } | undefined {
  for (const ref of calendarRefs(doc)) {
    const cal = known.get(ref.calendar);
    if (!cal) return { path: ref.path, message: `no calendar '${ref.calendar}'; known: ${[...known.keys()].sort().join(', ') || 'none'}` };
    if (ref.workingDays && cal.continuous) {
      return { path: ref.path, message: `'${ref.calendar}' counts every second and has no working days; use kind duration, or a working calendar` };
    }
  }
  return undefined;
}
