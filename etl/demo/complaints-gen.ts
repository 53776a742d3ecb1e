// An external complaint in its latest state as of `end`: source, the
// regulator's case number and deadline, and a response and closure that are
// usually days away, sometimes late, sometimes not there yet.
import { DAY, HOUR } from './calendar.js';
import type { ComplaintSeed, GenContext } from './model.js';
import { complaintSummary } from './complaint-texts.js';

export interface ComplaintRecord {
  complaintId: string;
  receivedAt: number;
  source: string;
  externalRef: string;
  customerId: string;
  orderId: string;
  ticketId: string;
  category: string;
  summary: string;
  amount: number | null;
  deadlineAt: number | null;
  firstResponseAt: number | null;
  closedAt: number | null;
  outcome: string;
}

const SOURCES = ['12315', 'blackcat', 'payment_dispute', 'consumer_association', '12321', 'cyberspace', 'other'];
const SOURCE_WEIGHTS = [34, 30, 22, 6, 3, 2, 3];
const SECURITY_WEIGHTS = [26, 26, 12, 6, 16, 10, 4]; // stolen accounts go to 12321 / 网信办 too
const OUTCOMES = ['refunded', 'compensated', 'explained', 'rejected', 'withdrawn', 'mediated'];
const OUTCOME_WEIGHTS: Record<string, number[]> = {
  payment_dispute: [60, 0, 10, 20, 10, 0],
  consumer_association: [25, 10, 15, 5, 10, 35],
  default: [35, 10, 25, 8, 12, 10],
};
/** Response deadline set by the source, in days; absent = none given (the policy default applies). */
const DEADLINE_DAYS: Record<string, number> = {
  '12315': 7, consumer_association: 10, payment_dispute: 3, '12321': 5, cyberspace: 5,
};

function externalRef(ctx: GenContext, source: string, at: number): string {
  const { rng, clock } = ctx;
  const ymd = clock.compactDate(at);
  switch (source) {
    case '12315': return `12315-${ymd.slice(0, 4)}-${rng.digits(8)}`;
    case 'blackcat': return `1737${rng.digits(7)}`;
    case 'payment_dispute': return rng.pick(['ALIPAY-DSP-', 'WXPAY-CB-', 'UNIONPAY-']) + ymd + rng.digits(6);
    case 'consumer_association': return `XF${ymd.slice(0, 4)}${rng.digits(6)}`;
    case '12321': return `12321-${ymd}-${rng.digits(5)}`;
    case 'cyberspace': return `WXB${ymd.slice(0, 4)}${rng.digits(7)}`;
    default: return rng.chance(0.3) ? `MEDIA-${rng.digits(6)}` : '';
  }
}

/** The complaints team answers and closes cases in office hours (09–21 local). */
function officeHours(ctx: GenContext, t: number): number {
  const hour = ctx.clock.localHour(t);
  if (hour >= 9 && hour < 21) return t;
  return ctx.clock.nextLocalHour(t, 9) + ctx.rng.uniform(0, 2) * HOUR;
}

/** Response and closure as they happened in time; the caller blanks what lies after `end`. */
function lifecycle(ctx: GenContext, rec: ComplaintRecord): void {
  const { rng } = ctx;
  const received = rec.receivedAt;
  if (rng.chance(0.03)) {
    rec.closedAt = received + rng.uniform(2, 48) * HOUR; // withdrawn by the complainant, any hour
    rec.outcome = 'withdrawn';
    return;
  }
  const speed = rng.weighted(['same_day', 'days', 'late', 'never'], [48, 32, 12, 8]);
  if (speed === 'never') return;
  const delay = speed === 'same_day' ? Math.min(20 * HOUR, rng.logNormal(5 * HOUR, 0.8))
    : speed === 'days' ? rng.uniform(1, 3) * DAY : rng.uniform(8, 25) * DAY;
  rec.firstResponseAt = officeHours(ctx, received + delay);
  if (rng.chance(0.08)) return; // answered, still being negotiated
  const toClose = rng.chance(0.1) ? rng.uniform(15, 40) * DAY : Math.max(HOUR, rng.logNormal(3 * DAY, 0.8));
  rec.closedAt = officeHours(ctx, rec.firstResponseAt + toClose);
  const weights = OUTCOME_WEIGHTS[rec.source] ?? OUTCOME_WEIGHTS.default!;
  rec.outcome = rng.weighted(OUTCOMES, weights);
}

function asOfEnd(ctx: GenContext, rec: ComplaintRecord): void {
  const round = (t: number | null) => (t === null ? null : Math.round(t / 1000) * 1000);
  rec.firstResponseAt = round(rec.firstResponseAt);
  rec.closedAt = round(rec.closedAt);
  if (rec.firstResponseAt !== null && rec.firstResponseAt >= ctx.end) rec.firstResponseAt = null;
  if (rec.closedAt !== null && rec.closedAt >= ctx.end) {
    rec.closedAt = null;
    rec.outcome = '';
  }
}

export function buildComplaint(ctx: GenContext, seed: ComplaintSeed, complaintId: string): ComplaintRecord {
  const { rng } = ctx;
  const { issue } = seed;
  const source = rng.weighted(SOURCES, issue.queue === 'security' ? SECURITY_WEIGHTS : SOURCE_WEIGHTS);
  const claimed = rng.chance(0.05) ? issue.amount * 3 : issue.amount; // 假一赔三 claims
  const days = DEADLINE_DAYS[source] ?? 0;
  const rec: ComplaintRecord = {
    complaintId, receivedAt: seed.receivedAt, source,
    externalRef: rng.chance(0.95) ? externalRef(ctx, source, seed.receivedAt) : '',
    customerId: rng.chance(0.88) ? issue.customerId : '',
    orderId: issue.orderId && (source === 'payment_dispute' || rng.chance(0.85)) ? issue.orderId : '',
    ticketId: seed.ticket && rng.chance(0.6) ? seed.ticket.id : '',
    category: rng.chance(0.8) ? issue.category : '',
    summary: complaintSummary(issue, claimed.toFixed(2), seed.silentBefore, rng),
    amount: source === 'payment_dispute' || rng.chance(0.9) ? Math.round(claimed * 100) / 100 : null,
    deadlineAt: days > 0 && rng.chance(0.85) ? seed.receivedAt + days * DAY : null,
    firstResponseAt: null, closedAt: null, outcome: '',
  };
  lifecycle(ctx, rec);
  asOfEnd(ctx, rec);
  return rec;
}
