/** `etl rejects`: the rows a load rejected, with the rule each broke and the row as read. */
import { formatRejects } from '../format-rejects.ts';
import { intOption, noPositionals, type Verb } from '../verb.ts';

export const rejectsVerb: Verb = {
  name: 'rejects',
  summary: 'show the rows a load rejected, with the rule each broke and the raw row',
  usage: 'etl rejects [--run N] [--limit N] [--offset N]',
  options: { run: { type: 'string' }, limit: { type: 'string' }, offset: { type: 'string' } },
  optionHelp: {
    '--run N': 'the run (see etl status); default the newest run that rejected rows',
    '--limit N': 'how many rows to show (default 20, at most 1000)',
    '--offset N': 'skip this many rows first (default 0)',
  },
  prepare(args) {
    noPositionals(args, 'rejects');
    const q = {
      run: intOption(args.options, 'run', { min: 1, max: Number.MAX_SAFE_INTEGER }),
      limit: intOption(args.options, 'limit', { min: 1, max: 1000, fallback: 20 })!,
      offset: intOption(args.options, 'offset', { min: 0, max: Number.MAX_SAFE_INTEGER, fallback: 0 })!,
    };
    return {
      mustExist: true,
      async run(backend, io) {
        const page = await backend.rejects(q);
        if (q.run !== undefined && !page.run) {
          io.err(`there is no run ${q.run} (see etl status)`);
          return 1;
        }
        const width = io.width ?? 1000;
        for (const line of formatRejects(page, { width })) io.out(line);
        return 0;
      },
    };
  },
};
