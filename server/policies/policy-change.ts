/**
 * The rules a new policy version must follow, as a pure function of the request,
 * the history and the clock (the store runs it inside its write transaction).
 *
 * Why these rules (what an auditor of past numbers needs):
 * - A version applies from its effective time; by default that is now, so a
 *   change never alters a number already computed for a past period.
 * - Backdating is possible (a correction, a policy decided last month) but must be
 *   asked for with `backdate: true`; the note says why and the version is marked
 *   `backdated`. From its effective time on, past results are recomputed under it.
 * - Even backdated, a version may not start at or before the start of a version
 *   that has already applied: every version that was ever in force keeps a
 *   non-empty period, so numbers reported under it can be reproduced. Only the
 *   open end of the version in force is cut.
 * - Every calendar a setting names must exist (server/calendars), and one that
 *   counts working days must have them.
 * - A version scheduled for the future is withdrawn by a new version starting at
 *   or before it (nothing was computed under it; letting it take effect later
 *   would silently undo the newer change).
 */
import { mergePatch } from './merge-patch.ts';
import { calendarProblem, type KnownCalendar } from './policy-calendars.ts';
import { parsePolicyDocument, type PolicyDocument } from './policy-schema.ts';
import type { PolicyVersion, PolicyVersionInfo } from './policy-store.ts';

export type PolicyChange = {
  /** Why; required, kept with the version. */
  note: string;
  /** Principal subject of the caller. */
  createdBy: string;
  /** Default: now. */
  effectiveFrom?: Date;
  /** Confirms an effective time in the past. */
  backdate?: boolean;
  /** The clock; tests pass one. */
  now?: Date;
} & (
  | { /** A whole document (PUT). */ document: unknown }
  | { /** An RFC 7396 merge patch over the version in force at the effective time (PATCH). */ patch: unknown }
);

/** A change refused by a rule; `parameter` is the request parameter at fault. */
export class PolicyChangeRefused extends Error {
  constructor(readonly parameter: string, message: string) {
    super(message);
    this.name = 'PolicyChangeRefused';
  }
}

export interface ChangeContext {
  history: readonly PolicyVersionInfo[];
  /** The version in force at the effective time before this change. */
  base: PolicyVersion | undefined;
  now: Date;
  effectiveFrom: Date;
  /** The stored calendars by id. */
  calendars: ReadonlyMap<string, KnownCalendar>;
}

export interface PlannedVersion {
  effective_from: Date;
  created_at: Date;
  document: PolicyDocument;
  based_on: number | null;
  backdated: boolean;
  withdrawn: number[];
}

const iso = (d: Date) => d.toISOString();

function checkEffectiveTime(change: PolicyChange, { history, now, effectiveFrom }: ChangeContext): void {
  if (effectiveFrom < now && !change.backdate) {
    throw new PolicyChangeRefused('effective_from', `${iso(effectiveFrom)} is in the past; results already computed after it would change. Omit effective_from to apply from now, or send backdate: true and say why in the note`);
  }
  const applied = history.filter((v) => v.in_force_ever && v.effective_from <= now);
  const last = applied.reduce<PolicyVersionInfo | undefined>((a, v) => (!a || v.effective_from > a.effective_from ? v : a), undefined);
  if (last && effectiveFrom <= last.effective_from) {
    throw new PolicyChangeRefused('effective_from', `must be after ${iso(last.effective_from)}, when version ${last.version} took effect: a version that has applied keeps its period`);
  }
}

function documentOf(change: PolicyChange, { base, calendars }: ChangeContext): PolicyDocument {
  let value: unknown;
  if ('patch' in change) {
    if (!base) throw new PolicyChangeRefused('effective_from', 'no policy version is in force then to apply a patch to; send a whole document with PUT');
    value = mergePatch(base.document, change.patch);
  } else {
    value = change.document;
  }
  const parsed = parsePolicyDocument(value);
  if (!parsed.ok) throw new PolicyChangeRefused(parsed.path ? `document.${parsed.path}` : 'document', parsed.message);
  const problem = calendarProblem(parsed.document, calendars);
  if (problem) throw new PolicyChangeRefused(`document.${problem.path}`, problem.message);
  return parsed.document;
}

/**
 * Checks a change against the rules above and returns the row to store.
 *
 * @example
 * checkChange({ note: 'email faster', createdBy: 'local-admin', patch: { sla: { email: { first_response: { seconds: 14400 } } } } }, ctx);
 */
export function checkChange(change: PolicyChange, ctx: ChangeContext): PlannedVersion {
  if (!change.note.trim()) throw new PolicyChangeRefused('note', 'say why the policy changes');
  checkEffectiveTime(change, ctx);
  const document = documentOf(change, ctx);
  return {
    effective_from: ctx.effectiveFrom,
    created_at: ctx.now,
    document,
    based_on: 'patch' in change ? (ctx.base?.version ?? null) : null,
    backdated: ctx.effectiveFrom < ctx.now,
    withdrawn: ctx.history.filter((v) => v.in_force_ever && v.effective_from >= ctx.effectiveFrom).map((v) => v.version),
  };
}
