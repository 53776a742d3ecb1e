/**
 * Data every page reads and that changes rarely: the metric definitions (names,
 * units, dimensions, "how is this computed" text) and the policy in force (KPI
 * goals, the settings each definition names). Fetched once per visit; a failed
 * fetch is forgotten so the next caller tries again.
 */
import type { MetricDefinition, Policies } from '../lib/api-types.ts';
import { api } from './session.svelte.ts';

export const reference = $state<{ definitions: Record<string, MetricDefinition> | null; policies: Policies | null }>({
  definitions: null,
  policies: null,
});

let definitions: Promise<Record<string, MetricDefinition>> | null = null;
let policies: Promise<Policies> | null = null;

export function loadDefinitions(): Promise<Record<string, MetricDefinition>> {
  definitions ??= api
    .get<{ metrics: MetricDefinition[] }>('/api/metrics/definitions')
    .then((r) => (reference.definitions = Object.fromEntries(r.metrics.map((m) => [m.id, m]))))
    .catch((err: unknown) => {
      definitions = null;
      throw err;
    });
  return definitions;
}

export function loadPolicies(): Promise<Policies> {
  policies ??= api
    .get<Policies>('/api/settings/policies')
    .then((r) => (reference.policies = r))
    .catch((err: unknown) => {
      policies = null;
      throw err;
    });
  return policies;
}
