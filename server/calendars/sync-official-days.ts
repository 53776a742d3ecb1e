/**
 * The official exceptions of a calendar that follows mainland China's
 * arrangement, kept equal to the installed `chinese-days` package. Official rows
 * are replaced wholesale (admin rows are never touched: they override official
 * ones day by day when the days are built).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { runQuery } from '../db/run-sql.ts';
import type { OfficialArrangement } from './official-cn-days.ts';

// One JSON parameter instead of ~800 bound rows: one statement, no row loop in JS.
const PACKAGE_ROWS = `SELECT unnest(CAST($1::JSON AS STRUCT(day DATE, is_working BOOLEAN, name VARCHAR)[]), recursive := true)`;

/** Replaces the calendar's official rows and years with the package's. */
export async function writeOfficialDays(c: DuckDBConnection, calendarId: string, pkg: OfficialArrangement): Promise<void> {
  await c.run(`DELETE FROM calendar_exceptions WHERE calendar_id = $1 AND source = 'official'`, [calendarId]);
  await c.run(
    `INSERT INTO calendar_exceptions (calendar_id, day, source, is_working, name, updated_by)
     SELECT $2, day, 'official', is_working, name, 'system' FROM (${PACKAGE_ROWS})`,
    [JSON.stringify(pkg.days), calendarId],
  );
  await c.run('DELETE FROM calendar_official_years WHERE calendar_id = $1', [calendarId]);
  await c.run('INSERT INTO calendar_official_years SELECT $1, unnest(CAST($2::JSON AS INTEGER[])), $3', [calendarId, JSON.stringify(pkg.years), pkg.source]);
}

/** Whether the stored official rows or years differ from the package. */
async function officialDiffers(c: DuckDBConnection, calendarId: string, pkg: OfficialArrangement): Promise<boolean> {
  const [row] = await runQuery<{ n: number }>(
    c,
    `WITH pkg AS (${PACKAGE_ROWS}),
     cur AS (SELECT day, is_working, name FROM calendar_exceptions WHERE calendar_id = $2 AND source = 'official')
     SELECT (SELECT count(*) FROM (FROM pkg EXCEPT ALL FROM cur)) + (SELECT count(*) FROM (FROM cur EXCEPT ALL FROM pkg))
       + (SELECT count(*) FROM calendar_official_years WHERE calendar_id = $2 AND source <> $3) AS n`,
    [JSON.stringify(pkg.days), calendarId, pkg.source],
  );
  const years = await runQuery<{ year: number }>(c, 'SELECT year FROM calendar_official_years WHERE calendar_id = $1 ORDER BY year', [calendarId]);
  return Number(row?.n) > 0 || years.map((y) => y.year).join() !== pkg.years.join();
}

/** Brings the calendar's official rows in line with the package; true when anything changed. */
export async function syncOfficialDays(c: DuckDBConnection, calendarId: string, pkg: OfficialArrangement): Promise<boolean> {
  if (!(await officialDiffers(c, calendarId, pkg))) return false;
  await writeOfficialDays(c, calendarId, pkg);
  return true;
}
