/**
 * Renderings of the settings list: the `--help` block shared by `npm start` and
 * every `etl` verb, and the README table. Both read SETTINGS, so they cannot
 * drift from what the parser accepts.
 */
import { SETTINGS, type SettingSpec } from './settings.ts';

function flagText(s: SettingSpec): string {
  return s.value ? `--${s.flag} ${s.value}` : `--${s.flag}`;
}

/**
 * The settings block of `--help`, one setting per line.
 * @example
 * console.log(['Settings:', ...settingsHelpLines()].join('\n'));
 */
export function settingsHelpLines(): string[] {
  const width = Math.max(...SETTINGS.map((s) => flagText(s).length));
  return SETTINGS.map((s) => `  ${flagText(s).padEnd(width)}  ${s.description} [${s.env}; default ${s.default}]`);
}

/** Markdown table for the README: setting, flag, variable, default, meaning. */
export function settingsMarkdownTable(): string {
  const rows = SETTINGS.map((s) => `| \`${flagText(s)}\` | \`${s.env}\` | ${s.default} | ${s.description} |`);
  return ['| flag | environment variable | default | meaning |', '|---|---|---|---|', ...rows].join('\n');
}

/** `npm start -- --help`. */
export function serverHelp(): string {
  return [
    'Usage: npm start -- [settings]',
    '',
    'Starts the Support Radar server: opens (or creates) the database, loads demo data',
    'into an empty one, scans the inbox on a schedule and serves the API and dashboard.',
    '',
    'Settings (a flag wins over its environment variable):',
    ...settingsHelpLines(),
  ].join('\n');
}
