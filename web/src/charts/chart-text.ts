/**
 * Tooltip text shared by the builders. Tooltips are HTML, and group names, queue
 * names and band labels come from imported files, so every piece of data is
 * escaped here before it reaches the tooltip.
 */
import { chartLabel, type ChartContext, type ChartUnit } from './chart-context.ts';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe to put inside tooltip HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** The counts behind a value, as the API gives them. */
export interface Counts {
  numerator?: number | null;
  denominator?: number | null;
  pending?: number | null;
}

/**
 * "12 / 40 · pending 3": the numerator (a count for rates, otherwise a sum in the
 * metric's unit: seconds of wait for a mean, CNY for an amount), the denominator
 * (always a count) and the pending units. Parts the metric does not have (null)
 * are left out; '' when there is nothing to say.
 *
 * @example
 * countsText({ numerator: 3, denominator: 8, pending: 0 }, 'ratio', ctx) // '3 / 8'
 */
export function countsText(counts: Counts, unit: ChartUnit, ctx: ChartContext): string {
  const { numerator, denominator, pending } = counts;
  const rate = unit === 'ratio' || unit === 'per_1000';
  const num = numerator == null ? null : rate ? ctx.fmt.count(numerator) : ctx.fmt.value(numerator, unit);
  const den = denominator == null ? null : ctx.fmt.count(denominator);
  const parts: string[] = [];
  if (num !== null && den !== null) parts.push(`${num} / ${den}`);
  else if (den !== null) parts.push(`n = ${den}`);
  // A count or a sum without a denominator: the numerator is the value itself.
  if (pending) parts.push(`${chartLabel(ctx, 'pending')} ${ctx.fmt.count(pending)}`);
  return parts.join(' · ');
}

/** One tooltip line: marker, escaped name, bold value, muted detail. */
export function tooltipRow(marker: string, name: string, value: string, detail = ''): string {
  const tail = detail ? ` <span style="opacity:.7">${escapeHtml(detail)}</span>` : '';
  const head = name ? `${marker}${escapeHtml(name)} ` : marker;
  return `${head}<b>${escapeHtml(value)}</b>${tail}`;
}

/** A tooltip's first line. */
export function tooltipTitle(text: string): string {
  return `<div style="margin-bottom:4px">${escapeHtml(text)}</div>`;
}
