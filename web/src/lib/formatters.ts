/**
 * Every number, date and duration on screen goes through one Formatters object
 * made for the current language and the platform time zone (from GET
 * /api/health), so a day boundary on screen is the same boundary the API
 * counts with, whatever zone the browser is in.
 */
import { formatDuration } from './format-duration.ts';
import { INTL_LOCALE, type Lang } from './lang.ts';

/** Units of server/metrics/metric-types.ts. */
export type MetricUnit = 'ratio' | 'count' | 'seconds' | 'cny' | 'per_1000';

export interface Formatters {
  lang: Lang;
  timeZone: string;
  percent(v: number | null | undefined, digits?: number): string;
  count(n: number | null | undefined): string;
  cny(v: number | null | undefined): string;
  duration(seconds: number | null | undefined): string;
  /** A metric value in its unit. */
  value(v: number | null | undefined, unit: string): string;
  /** Change from `previous` to `current`: percentage points for ratios, relative change otherwise. */
  change(current: number | null | undefined, previous: number | null | undefined, unit: string): string;
  /** A calendar day of an instant, in the platform zone. */
  date(iso: string | Date): string;
  /** Date and time of an instant, in the platform zone. */
  dateTime(iso: string | Date): string;
  /**
   * A period label of GET /api/metrics/series (`2026-10`, `2026-10-01`,
   * `2026-10-01T13:00`: already on the platform clock), or an instant.
   */
  period(label: string): string;
}

const PERIOD = /^(\d{4})-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2}))?)?$/;

const missing = (v: number | null | undefined): v is null | undefined => v === null || v === undefined || !Number.isFinite(v);

export function createFormatters(lang: Lang, timeZone: string): Formatters {
  const locale = INTL_LOCALE[lang];
  const pct = (digits: number) => new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits });
  const pct1 = pct(1);
  const int = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const dec = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const signed = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1, signDisplay: 'exceptZero' });
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', maximumFractionDigits: 2 });
  const day = new Intl.DateTimeFormat(locale, { timeZone, year: 'numeric', month: 'short', day: 'numeric' });
  const dayTime = new Intl.DateTimeFormat(locale, {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  });

  // Period labels are wall-clock values of the platform zone: rebuilt as UTC and formatted in UTC, they read back unchanged.
  const asUtc = (opts: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { ...opts, timeZone: 'UTC' });
  const monthLabel = asUtc({ year: 'numeric', month: 'short' });
  const dayLabel = asUtc({ year: 'numeric', month: 'short', day: 'numeric' });
  const hourLabel = asUtc({ month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

  const f: Formatters = {
    lang,
    timeZone,
    percent: (v, digits = 1) => (missing(v) ? '—' : (digits === 1 ? pct1 : pct(digits)).format(v)),
    count: (n) => (missing(n) ? '—' : int.format(n)),
    cny: (v) => (missing(v) ? '—' : money.format(v)),
    duration: (s) => formatDuration(s, lang),
    value(v, unit) {
      if (missing(v)) return '—';
      switch (unit) {
        case 'ratio': return f.percent(v);
        case 'count': return f.count(v);
        case 'seconds': return f.duration(v);
        case 'cny': return f.cny(v);
        case 'per_1000': return `${dec.format(v)}‰`;
        default: return dec.format(v);
      }
    },
    change(current, previous, unit) {
      if (missing(current) || missing(previous)) return '—';
      if (unit === 'ratio') {
        const pp = signed.format((current - previous) * 100);
        return lang === 'zh' ? `${pp}个百分点` : `${pp} pp`;
      }
      if (previous === 0) return '—';
      return `${signed.format(((current - previous) / Math.abs(previous)) * 100)}%`;
    },
    date: (iso) => day.format(typeof iso === 'string' ? new Date(iso) : iso),
    dateTime: (iso) => dayTime.format(typeof iso === 'string' ? new Date(iso) : iso),
    period(label) {
      const m = PERIOD.exec(label);
      if (!m) return Number.isNaN(Date.parse(label)) ? label : f.dateTime(label);
      const [, y, mo, d, h, mi] = m.map(Number) as number[];
      const at = new Date(Date.UTC(y!, mo! - 1, m[3] ? d! : 1, m[4] ? h! : 0, m[5] ? mi! : 0));
      return (m[4] ? hourLabel : m[3] ? dayLabel : monthLabel).format(at);
    },
  };
  return f;
}
