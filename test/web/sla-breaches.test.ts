// How late a breach is (web/src/lib/sla/breaches.ts): deadline to the instant that
// stopped the clock, or to as_of while it still runs.
import { describe, expect, it } from 'vitest';
import { overdueSeconds } from '../../web/src/lib/sla/breaches.ts';

const AS_OF = '2026-11-01T00:00:00+08:00';

describe('overdueSeconds', () => {
  it('counts to as_of for a breach still running (the fixture\'s T2: web first response due 10-16 11:15 Shanghai)', () => {
    // 10-16 11:15 to 11-01 00:00 = 15 days 12 h 45 min.
    expect(overdueSeconds({ deadline: '2026-10-16T03:15:00.000Z', stopped_at: null }, AS_OF)).toBe(15 * 86_400 + 12 * 3600 + 45 * 60);
  });

  it('counts to the late reply or resolution when one came', () => {
    expect(overdueSeconds({ deadline: '2026-10-16T03:15:00.000Z', stopped_at: '2026-10-16T03:16:30.000Z' }, AS_OF)).toBe(90);
  });

  it('has nothing to say without a deadline, and never goes below zero', () => {
    expect(overdueSeconds({ deadline: null, stopped_at: null }, AS_OF)).toBeNull();
    expect(overdueSeconds({ deadline: '2026-10-16T03:15:00.000Z', stopped_at: '2026-10-16T03:00:00.000Z' }, AS_OF)).toBe(0);
  });
});
