/**
 * Scans the inbox at start and then every `intervalS` seconds. A tick that finds a scan (or the
 * demo) still running is skipped rather than queued, so a slow load never piles
 * up scans behind it.
 */
import type { InboxEntry } from '../../etl/inbox/scan-inbox.ts';
import type { EtlJobs, FactsRefresh } from './etl-jobs.ts';

export interface InboxScheduler {
  stop(): void;
}

export function scheduleInboxScans(
  jobs: EtlJobs,
  intervalS: number,
  report: (entries: InboxEntry[], facts: FactsRefresh | null) => void,
  onError: (err: unknown) => void = (err) => console.error('inbox scan failed:', err),
): InboxScheduler {
  if (intervalS <= 0) return { stop() {} };
  function inboxTick() {
    if (jobs.inboxBusy || jobs.stopping) return;
    jobs.scan('inbox').then(({ entries, facts }) => (entries.length > 0 || facts) && report(entries, facts), onError);
  }
  // First pass at once: files dropped while the server was down should not wait a whole interval.
  const first = setTimeout(inboxTick, 0);
  const timer = setInterval(inboxTick, intervalS * 1000);
  // The schedule alone must not keep the process alive.
  first.unref();
  timer.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
