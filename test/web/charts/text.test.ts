import { describe, expect, it } from 'vitest';
import { countsText, escapeHtml } from '../../../web/src/charts/chart-text.ts';
import { chartLabel, displayName } from '../../../web/src/charts/chart-context.ts';
import { testContext } from './chart-test-kit.ts';

describe('chart text', () => {
  const ctx = testContext();

  it('escapes data before it reaches tooltip HTML', () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')">&`)).toBe('&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;');
  });

  it('says the counts behind a value in the shape of each metric', () => {
    // rate: counts; per 1,000: counts
    expect(countsText({ numerator: 3, denominator: 8, pending: 0 }, 'ratio', ctx)).toBe('3 / 8');
    expect(countsText({ numerator: 1, denominator: 1200, pending: 4 }, 'per_1000', ctx)).toBe('1 / 1,200 · pending 4');
    // mean: a sum of seconds over answered calls
    expect(countsText({ numerator: 45, denominator: 2, pending: 0 }, 'seconds', ctx)).toBe('45 s / 2');
    // percentile: no numerator
    expect(countsText({ numerator: null, denominator: 40, pending: 0 }, 'seconds', ctx)).toBe('n = 40');
    // count: the value is the numerator, nothing else to say
    expect(countsText({ numerator: 5, denominator: null, pending: 0 }, 'count', ctx)).toBe('');
    // sum: CNY over complaints with an amount
    expect(countsText({ numerator: 98, denominator: 1, pending: 0 }, 'cny', ctx)).toBe('¥98 / 1');
  });

  it('takes words from the caller and falls back to English', () => {
    const zh = testContext('light', { pending: '待定', 'name.phone': '电话' });
    expect(countsText({ numerator: 1, denominator: 2, pending: 3 }, 'ratio', zh)).toBe('1 / 2 · 待定 3');
    expect(chartLabel(zh, 'previous')).toBe('Previous period');
    expect(displayName(zh, 'phone')).toBe('电话');
    expect(displayName(zh, 'web')).toBe('web');
  });
});
