/**
 * Durations the way people say them: `1分32秒` / `1 min 32 s`, two units at most
 * (a first-response time of "2 h 5 min" is read at a glance; "2 h 5 min 12 s" is
 * noise). Written by hand because Intl.DurationFormat is not in Node 20, where the
 * tests run, nor in every browser the dashboard meets.
 */
import type { Lang } from './lang.ts';

interface UnitNames {
  d: string;
  h: string;
  min: string;
  s: string;
  /** Between a number and its unit. */
  gap: string;
  /** Between two number-unit pairs. */
  join: string;
}

const NAMES: Record<Lang, UnitNames> = {
  zh: { d: '天', h: '小时', min: '分', s: '秒', gap: '', join: '' },
  en: { d: 'd', h: 'h', min: 'min', s: 's', gap: ' ', join: ' ' },
};

const STEPS: [keyof Pick<UnitNames, 'd' | 'h' | 'min'>, number, keyof Pick<UnitNames, 'h' | 'min' | 's'>, number][] = [
  ['d', 86_400, 'h', 3600],
  ['h', 3600, 'min', 60],
  ['min', 60, 's', 1],
];

/**
 * @example formatDuration(92, 'zh') // '1分32秒'
 * @example formatDuration(92, 'en') // '1 min 32 s'
 * @example formatDuration(17.36, 'en') // '17.4 s'
 */
export function formatDuration(seconds: number | null | undefined, lang: Lang): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  const n = NAMES[lang];
  const sign = seconds < 0 ? '-' : '';
  const abs = Math.abs(seconds);
  const num = (v: number, digits = 0) => v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: digits });
  // Under a minute the tenths matter (an ASA of 17.4 s against a 20 s target).
  if (abs < 59.95) return `${sign}${num(abs, abs < 10 || !Number.isInteger(abs) ? 1 : 0)}${n.gap}${n.s}`;
  const whole = Math.round(abs);
  for (const [big, bigS, small, smallS] of STEPS) {
    if (whole < bigS) continue;
    const a = Math.floor(whole / bigS);
    const b = Math.floor((whole % bigS) / smallS);
    const head = `${num(a)}${n.gap}${n[big]}`;
    return sign + (b ? `${head}${n.join}${num(b)}${n.gap}${n[small]}` : head);
  }
  return `${sign}${num(whole)}${n.gap}${n.s}`;
}
