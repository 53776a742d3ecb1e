/**
 * The data of a row of KPI tiles (components/KpiTiles.svelte): one summary
 * request for the values, one for the previous period of the same length, and a
 * daily series per metric for the sparklines. The values go first; the
 * comparison and the sparklines wait for them, so on a busy server the headline
 * numbers do not queue behind a dozen other queries, and no sparkline is asked
 * for a metric the filters do not apply to (the server would answer 400).
 */
import type { ApiClient } from './api-client.ts';
import type { Series, Summary } from './api-types.ts';
import { isApplicable } from './api-types.ts';
import { Resource } from './resource.svelte.ts';

export class KpiSet {
  readonly summary = new Resource<Summary>();
  readonly previous = new Resource<Summary>();
  readonly sparks = new Resource<Record<string, Series | null>>();

  constructor(
    private readonly api: ApiClient,
    readonly metrics: readonly string[],
  ) {}

  /** Call from an $effect keyed on the scopes (JSON strings), as Resource.load wants. */
  load(scope: Record<string, string>, previousScope: Record<string, string>): void {
    const metrics = this.metrics.join(',');
    let release!: (s: Summary | null) => void;
    const first = new Promise<Summary | null>((resolve) => (release = resolve));
    this.summary.load(async (signal) => {
      try {
        const values = await this.api.get<Summary>('/api/metrics/summary', { ...scope, metrics }, signal);
        release(values);
        return values;
      } catch (err) {
        release(null);
        throw err;
      }
    });
    this.previous.load(async (signal) => {
      await first;
      return this.api.get<Summary>('/api/metrics/summary', { ...previousScope, metrics }, signal);
    });
    this.sparks.load(async (signal) => {
      const values = await first;
      const wanted = this.metrics.filter((m) => !values || isApplicable(values.metrics[m]));
      // One failed sparkline leaves the others standing.
      const settled = await Promise.allSettled(wanted.map((metric) => this.api.get<Series>('/api/metrics/series', { ...scope, metric, grain: 'day' }, signal)));
      return Object.fromEntries(settled.map((r, i) => [wanted[i], r.status === 'fulfilled' ? r.value : null]));
    });
  }

  dispose(): void {
    this.summary.dispose();
    this.previous.dispose();
    this.sparks.dispose();
  }
}
