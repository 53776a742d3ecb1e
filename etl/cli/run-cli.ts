/**
 * The `etl` command: find the verb, check its arguments, reach the database,
 * run, and turn every outcome into an exit status (0 ok, 1 rejects or refused
 * files, 2 usage error, 3 database unavailable). Returns the status instead of
 * exiting, so it can be driven from tests.
 */
import { parseArgs } from 'node:util';
import { parseCommandLine, SETTINGS, UsageError } from '../../server/config/settings.ts';
import { DatabaseUnavailableError } from './backend.ts';
import { processIO, type CliIO } from './cli-io.ts';
import { mainHelp, verbHelp } from './usage.ts';
import type { Verb, VerbOptions } from './verb.ts';
import { findVerb, VERBS } from './verbs/index.ts';

export const EXIT = { ok: 0, rejected: 1, usage: 2, unavailable: 3 } as const;

/** Options of every verb and the settings, to find the verb wherever it sits among flags. */
function allOptions(): VerbOptions {
  const options: VerbOptions = {};
  for (const v of VERBS) Object.assign(options, v.options);
  return options;
}

/** Splits `[flags] verb [rest]` into the verb and the other arguments. */
function splitVerb(args: readonly string[]): { name: string | undefined; rest: string[] } {
  let tokens;
  try {
    ({ tokens } = parseArgs({ args: [...args], options: { ...settingsOptions(), ...allOptions(), help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: false, tokens: true }));
  } catch {
    return { name: args[0], rest: args.slice(1) };
  }
  const first = tokens.find((t) => t.kind === 'positional');
  if (!first) return { name: undefined, rest: [...args] };
  return { name: first.value, rest: args.filter((_, i) => i !== first.index) };
}

function settingsOptions(): VerbOptions {
  const options: VerbOptions = {};
  for (const s of SETTINGS) options[s.flag] = { type: s.value ? 'string' : 'boolean' };
  return options;
}

export async function runCli(args: readonly string[], env: NodeJS.ProcessEnv, io: CliIO = processIO()): Promise<number> {
  const { name, rest } = splitVerb(args);
  if (name === undefined || name === 'help') {
    const topic = name === 'help' ? findVerb(rest.find((a) => !a.startsWith('-')) ?? '') : undefined;
    const asked = name === 'help' || args.includes('--help') || args.includes('-h');
    (asked ? io.out : io.err)(topic ? verbHelp(topic) : mainHelp());
    return asked ? EXIT.ok : EXIT.usage;
  }
  const verb = findVerb(name);
  if (!verb) {
    io.err(`etl: unknown verb '${name}'; the verbs are ${VERBS.map((v) => v.name).join(', ')} (etl --help)`);
    return EXIT.usage;
  }
  try {
    return await runVerb(verb, rest, env, io);
  } catch (err) {
    return reportFailure(err, verb, io);
  }
}

async function runVerb(verb: Verb, args: string[], env: NodeJS.ProcessEnv, io: CliIO): Promise<number> {
  const parsed = parseCommandLine(args, env, verb.options);
  if (parsed.options.help) {
    io.out(verbHelp(verb));
    return EXIT.ok;
  }
  const prepared = verb.prepare({ settings: parsed.settings, options: parsed.options, positionals: parsed.positionals });
  // Loaded only now: DuckDB's native module is not needed for help and usage errors.
  const { openBackend } = await import('./open-backend.ts');
  const backend = await openBackend(parsed.settings, {
    mustExist: prepared.mustExist,
    onRemote: (server) => io.err(`the database is held by the Support Radar server at ${server.url} (pid ${server.pid}); running through it`),
  });
  try {
    return await prepared.run(backend, io);
  } finally {
    backend.close();
  }
}

function reportFailure(err: unknown, verb: Verb, io: CliIO): number {
  if (err instanceof UsageError) {
    io.err(`etl ${verb.name}: ${err.message}`);
    io.err(`usage: ${verb.usage}  (etl ${verb.name} --help)`);
    return EXIT.usage;
  }
  if (err instanceof DatabaseUnavailableError) {
    io.err(err.message);
    return EXIT.unavailable;
  }
  // Anything else is a failure we did not foresee: say it plainly, never exit 0.
  io.err(`etl ${verb.name} failed: ${(err as Error).stack ?? String(err)}`);
  return EXIT.rejected;
}
