import { describe, expect, it } from 'vitest';
import { parseCaseKey, parseCasesRef, withCasesRef, type CasesRef } from '../../web/src/lib/cases-ref.ts';
import { partOrFirst, partsFor } from '../../web/src/lib/case-parts.ts';

describe('cases drawer in the URL', () => {
  it('round-trips a chart period with a group filter, keeping other keys', () => {
    const ref: CasesRef = { metric: 'fcr', part: 'denominator', page: 3, from: '2026-10-01T16:00:00.000Z', to: '2026-10-02T16:00:00.000Z', extra: { channel: 'chat' } };
    const params = withCasesRef(new URLSearchParams('preset=last7&metric=fcr'), ref);
    expect(params.get('preset')).toBe('last7');
    expect(parseCasesRef(params)).toEqual(ref);
  });

  it('closes the drawer and the case over it together', () => {
    const params = new URLSearchParams('cases=fcr&part=pending&cf.queue=orders&case=call:C1&grain=week');
    expect(withCasesRef(params, null).toString()).toBe('grain=week');
  });

  it('falls back to the numerator and page 1 for odd values', () => {
    expect(parseCasesRef(new URLSearchParams('cases=asa&part=everything&cpage=-2'))).toEqual({ metric: 'asa', part: 'numerator', page: 1, extra: {} });
    expect(parseCasesRef(new URLSearchParams('part=numerator'))).toBeNull();
  });

  it('reads case keys whose ids hold colons', () => {
    expect(parseCaseKey('ticket:T:2026:1')).toEqual({ kind: 'ticket', id: 'T:2026:1' });
    expect(parseCaseKey('order:1')).toBeNull();
    expect(parseCaseKey('call:')).toBeNull();
  });
});

describe('case parts by metric shape', () => {
  it('offers the parts each shape has', () => {
    expect(partsFor('rate')).toEqual(['numerator', 'denominator', 'denominator_only', 'pending']);
    expect(partsFor('mean')).toEqual(['denominator', 'pending']);
    expect(partsFor('count')).toEqual(['numerator', 'pending']);
    expect(partOrFirst('numerator', 'percentile')).toBe('denominator');
    expect(partOrFirst('pending', 'sum')).toBe('pending');
  });
});
