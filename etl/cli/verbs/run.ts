/** `etl run`: scan the inbox once, as the server does on its schedule. */
import path from 'node:path';
import { exitCodeOf, formatFactsLine, formatSummary, outcomeOfEntry } from '../format-summary.ts';
import { noPositionals, type Verb } from '../verb.ts';

export const runVerb: Verb = {
  name: 'run',
  summary: 'scan the inbox once: load every file there, then move it to loaded/ or refused/',
  usage: 'etl run [--inbox DIR]',
  options: {},
  optionHelp: {},
  notes: [
    'The inbox takes files directly or in calls/, tickets/ and complaints/ subfolders; in the inbox itself the',
    'name says the kind (calls…, tickets… or ticket_events…, complaints…). Dotfiles, *.part, *.tmp, *.partial',
    'and files changed in the last 2 seconds are left for later. Loaded files go to loaded/<day>/, refused',
    'ones (and files of unknown kind) to refused/.',
  ],
  prepare(args) {
    noPositionals(args, 'run');
    return {
      mustExist: false,
      async run(backend, io) {
        const progress = io.progress();
        const { entries, facts } = await backend.scan(progress.onProgress).finally(() => progress.done());
        if (entries.length === 0) {
          io.out(`nothing to load in ${path.resolve(args.settings.inbox)}`);
          // Markers left by earlier loads (etl load --no-facts) were taken up all the same.
          if (facts) io.out(formatFactsLine(facts));
          return 0;
        }
        const outcomes = entries.map(outcomeOfEntry);
        for (const line of formatSummary(outcomes, { width: io.width })) io.out(line);
        io.out(formatFactsLine(facts));
        const left = entries.filter((e) => e.movedTo === null).length;
        if (left) io.err(`${left} file(s) left in the inbox: the scan was interrupted`);
        return exitCodeOf(outcomes);
      },
    };
  },
};
