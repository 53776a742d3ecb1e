import { describe, expect, it } from 'vitest';
import type { MetricDefinition } from '../../web/src/lib/api-types.ts';
import { groupOptions, parseTrendParams, trendParamsPatch } from '../../web/src/lib/trend-params.ts';
import { pageAt } from '../../web/src/routes.ts';

describe('pageAt', () => {
  it('maps paths to pages, tolerating a trailing slash and sending strays to the overview', () => {
    expect(pageAt('/')).toBe('overview');
    expect(pageAt('/trends')).toBe('trends');
    expect(pageAt('/etl/')).toBe('etl');
    expect(pageAt('/nowhere')).toBe('overview');
  });
});

describe('trend parameters', () => {
  const defs = {
    asa: { id: 'asa', dimensions: ['channel', 'queue', 'hour_of_week', 'agent'] },
    complaints: { id: 'complaints', dimensions: ['source', 'category'] },
  } as unknown as Record<string, MetricDefinition>;

  it('defaults to silence rate by day without groups', () => {
    expect(parseTrendParams(new URLSearchParams(''), defs)).toEqual({ metric: 'silence_rate', grain: 'day', groupBy: null });
  });

  it('drops a group-by the metric does not have, and hour-of-week lines', () => {
    expect(parseTrendParams(new URLSearchParams('metric=complaints&group_by=queue&grain=week'), defs)).toEqual({ metric: 'complaints', grain: 'week', groupBy: null });
    expect(groupOptions(defs.asa)).toEqual(['channel', 'queue', 'agent']);
    expect(parseTrendParams(new URLSearchParams('metric=asa&group_by=agent&grain=year'), defs)).toEqual({ metric: 'asa', grain: 'day', groupBy: 'agent' });
  });

  it('leaves defaults out of the URL', () => {
    expect(trendParamsPatch({ metric: 'silence_rate', grain: 'day', groupBy: null })).toEqual({ metric: null, grain: null, group_by: null });
    expect(trendParamsPatch({ metric: 'fcr', grain: 'hour', groupBy: 'channel' })).toEqual({ metric: 'fcr', grain: 'hour', group_by: 'channel' });
  });
});
