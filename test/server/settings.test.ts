import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { settingsHelpLines, settingsMarkdownTable } from '../../server/config/settings-help.ts';
import { parseCommandLine, SETTINGS, UsageError } from '../../server/config/settings.ts';

describe('settings', () => {
  it('has defaults: loopback, port 8787, inbox beside the db, Shanghai, demo on, scans every 60 s', () => {
    const { settings } = parseCommandLine([], {});
    expect(settings).toEqual({
      db: './data/support-radar.duckdb',
      host: '127.0.0.1',
      port: 8787,
      inbox: path.join('data', 'inbox'),
      timeZone: 'Asia/Shanghai',
      demo: true,
      scanIntervalS: 60,
      memoryLimit: '2GB',
    });
  });

  it('lists every setting, flag and variable, in the README', () => {
    const readme = fs.readFileSync(path.join(import.meta.dirname, '../../README.md'), 'utf8');
    for (const s of SETTINGS) {
      expect(readme).toContain(`\`--${s.flag}\``);
      expect(readme).toContain(`\`${s.env}`);
    }
  });

  it('reads a memory limit and refuses one that is not a size', () => {
    expect(parseCommandLine(['--memory-limit', '512mb'], {}).settings.memoryLimit).toBe('512MB');
    expect(() => parseCommandLine([], { SUPPORT_RADAR_MEMORY_LIMIT: 'lots' })).toThrow(/--memory-limit \/ SUPPORT_RADAR_MEMORY_LIMIT: .*'lots'/);
  });

  it('reads environment variables and lets flags win over them', () => {
    const env = { SUPPORT_RADAR_DB: '/tmp/a.duckdb', SUPPORT_RADAR_PORT: '9000', SUPPORT_RADAR_DEMO: '0', SUPPORT_RADAR_TZ: 'UTC', SUPPORT_RADAR_SCAN_INTERVAL: '0' };
    const { settings } = parseCommandLine(['--port', '9100', '--inbox', '/srv/in'], env);
    expect(settings).toMatchObject({ db: '/tmp/a.duckdb', port: 9100, inbox: '/srv/in', timeZone: 'UTC', demo: false, scanIntervalS: 0 });
    expect(parseCommandLine(['--no-demo'], {}).settings.demo).toBe(false);
  });

  it('names the flag and variable of a bad value', () => {
    expect(() => parseCommandLine(['--port', 'eighty'], {})).toThrow(/--port \/ SUPPORT_RADAR_PORT: .*'eighty'/);
    expect(() => parseCommandLine([], { SUPPORT_RADAR_TZ: 'Mars/Olympus' })).toThrow(/--tz \/ SUPPORT_RADAR_TZ: unknown time zone 'Mars\/Olympus'/);
    expect(() => parseCommandLine(['--scan-interval', '-5'], {})).toThrow(/--scan-interval/);
    expect(() => parseCommandLine([], { SUPPORT_RADAR_DEMO: 'maybe' })).toThrow(/SUPPORT_RADAR_DEMO/);
    expect(() => parseCommandLine(['--frob'], {})).toThrow(UsageError);
    expect(() => parseCommandLine(['--frob'], {})).toThrow(/unknown option --frob/);
  });

  it('returns the caller’s own options and positionals', () => {
    const parsed = parseCommandLine(['calls', 'a.csv', '--force', '--db', 'x.duckdb'], {}, { force: { type: 'boolean' } });
    expect(parsed.positionals).toEqual(['calls', 'a.csv']);
    expect(parsed.options.force).toBe(true);
    expect(parsed.settings.db).toBe('x.duckdb');
  });

  it('documents every setting once, in help and in the README table', () => {
    const help = settingsHelpLines().join('\n');
    const table = settingsMarkdownTable();
    for (const s of SETTINGS) {
      expect(help).toContain(`--${s.flag}`);
      expect(help).toContain(s.env);
      expect(table).toContain(s.env);
    }
  });
});
