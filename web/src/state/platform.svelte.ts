/**
 * Facts about the server the dashboard needs before anything else: the platform
 * time zone (GET /api/health, open without a token), which decides day
 * boundaries for presets and every date shown.
 */
import type { Health } from '../lib/api-types.ts';

/** METRICS.md's default platform zone, used until /api/health has answered. */
const DEFAULT_ZONE = 'Asia/Shanghai';

export const platform = $state<{ timeZone: string; ready: boolean }>({ timeZone: DEFAULT_ZONE, ready: false });

let loading: Promise<void> | null = null;

export function loadPlatform(): Promise<void> {
  loading ??= fetch('/api/health', { headers: { Accept: 'application/json' } })
    .then(async (res) => {
      if (!res.ok) return;
      const health = (await res.json()) as Health;
      if (health.timeZone) platform.timeZone = health.timeZone;
    })
    .catch(() => {
      // Unreachable server: the pages' own requests show that error; the default zone stays.
    })
    .finally(() => {
      platform.ready = true;
    });
  return loading;
}
