/** `etl demo`: generate demo data into the inbox and load it. */
import path from 'node:path';
import { UsageError } from '../../../server/config/settings.ts';
import { exitCodeOf, formatFactsLine, formatSummary, outcomeOfEntry } from '../format-summary.ts';
import { intOption, noPositionals, type Verb, type VerbArgs } from '../verb.ts';

/** An instant, not a wall-clock time: it must say its offset (or Z). */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

function endOf(args: VerbArgs): Date {
  const raw = args.options.end;
  if (raw === undefined || typeof raw === 'boolean') return new Date();
  const end = new Date(raw);
  if (!INSTANT.test(raw.trim()) || Number.isNaN(end.getTime())) {
    throw new UsageError(`--end: expected an ISO 8601 instant with Z or an offset, e.g. 2026-03-01T00:00:00+08:00, got '${raw}'`);
  }
  return end;
}

export const demoVerb: Verb = {
  name: 'demo',
  summary: 'generate demo calls, ticket events and complaints into the inbox and load them',
  usage: 'etl demo [--days 90] [--seed 1] [--end ISO-instant]',
  options: { days: { type: 'string' }, seed: { type: 'string' }, end: { type: 'string' } },
  optionHelp: {
    '--days N': 'length of the period in days (default 90, at most 366)',
    '--seed N': 'random seed; the same seed and end give the same data (default 1)',
    '--end T': 'end of the period, exclusive, e.g. 2026-03-01T00:00:00+08:00 (default now)',
  },
  prepare(args) {
    noPositionals(args, 'demo');
    const opts = {
      days: intOption(args.options, 'days', { min: 1, max: 366, fallback: 90 })!,
      seed: intOption(args.options, 'seed', { min: -(2 ** 31), max: 2 ** 32, fallback: 1 })!,
      end: endOf(args),
    };
    return {
      mustExist: false,
      async run(backend, io) {
        const inbox = backend.mode === 'server' ? "the server's inbox" : path.resolve(args.settings.inbox);
        io.err(`generating ${opts.days} days of demo data (seed ${opts.seed}) into ${inbox} …`);
        const { entries, facts } = await backend.demo(opts);
        const outcomes = entries.map(outcomeOfEntry);
        for (const line of formatSummary(outcomes, { width: io.width })) io.out(line);
        io.out(formatFactsLine(facts));
        return exitCodeOf(outcomes);
      },
    };
  },
};
