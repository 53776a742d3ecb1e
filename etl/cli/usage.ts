/** Help texts: `etl --help` and `etl <verb> --help`, built from the verb table and the settings list. */
import { settingsHelpLines } from '../../server/config/settings-help.ts';
import type { Verb } from './verb.ts';
import { VERBS } from './verbs/index.ts';

function optionLines(help: Record<string, string>): string[] {
  const width = Math.max(0, ...Object.keys(help).map((k) => k.length));
  return Object.entries(help).map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`);
}

export function mainHelp(): string {
  const width = Math.max(...VERBS.map((v) => v.name.length));
  return [
    'Usage: etl <verb> [arguments] [settings]',
    '',
    'Loads call logs, ticket events and complaints into the Support Radar database. When the',
    'server holds the database, the verb runs through it; otherwise the database is opened here.',
    '',
    'Verbs:',
    ...VERBS.map((v) => `  ${v.name.padEnd(width)}  ${v.summary}`),
    '',
    'Run `etl <verb> --help` for a verb\'s arguments.',
    '',
    'Settings (every verb; a flag wins over its environment variable):',
    ...settingsHelpLines(),
    '',
    'Exit status: 0 ok; 1 rows rejected or a file refused; 2 usage error; 3 database unavailable.',
  ].join('\n');
}

export function verbHelp(verb: Verb): string {
  const own = optionLines({ ...verb.optionHelp, '-h, --help': 'show this help' });
  return [
    `Usage: ${verb.usage} [settings]`,
    '',
    `${verb.summary[0]!.toUpperCase()}${verb.summary.slice(1)}.`,
    ...(verb.notes?.length ? ['', ...verb.notes] : []),
    '',
    'Options:',
    ...own,
    '',
    'Settings (a flag wins over its environment variable):',
    ...settingsHelpLines(),
  ].join('\n');
}
