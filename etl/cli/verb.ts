/**
 * The shape of a verb: its help, its own options, and a `prepare` step that
 * checks the arguments before the database is touched (a usage error exits 2
 * without opening anything), returning the work to run against a backend.
 */
import type { ParseArgsConfig } from 'node:util';
import { UsageError, type Settings } from '../../server/config/settings.ts';
import type { EtlBackend } from './backend.ts';
import type { CliIO } from './cli-io.ts';

export type VerbOptions = NonNullable<ParseArgsConfig['options']>;

export interface VerbArgs {
  settings: Settings;
  options: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export interface PreparedVerb {
  /** Read-only verbs do not create a database that does not exist. */
  mustExist: boolean;
  /** Runs the verb; resolves to the exit status (0 or 1). */
  run(backend: EtlBackend, io: CliIO): Promise<number>;
}

export interface Verb {
  name: string;
  summary: string;
  /** `etl load <kind> <file…> [--force]` */
  usage: string;
  /** The verb's own options, for parseArgs and for help (description per option). */
  options: VerbOptions;
  optionHelp: Record<string, string>;
  /** Extra help paragraphs. */
  notes?: string[];
  prepare(args: VerbArgs): PreparedVerb;
}

/**
 * A whole-number option within bounds, or its default.
 * @example
 * intOption({ limit: '20' }, 'limit', { min: 1, max: 500, fallback: 20 }) // 20
 */
export function intOption(options: VerbArgs['options'], name: string, bounds: { min: number; max: number; fallback?: number }): number | undefined {
  const raw = options[name];
  if (raw === undefined || typeof raw === 'boolean') return bounds.fallback;
  const n = Number(raw);
  if (!/^-?\d+$/.test(raw.trim()) || n < bounds.min || n > bounds.max) {
    throw new UsageError(`--${name}: expected a whole number from ${bounds.min} to ${bounds.max}, got '${raw}'`);
  }
  return n;
}

export function noPositionals(args: VerbArgs, verb: string): void {
  if (args.positionals.length > 0) throw new UsageError(`etl ${verb} takes no arguments, got '${args.positionals[0]}'`);
}
