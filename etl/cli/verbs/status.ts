/** `etl status`: recent loads and how many rows each table holds. */
import { formatStatus } from '../format-status.ts';
import { intOption, noPositionals, type Verb } from '../verb.ts';

export const statusVerb: Verb = {
  name: 'status',
  summary: 'show recent loads with their counts, and the row count of every table',
  usage: 'etl status [--limit N]',
  options: { limit: { type: 'string' } },
  optionHelp: { '--limit N': 'how many recent loads to show (default 20, at most 500)' },
  prepare(args) {
    noPositionals(args, 'status');
    const limit = intOption(args.options, 'limit', { min: 1, max: 500, fallback: 20 })!;
    return {
      mustExist: true,
      async run(backend, io) {
        const [runs, counts] = await Promise.all([backend.runs(limit), backend.counts()]);
        for (const line of formatStatus(runs, counts, { timeZone: args.settings.timeZone, width: io.width })) io.out(line);
        return 0;
      },
    };
  },
};
