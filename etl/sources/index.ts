import { callsSource } from './calls-source.ts';
import { complaintsSource } from './complaints-source.ts';
import type { SourceKind, SourceSpec } from './source-spec.ts';
import { ticketEventsSource } from './ticket-events-source.ts';

export const SOURCES: Readonly<Record<SourceKind, SourceSpec>> = {
  calls: callsSource,
  ticket_events: ticketEventsSource,
  complaints: complaintsSource,
};

/** The CLI's short names: `etl load tickets file.csv`. */
export function parseSourceKind(name: string): SourceKind | undefined {
  const n = name.toLowerCase();
  if (n === 'calls' || n === 'call') return 'calls';
  if (n === 'tickets' || n === 'ticket_events' || n === 'ticket-events') return 'ticket_events';
  if (n === 'complaints' || n === 'complaint') return 'complaints';
  return undefined;
}

export * from './source-spec.ts';
