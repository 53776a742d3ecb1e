// Members, phones, orders and the issue a contact is about. A member's id and
// phone are derived from their pool index by hashing, so the pool costs no
// memory at any scale and the same member always calls from the same number.
import type { ZoneClock } from './calendar.js';
import { DAY } from './calendar.js';
import type { DayKind } from './day-profile.js';
import { Rng, hash32 } from './prng.js';

export type Queue = 'recharge' | 'orders' | 'security' | 'disputes';
export const QUEUES: readonly Queue[] = ['recharge', 'orders', 'security', 'disputes'];

/** What a customer is contacting about; repeat contacts reuse the same issue. */
export interface Issue {
  customerId: string; // '' for callers who are not members
  phone: string;
  orderId: string; // '' when the contact is not about one order
  queue: Queue;
  category: string;
  priority: string;
  amount: number; // CNY at stake
  game: string;
  /** Set once the customer has complained externally about this issue. */
  complained: boolean;
}

export const GAMES = [
  '王者荣耀', '和平精英', '原神', '英雄联盟', '穿越火线', '梦幻西游',
  '逆水寒', '崩坏：星穹铁道', '蛋仔派对', 'QQ币', '永劫无间', '地下城与勇士',
];
// Top-up tiers of mobile games and face values of card codes (CNY).
const TOP_UP_TIERS = [6, 30, 68, 98, 128, 198, 328, 648];
const TIER_WEIGHTS = [6, 14, 16, 12, 10, 9, 8, 7];
const CARD_VALUES = [10, 30, 50, 100, 200, 500];
const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152',
  '155', '156', '157', '158', '159', '166', '173', '176', '177', '180', '181', '182',
  '183', '185', '186', '187', '188', '189', '191', '195', '198', '199',
];

const QUEUE_MIX: Record<DayKind, readonly number[]> = {
  normal: [45, 25, 10, 20],
  sale: [50, 27, 6, 17],
  game_event: [56, 20, 8, 16],
};

export class CustomerPool {
  private readonly size: number;
  private readonly salt: number;

  constructor(scale: number, seed: number) {
    this.size = Math.max(1000, Math.round(60_000 * scale));
    this.salt = hash32(seed ^ 0x5bd1e995);
  }

  /** Skewed pick: a few heavy users (resellers, 代理) contact again and again. */
  pickIndex(rng: Rng): number {
    const u = rng.next();
    return Math.floor(this.size * u * u);
  }

  /** `M` + 8 digits; multiplying by a prime modulo 9e7 keeps ids distinct. */
  memberId(idx: number): string {
    return 'M' + (10_000_000 + ((idx * 7919 + this.salt) % 90_000_000));
  }

  phone(idx: number): string {
    const h = hash32(idx * 2 + 1 + this.salt);
    const prefix = MOBILE_PREFIXES[h % MOBILE_PREFIXES.length]!;
    return prefix + String(hash32(h ^ idx) % 100_000_000).padStart(8, '0');
  }
}

function categoryOf(queue: Queue, rng: Rng): string {
  if (queue === 'security') return 'security';
  if (queue === 'orders') return rng.chance(0.75) ? 'product' : 'operation';
  if (queue === 'disputes') return rng.chance(0.7) ? 'operation' : 'product';
  return rng.chance(0.8) ? 'operation' : 'product';
}

function priorityOf(queue: Queue, rng: Rng): string {
  if (queue === 'security') return rng.weighted(['urgent', 'high', 'normal'], [45, 45, 10]);
  if (queue === 'disputes') return rng.weighted(['high', 'normal', 'low'], [25, 70, 5]);
  return rng.weighted(['normal', 'low', 'high'], [80, 10, 10]);
}

function amountOf(queue: Queue, rng: Rng): number {
  const base = queue === 'orders' && rng.chance(0.5)
    ? rng.pick(CARD_VALUES)
    : rng.weighted(TOP_UP_TIERS, TIER_WEIGHTS);
  // Resellers buy at a discount, which gives non-round amounts like 615.60.
  const value = rng.chance(0.25) ? base * rng.pick([0.9, 0.95, 0.98]) : base;
  return Math.round(value * 100) / 100;
}

/** A fresh issue raised at `at`; member = false gives a caller without a member id. */
export function newIssue(pool: CustomerPool, clock: ZoneClock, rng: Rng, at: number, kind: DayKind, member = true): Issue {
  const queue = rng.weighted(QUEUES, QUEUE_MIX[kind]);
  const idx = pool.pickIndex(rng);
  const hasOrder = queue === 'security' ? rng.chance(0.35) : rng.chance(0.9);
  return {
    customerId: member ? pool.memberId(idx) : '',
    phone: member ? pool.phone(idx) : rng.pick(MOBILE_PREFIXES) + rng.digits(8),
    orderId: hasOrder ? 'O' + clock.compactDate(at - rng.int(0, 2) * DAY) + rng.digits(9) : '',
    queue,
    category: categoryOf(queue, rng),
    priority: priorityOf(queue, rng),
    amount: amountOf(queue, rng),
    game: rng.pick(GAMES),
    complained: false,
  };
}
