/** `etl load <calls|tickets|complaints> <file…>`: load named files into one table. */
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../../../server/config/settings.ts';
import type { DeclaredEncoding } from '../../read/prepare-file.ts';
import { parseSourceKind } from '../../sources/index.ts';
import { exitCodeOf, formatFactsLine, formatSummary, outcomeOfLoad } from '../format-summary.ts';
import type { Verb, VerbArgs } from '../verb.ts';

const ENCODINGS: readonly DeclaredEncoding[] = ['auto', 'utf-8', 'gbk', 'gb18030'];

function checkFiles(files: readonly string[]): string[] {
  if (files.length === 0) throw new UsageError('etl load needs at least one file after the kind');
  return files.map((f) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(f);
    } catch {
      throw new UsageError(`no such file: ${f}`);
    }
    if (!stat.isFile()) throw new UsageError(`not a file: ${f}`);
    return path.resolve(f);
  });
}

function encodingOf(args: VerbArgs): DeclaredEncoding | undefined {
  const raw = args.options.encoding;
  if (raw === undefined || typeof raw === 'boolean') return undefined;
  const e = raw.toLowerCase() === 'utf8' ? 'utf-8' : (raw.toLowerCase() as DeclaredEncoding);
  if (!ENCODINGS.includes(e)) throw new UsageError(`--encoding: expected one of ${ENCODINGS.join(', ')}, got '${raw}'`);
  return e;
}

export const loadVerb: Verb = {
  name: 'load',
  summary: 'load files into the calls, ticket events or complaints table',
  usage: 'etl load <calls|tickets|complaints> <file…> [--encoding auto|utf-8|gbk] [--force] [--no-facts]',
  options: { encoding: { type: 'string' }, force: { type: 'boolean' }, 'no-facts': { type: 'boolean' } },
  optionHelp: {
    '--encoding E': 'text encoding of the files: auto (default: UTF-8, or GBK when it is not UTF-8), utf-8, gbk, gb18030',
    '--force': 'load even when the same content was loaded before',
    '--no-facts': 'do not bring the derived facts up to date afterwards (when loading many files: run etl facts once at the end); the server always does',
  },
  notes: [
    'Files are loaded in the order given, each in its own transaction: a file that fails leaves nothing half loaded.',
    'Then the derived facts the metrics read are brought up to date for what the files touched (one refresh for all files).',
    'Exit status: 0 all loaded cleanly; 1 a row was rejected or a file refused; 2 usage error; 3 database unavailable.',
  ],
  prepare(args) {
    const [kindName, ...files] = args.positionals;
    if (!kindName) throw new UsageError('etl load needs a kind (calls, tickets or complaints) and at least one file');
    const kind = parseSourceKind(kindName);
    if (!kind) throw new UsageError(`unknown kind '${kindName}': expected calls, tickets or complaints`);
    const req = { kind, files: checkFiles(files), encoding: encodingOf(args), force: args.options.force === true || undefined };
    const facts = args.options['no-facts'] !== true;
    return {
      mustExist: false,
      async run(backend, io) {
        if (!facts && backend.mode === 'server') io.err('--no-facts: the server brings the derived facts up to date after every load');
        const progress = io.progress();
        const { results, facts: refreshed } = await backend.load(req, progress.onProgress, { facts }).finally(() => progress.done());
        const outcomes = results.map(outcomeOfLoad);
        for (const line of formatSummary(outcomes, { width: io.width })) io.out(line);
        io.out(formatFactsLine(refreshed));
        if (results.length < req.files.length) {
          io.err(`stopped after ${results.length} of ${req.files.length} files`);
          return 1;
        }
        return exitCodeOf(outcomes);
      },
    };
  },
};
