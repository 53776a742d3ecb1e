import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../web/src/lib/format-duration.ts';
import { createFormatters } from '../../web/src/lib/formatters.ts';

describe('formatDuration', () => {
  it('says minutes and seconds the way each language does', () => {
    expect(formatDuration(92, 'zh')).toBe('1分32秒');
    expect(formatDuration(92, 'en')).toBe('1 min 32 s');
  });

  it('keeps two units at most, dropping a zero second unit', () => {
    expect(formatDuration(7500, 'zh')).toBe('2小时5分');
    expect(formatDuration(7512, 'en')).toBe('2 h 5 min');
    expect(formatDuration(3 * 86_400 + 4 * 3600 + 59, 'zh')).toBe('3天4小时');
    expect(formatDuration(300, 'en')).toBe('5 min');
    expect(formatDuration(172_800, 'zh')).toBe('2天');
  });

  it('shows tenths under a minute, where they matter against a 20 s target', () => {
    expect(formatDuration(17.36, 'en')).toBe('17.4 s');
    expect(formatDuration(17.36, 'zh')).toBe('17.4秒');
    expect(formatDuration(20, 'en')).toBe('20 s');
    expect(formatDuration(0, 'zh')).toBe('0秒');
  });

  it('rounds into the next unit instead of showing 60 seconds', () => {
    expect(formatDuration(59.97, 'en')).toBe('1 min');
    expect(formatDuration(119.6, 'zh')).toBe('2分');
  });

  it('shows a dash for no value', () => {
    expect(formatDuration(null, 'en')).toBe('—');
    expect(formatDuration(Number.NaN, 'zh')).toBe('—');
  });
});

describe('createFormatters', () => {
  const zh = createFormatters('zh', 'Asia/Shanghai');
  const en = createFormatters('en', 'Asia/Shanghai');

  it('formats rates as percentages with one decimal', () => {
    expect(zh.percent(0.13728)).toBe('13.7%');
    expect(en.percent(1)).toBe('100.0%');
    expect(en.value(null, 'ratio')).toBe('—');
  });

  it('groups counts and formats CNY amounts', () => {
    expect(zh.count(12345)).toBe('12,345');
    expect(en.count(1234567.4)).toBe('1,234,567');
    expect(zh.cny(1234.5)).toBe('¥1,234.50');
    expect(en.cny(1234.5)).toBe('CN¥1,234.50');
  });

  it('formats each metric unit', () => {
    expect(zh.value(92, 'seconds')).toBe('1分32秒');
    expect(en.value(1.234, 'per_1000')).toBe('1.23‰');
    expect(en.value(42, 'count')).toBe('42');
  });

  it('reads a change of a rate in percentage points, others relative', () => {
    expect(zh.change(0.15, 0.137, 'ratio')).toBe('+1.3个百分点');
    expect(en.change(0.1, 0.15, 'ratio')).toBe('-5.0 pp');
    expect(en.change(120, 100, 'count')).toBe('+20.0%');
    expect(en.change(5, 0, 'count')).toBe('—');
    expect(en.change(null, 0.1, 'ratio')).toBe('—');
  });

  it('puts an instant on the platform calendar: Shanghai midnight is the next day', () => {
    // 2026-09-30T16:00Z is 2026-10-01 00:00 in Asia/Shanghai (UTC+8).
    expect(zh.date('2026-09-30T16:00:00Z')).toBe('2026年10月1日');
    expect(en.date('2026-09-30T16:00:00Z')).toBe('Oct 1, 2026');
    expect(zh.dateTime('2026-09-30T16:00:00Z')).toBe('2026/10/01 00:00:00');
    expect(en.date('2026-09-30T15:59:59Z')).toBe('Sep 30, 2026');
  });

  it('reads series period labels as the platform clock already gives them', () => {
    expect(zh.period('2026-10')).toBe('2026年10月');
    expect(en.period('2026-10-01')).toBe('Oct 1, 2026');
    expect(zh.period('2026-10-01T13:00')).toBe('10月1日 13:00');
    expect(en.period('2026-09-30T16:00:00.000Z')).toBe('10/01/2026, 00:00:00');
  });

  it('follows the zone it is given, not the machine\'s', () => {
    const utc = createFormatters('en', 'UTC');
    expect(utc.date('2026-09-30T16:00:00Z')).toBe('Sep 30, 2026');
  });
});
