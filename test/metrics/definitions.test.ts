// The metric registry against the contract: exactly the ids of METRICS.md's
// "Metric ids" table, each with names, a definition, and settings that exist in
// the policy document; and the API that lists them.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../server/policies/default-policy.ts';
import { DIMENSIONS } from '../../server/metrics/metric-types.ts';
import { METRICS } from '../../server/metrics/metric-definitions.ts';
import { appFixture } from '../server/app-fixture.ts';
import { removeTempDirs } from '../server/support.ts';

/** The ids in the table under "## Metric ids" of ../shared/METRICS.md. */
function contractIds(): string[] {
  const doc = fs.readFileSync(path.join(import.meta.dirname, '../../../shared/METRICS.md'), 'utf8');
  const section = doc.split('## Metric ids')[1]!.split('\n## ')[0]!;
  const firstColumns = section.split('\n').filter((l) => l.startsWith('| `')).map((l) => l.split('|')[1]!);
  return firstColumns.flatMap((cell) => [...cell.matchAll(/`([a-z0-9_]+)`/g)].map((m) => m[1]!));
}

function hasSetting(key: string): boolean {
  let node: unknown = DEFAULT_POLICY;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return true;
}

describe('metric definitions', () => {
  it('lists exactly the metric ids of METRICS.md, once each', () => {
    const ids = METRICS.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(contractIds().sort());
    expect(ids).toHaveLength(27);
  });

  it('gives every metric both names, a definition, version 1, known dimensions and existing settings', () => {
    for (const m of METRICS) {
      expect(m.name.zh.length, m.id).toBeGreaterThan(0);
      expect(m.name.en.length, m.id).toBeGreaterThan(0);
      expect(m.definition.length, m.id).toBeGreaterThan(10);
      expect(m.version).toBe(1);
      for (const d of m.dimensions) expect(DIMENSIONS, m.id).toContain(d);
      for (const s of m.settings) expect(hasSetting(s), `${m.id}: ${s}`).toBe(true);
    }
  });

  it('keeps dimensions to what applies: queue only where calls are counted, source only where complaints are', () => {
    const dims = (id: string) => METRICS.find((m) => m.id === id)!.dimensions;
    expect(dims('sla_first_response')).not.toContain('queue');
    expect(dims('complaints')).toEqual(['source', 'category', 'outcome', 'hour_of_week']);
    expect(dims('silence_rate')).not.toContain('wait_band');
    expect(dims('answer_rate')).not.toContain('source');
    expect(dims('asa')).toContain('agent');
    expect(dims('complaint_rate')).toEqual([]);
  });
});

describe('GET /api/metrics/definitions', () => {
  let fx: Awaited<ReturnType<typeof appFixture>>;
  beforeAll(async () => {
    fx = await appFixture('metric-definitions');
  });
  afterAll(() => {
    fx.wh.close();
    removeTempDirs();
  });

  it('needs a token', async () => {
    expect((await fx.app.request('/api/metrics/definitions')).status).toBe(401);
  });

  it('returns every definition', async () => {
    const res = await fx.app.request('/api/metrics/definitions', { headers: fx.auth });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { metrics: { id: string; name: { zh: string } }[] };
    expect(body.metrics).toHaveLength(27);
    expect(body.metrics.find((m) => m.id === 'silence_rate')).toMatchObject({ name: { zh: '沉默率', en: 'Silence rate' }, unit: 'ratio', version: 1 });
  });
});
