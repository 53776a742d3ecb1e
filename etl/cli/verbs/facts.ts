/** `etl facts [--full]`: bring the derived facts up to date with what loads touched. */
import { formatFactsLine } from '../format-summary.ts';
import { noPositionals, type Verb } from '../verb.ts';

export const factsVerb: Verb = {
  name: 'facts',
  summary: 'bring the derived facts up to date with what loads touched; --full recomputes every fact',
  usage: 'etl facts [--full]',
  options: { full: { type: 'boolean' } },
  optionHelp: {
    '--full': 'recompute every fact, not only what loads touched (after a policy or schema change)',
  },
  notes: [
    'The metrics read derived facts (contacts, tickets) kept beside the loaded rows. etl load, run and demo',
    'refresh them for what they touched, and so does the server; this is for after etl load --no-facts, or to',
    'rebuild them all with --full. Loads left unrefreshed are also taken up when the server starts.',
  ],
  prepare(args) {
    noPositionals(args, 'facts');
    const full = args.options.full === true;
    return {
      mustExist: true,
      async run(backend, io) {
        if (full) io.err('recomputing every derived fact …');
        io.out(formatFactsLine(await backend.refreshFacts(full)));
        return 0;
      },
    };
  },
};
