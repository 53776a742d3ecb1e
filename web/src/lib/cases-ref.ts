/**
 * The cases drawer and the case view as URL state, so "back" closes what was
 * opened last and a list of cases can be bookmarked or sent to a colleague:
 *
 *   ?cases=silence_rate&part=numerator&cpage=2     the drawer (global filters apply)
 *   &cfrom=2026-10-01T00:00:00.000Z&cto=...         a narrower range (a chart's period)
 *   &cf.channel=chat                                extra filters (a chart's group)
 *   &case=call:C123                                 one case over the list
 */

export const CASE_PARTS = ['numerator', 'denominator', 'denominator_only', 'pending'] as const;
export type CasePart = (typeof CASE_PARTS)[number];
export const CONTACT_KINDS = ['call', 'ticket', 'complaint'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

export interface CasesRef {
  metric: string;
  part: CasePart;
  page: number;
  /** Instants or dates narrowing the global range; absent = the global range. */
  from?: string;
  to?: string;
  /** Filters added to the global ones, dimension → value. */
  extra: Record<string, string>;
}

export interface CaseKey {
  kind: ContactKind;
  id: string;
}

const DRAWER_KEYS = ['cases', 'part', 'cpage', 'cfrom', 'cto', 'case'];
const EXTRA_PREFIX = 'cf.';

const isPart = (s: string | null): s is CasePart => (CASE_PARTS as readonly string[]).includes(s ?? '');

export function parseCasesRef(params: URLSearchParams): CasesRef | null {
  const metric = params.get('cases');
  if (!metric) return null;
  const part = params.get('part');
  const page = Number(params.get('cpage') ?? '1');
  const extra: Record<string, string> = {};
  for (const [k, v] of params) if (k.startsWith(EXTRA_PREFIX) && v) extra[k.slice(EXTRA_PREFIX.length)] = v;
  const ref: CasesRef = { metric, part: isPart(part) ? part : 'numerator', page: Number.isInteger(page) && page >= 1 ? page : 1, extra };
  const from = params.get('cfrom');
  const to = params.get('cto');
  if (from && to) Object.assign(ref, { from, to });
  return ref;
}

/** `params` with the drawer replaced by `ref` (null closes it, and the case view with it). */
export function withCasesRef(params: URLSearchParams, ref: CasesRef | null): URLSearchParams {
  const next = new URLSearchParams([...params].filter(([k]) => !DRAWER_KEYS.includes(k) && !k.startsWith(EXTRA_PREFIX)));
  if (!ref) return next;
  next.set('cases', ref.metric);
  next.set('part', ref.part);
  if (ref.page > 1) next.set('cpage', String(ref.page));
  if (ref.from && ref.to) {
    next.set('cfrom', ref.from);
    next.set('cto', ref.to);
  }
  for (const [dim, value] of Object.entries(ref.extra)) next.set(EXTRA_PREFIX + dim, value);
  return next;
}

/** `call:C123` → { kind: 'call', id: 'C123' }; ids may hold colons themselves. */
export function parseCaseKey(raw: string | null): CaseKey | null {
  if (!raw) return null;
  const at = raw.indexOf(':');
  const kind = raw.slice(0, at);
  const id = raw.slice(at + 1);
  if (at < 0 || !id || !(CONTACT_KINDS as readonly string[]).includes(kind)) return null;
  return { kind: kind as ContactKind, id };
}

export function caseKeyString(k: CaseKey): string {
  return `${k.kind}:${k.id}`;
}
