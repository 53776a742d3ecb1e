/**
 * The settings of `npm start` and of every `etl` verb, from one list: each has a
 * flag and an environment variable of the same name (flag wins), a default and a
 * description. The README table and `--help` are generated from SETTINGS, so a
 * new setting is documented by adding it here.
 */
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface Settings {
  /** Database file as given (messages quote it as the user wrote it). */
  db: string;
  host: string;
  port: number;
  inbox: string;
  timeZone: string;
  demo: boolean;
  /** Seconds between inbox scans; 0 = no scheduled scans. */
  scanIntervalS: number;
  /** DuckDB's memory limit, e.g. '2GB'; past it, large loads spill to disk. */
  memoryLimit: string;
}

export interface SettingSpec {
  key: keyof Settings;
  /** Long flag without dashes, e.g. 'db'; boolean switches are written `--no-demo`. */
  flag: string;
  env: string;
  /** The default as shown in help, e.g. `<folder of the db>/inbox`. */
  default: string;
  description: string;
  /** Placeholder in help, e.g. FILE; absent for switches. */
  value?: string;
}

export const SETTINGS: readonly SettingSpec[] = [
  { key: 'db', flag: 'db', env: 'SUPPORT_RADAR_DB', default: './data/support-radar.duckdb', value: 'FILE', description: 'DuckDB database file (created if missing).' },
  { key: 'host', flag: 'host', env: 'SUPPORT_RADAR_HOST', default: '127.0.0.1', value: 'HOST', description: 'Address the server listens on; loopback unless you open it on purpose.' },
  { key: 'port', flag: 'port', env: 'SUPPORT_RADAR_PORT', default: '8787', value: 'PORT', description: 'TCP port of the server (0 picks a free one).' },
  { key: 'inbox', flag: 'inbox', env: 'SUPPORT_RADAR_INBOX', default: '<folder of the db>/inbox', value: 'DIR', description: 'Folder scanned for files to load (subfolders calls/, tickets/, complaints/).' },
  { key: 'timeZone', flag: 'tz', env: 'SUPPORT_RADAR_TZ', default: 'Asia/Shanghai', value: 'ZONE', description: 'Platform time zone (IANA name): timestamps without an offset are local to it.' },
  { key: 'demo', flag: 'no-demo', env: 'SUPPORT_RADAR_DEMO', default: 'on', description: 'Skip the demo data otherwise loaded into an empty database at start (or SUPPORT_RADAR_DEMO=0).' },
  { key: 'memoryLimit', flag: 'memory-limit', env: 'SUPPORT_RADAR_MEMORY_LIMIT', default: '2GB', value: 'SIZE', description: "DuckDB's memory limit (e.g. 2GB, 512MB); past it, large loads spill to a temp folder beside the db." },
  { key: 'scanIntervalS', flag: 'scan-interval', env: 'SUPPORT_RADAR_SCAN_INTERVAL', default: '60', value: 'SECONDS', description: 'Seconds between inbox scans by the server; 0 = off.' },
];

/** A bad flag, variable or argument: the CLI exits 2, the server refuses to start. */
export class UsageError extends Error {
  override name = 'UsageError';
}

type Options = NonNullable<ParseArgsConfig['options']>;
type Raw = Record<string, string | boolean | undefined>;

export interface ParsedCommandLine<Extra extends string = string> {
  settings: Settings;
  /** Values of the caller's own options (the verb's), by name. */
  options: Partial<Record<Extra | 'help', string | boolean>>;
  positionals: string[];
}

/**
 * Parses settings and the caller's extra options; throws UsageError naming the
 * offending flag or variable.
 * @example
 * const { settings } = parseCommandLine(['--db', 'x.duckdb', '--port', '9000'], {});
 */
export function parseCommandLine<Extra extends string = never>(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  extra: Record<Extra, Options[string]> = {} as Record<Extra, Options[string]>,
): ParsedCommandLine<Extra> {
  const options: Options = { ...extra, help: { type: 'boolean', short: 'h' } };
  for (const s of SETTINGS) options[s.flag] = { type: s.value ? 'string' : 'boolean' };
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(describeParseError(err as Error & { code?: string }));
  }
  const raw = parsed.values as Raw;
  const settings = resolveSettings(raw, env);
  const own: Raw = {};
  for (const name of [...Object.keys(extra), 'help']) own[name] = raw[name];
  return { settings, options: own as ParsedCommandLine<Extra>['options'], positionals: parsed.positionals };
}

function describeParseError(err: Error & { code?: string }): string {
  const unknown = /Unknown option '([^']+)'/.exec(err.message);
  if (unknown) return `unknown option ${unknown[1]}`;
  // Node's messages name the option ("Option '--port <value>' argument missing").
  return err.message.split('\n')[0]!.replace(/\. To specify .*$/, '');
}

function resolveSettings(raw: Raw, env: NodeJS.ProcessEnv): Settings {
  const pick = (s: SettingSpec) => pickRaw(s, raw, env);
  const db = text(pick(spec('db')) ?? './data/support-radar.duckdb', spec('db'));
  const inbox = pick(spec('inbox'));
  return {
    db,
    host: text(pick(spec('host')) ?? '127.0.0.1', spec('host')),
    port: port(pick(spec('port')) ?? '8787'),
    inbox: inbox === undefined ? path.join(path.dirname(db), 'inbox') : text(inbox, spec('inbox')),
    timeZone: timeZone(pick(spec('timeZone')) ?? 'Asia/Shanghai'),
    demo: demo(raw, env),
    scanIntervalS: seconds(pick(spec('scanIntervalS')) ?? '60'),
    memoryLimit: memorySize(pick(spec('memoryLimit')) ?? '2GB'),
  };
}

function spec(key: keyof Settings): SettingSpec {
  return SETTINGS.find((s) => s.key === key)!;
}

function pickRaw(s: SettingSpec, raw: Raw, env: NodeJS.ProcessEnv): string | undefined {
  const flag = raw[s.flag];
  if (typeof flag === 'string') return flag;
  const fromEnv = env[s.env];
  return fromEnv === undefined || fromEnv === '' ? undefined : fromEnv;
}

function where(s: SettingSpec): string {
  return `--${s.flag} / ${s.env}`;
}

function text(value: string, s: SettingSpec): string {
  if (!value.trim()) throw new UsageError(`${where(s)}: must not be empty`);
  return value;
}

function port(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n > 65535) {
    throw new UsageError(`${where(spec('port'))}: expected a port number from 0 to 65535, got '${value}'`);
  }
  return n;
}

function seconds(value: string): number {
  const n = Number(value);
  if (!value.trim() || !Number.isFinite(n) || n < 0) {
    throw new UsageError(`${where(spec('scanIntervalS'))}: expected a number of seconds >= 0 (0 = off), got '${value}'`);
  }
  return n;
}

function memorySize(value: string): string {
  const v = value.trim().toUpperCase().replace(/\s+/g, '');
  if (!/^\d+(\.\d+)?(KB|MB|GB|TB|KIB|MIB|GIB|TIB)$/.test(v)) {
    throw new UsageError(`${where(spec('memoryLimit'))}: expected a size such as 2GB or 512MB, got '${value}'`);
  }
  return v;
}

function timeZone(value: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
  } catch {
    throw new UsageError(`${where(spec('timeZone'))}: unknown time zone '${value}' (expected an IANA name such as Asia/Shanghai)`);
  }
  return value;
}

const TRUE = ['1', 'true', 'yes', 'on'];
const FALSE = ['0', 'false', 'no', 'off'];

function demo(raw: Raw, env: NodeJS.ProcessEnv): boolean {
  if (raw['no-demo'] === true) return false;
  const value = env.SUPPORT_RADAR_DEMO?.trim().toLowerCase();
  if (value === undefined || value === '') return true;
  if (TRUE.includes(value)) return true;
  if (FALSE.includes(value)) return false;
  throw new UsageError(`SUPPORT_RADAR_DEMO: expected 1 or 0 (or true/false, yes/no, on/off), got '${env.SUPPORT_RADAR_DEMO}'`);
}
