/**
 * /api/settings/calendars through the real app: read with a viewer token, change
 * as admin, 400s naming the parameter, and every response in its documented
 * shape. A closure set through the API moves the numbers the SQL computes.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { createLocalAdminToken } from '../../server/auth/local-token.ts';
import type { TokenVerifier } from '../../server/auth/roles.ts';
import { calendarResponse, calendarsResponse, type CalendarResponse } from '../../server/calendars/calendar-api-schemas.ts';
import { CalendarWarehouse, cst } from './calendar-fixture.ts';

const VIEWER_TOKEN = 'calendar-viewer-test-token';

async function calendarApp() {
  const t = await CalendarWarehouse.open();
  const admin = createLocalAdminToken();
  const verify: TokenVerifier = (token) => (token === VIEWER_TOKEN ? { role: 'viewer', subject: 'test-viewer' } : admin.verify(token));
  const app = createApp({ wh: t.wh, timeZone: 'Asia/Shanghai', inbox: path.join(t.dir, 'inbox'), verify, webRoot: path.join(t.dir, 'no-web') });
  const adminAuth = { Authorization: `Bearer ${admin.token}` };
  const viewerAuth = { Authorization: `Bearer ${VIEWER_TOKEN}` };
  const send = (method: string, url: string, body?: unknown, auth: Record<string, string> = adminAuth) =>
    app.request(`/api/settings/calendars${url}`, {
      method,
      headers: { ...auth, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return { t, app, adminAuth, viewerAuth, send };
}

type Fx = Awaited<ReturnType<typeof calendarApp>>;

async function refusal(res: Response): Promise<{ status: number; parameter?: string; message: string }> {
  return ((await res.json()) as { error: { status: number; parameter?: string; message: string } }).error;
}

describe('calendar routes', () => {
  let fx: Fx;
  beforeAll(async () => {
    fx = await calendarApp();
  });
  afterAll(() => fx.t.close());

  const list = async (): Promise<CalendarResponse[]> => {
    const res = await fx.send('GET', '', undefined, fx.viewerAuth);
    expect(res.status).toBe(200);
    return calendarsResponse.parse(await res.json()).calendars;
  };

  it('shows a viewer every calendar with weekly hours, exceptions and coverage', async () => {
    const [x247, cn] = await list();
    expect(x247).toMatchObject({ id: '24x7', continuous: true, time_zone: 'UTC', holidays: 'none', weekly_hours: [], exceptions: [] });
    expect(x247!.coverage).toMatchObject({ official_source: null, official_years: [], fallback_years: [] });
    expect(cn).toMatchObject({ id: 'cn-workdays', time_zone: 'Asia/Shanghai', holidays: 'cn-official', builtin: true });
    expect(cn!.weekly_hours).toEqual([1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '18:00' })));
    expect(cn!.exceptions.find((e) => e.day === '2025-10-01')).toMatchObject({ is_working: false, source: 'official', in_force: true, name: '国庆节 National Day' });
    expect(cn!.exceptions.find((e) => e.day === '2025-10-11')).toMatchObject({ is_working: true, source: 'official' });
    expect(cn!.coverage).toEqual({
      range: { from: '2015-01-01', to: '2035-12-31' },
      official_source: 'chinese-days@1.5.7',
      official_years: [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026],
      fallback_years: [2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034, 2035],
    });
  });

  it('lets a viewer read but not change (403), and nobody without a token (401)', async () => {
    expect((await fx.app.request('/api/settings/calendars')).status).toBe(401);
    const put = await fx.send('PUT', '/cn-workdays/days/2025-09-16', { is_working: false, name: 'x' }, fx.viewerAuth);
    expect(put.status).toBe(403);
    expect(await refusal(put)).toMatchObject({ status: 403, message: expect.stringMatching(/admin role/) });
    expect((await fx.send('DELETE', '/cn-workdays/days/2025-09-16', undefined, fx.viewerAuth)).status).toBe(403);
    expect((await fx.send('POST', '', { id: 'v', name: 'v', time_zone: 'UTC', continuous: true }, fx.viewerAuth)).status).toBe(403);
  });

  it('an admin closure moves working time and deadlines; DELETE restores them, a second DELETE is a 404', async () => {
    const span = [cst('2025-09-15T10:00:00'), cst('2025-09-17T10:00:00')] as const;
    const put = await fx.send('PUT', '/cn-workdays/days/2025-09-16', { is_working: false, name: '公司年会 company offsite' });
    expect(put.status).toBe(200);
    const cal = calendarResponse.parse(await put.json());
    expect(cal.exceptions.find((e) => e.day === '2025-09-16')).toMatchObject({ source: 'admin', is_working: false, name: '公司年会 company offsite', updated_by: 'local-admin' });
    expect((await fx.t.seconds('cn-workdays', ...span)).seconds).toBe(9 * 3600);
    expect((await fx.t.daysAfter('cn-workdays', span[0], 1)).end).toBe(cst('2025-09-18T00:00:00'));
    // PUT again replaces the row
    calendarResponse.parse(await (await fx.send('PUT', '/cn-workdays/days/2025-09-16', { is_working: false, name: 'offsite (moved)' })).json());
    expect((await list())[1]!.exceptions.filter((e) => e.day === '2025-09-16').map((e) => e.name)).toEqual(['offsite (moved)']);

    const del = await fx.send('DELETE', '/cn-workdays/days/2025-09-16');
    expect(del.status).toBe(200);
    expect(calendarResponse.parse(await del.json()).exceptions.find((e) => e.day === '2025-09-16')).toBeUndefined();
    expect((await fx.t.seconds('cn-workdays', ...span)).seconds).toBe(18 * 3600);
    const again = await fx.send('DELETE', '/cn-workdays/days/2025-09-16');
    expect(again.status).toBe(404);
  });

  it('an admin row over an official holiday is listed with the official one marked not in force', async () => {
    const cal = calendarResponse.parse(await (await fx.send('PUT', '/cn-workdays/days/2025-10-08', { is_working: true, name: 'open' })).json());
    expect(cal.exceptions.filter((e) => e.day === '2025-10-08').map((e) => [e.source, e.in_force])).toEqual([['admin', true], ['official', false]]);
    expect((await fx.send('DELETE', '/cn-workdays/days/2025-10-08')).status).toBe(200);
  });

  it('refuses bad path parameters and bodies with a 400 naming the parameter', async () => {
    const cases: Array<[string, string, unknown, string]> = [
      ['PUT', '/cn-workdays/days/2025-02-30', { is_working: false, name: 'x' }, 'day'],
      ['PUT', '/cn-workdays/days/20250916', { is_working: false, name: 'x' }, 'day'],
      ['PUT', '/cn-workdays/days/2040-01-01', { is_working: false, name: 'x' }, 'day'],
      ['PUT', '/Bad%20Id/days/2025-09-16', { is_working: false, name: 'x' }, 'id'],
      ['PUT', '/cn-workdays/days/2025-09-16', { name: 'x' }, 'is_working'],
      ['PUT', '/cn-workdays/days/2025-09-16', { is_working: 'no', name: 'x' }, 'is_working'],
      ['PUT', '/cn-workdays/days/2025-09-16', { is_working: false, name: ' ' }, 'name'],
      ['PUT', '/24x7/days/2025-09-16', { is_working: false, name: 'x' }, 'id'],
      ['DELETE', '/cn-workdays/days/2025-9-16', undefined, 'day'],
      ['POST', '', { id: 'ok', name: 'x', time_zone: 'Mars/Olympus', weekly_hours: [{ weekday: 1, start: '09:00', end: '17:00' }] }, 'time_zone'],
      ['POST', '', { id: 'ok', name: 'x', time_zone: 'UTC', weekly_hours: [{ weekday: 8, start: '09:00', end: '17:00' }] }, 'weekly_hours[0].weekday'],
      ['POST', '', { id: 'ok', name: 'x', time_zone: 'UTC', weekly_hours: [{ weekday: 1, start: '18:00', end: '09:00' }] }, 'weekly_hours[0]'],
      ['POST', '', { id: 'ok', name: 'x', time_zone: 'UTC', weekly_hours: [{ weekday: 1, start: '9:00', end: '17:00' }] }, 'weekly_hours[0].start'],
      ['POST', '', { id: 'ok', name: 'x', time_zone: 'UTC', weekly_hours: [] }, 'weekly_hours'],
      ['POST', '', { id: 'ok', name: 'x', time_zone: 'UTC', weekly_hours: [{ weekday: 1, start: '09:00', end: '17:00' }], holidays: 'us' }, 'holidays'],
      ['POST', '', { id: 'OK!', name: 'x', time_zone: 'UTC', continuous: true }, 'id'],
    ];
    for (const [method, url, body, parameter] of cases) {
      const res = await fx.send(method, url, body);
      expect({ method, url, status: res.status }).toEqual({ method, url, status: 400 });
      expect(await refusal(res), `${method} ${url}`).toMatchObject({ status: 400, parameter });
    }
  });

  it('answers 404 for an unknown calendar', async () => {
    const res = await fx.send('PUT', '/nope/days/2025-09-16', { is_working: false, name: 'x' });
    expect(res.status).toBe(404);
    expect(await refusal(res)).toMatchObject({ message: "no calendar 'nope'" });
  });

  it('creates a calendar (201) that the SQL can use at once, and refuses its id a second time (409)', async () => {
    const body = {
      id: 'cn-split', name: '分段班 split shift', time_zone: 'Asia/Shanghai', holidays: 'cn-official',
      weekly_hours: [1, 2, 3, 4, 5].flatMap((weekday) => [{ weekday, start: '09:00', end: '12:00' }, { weekday, start: '13:30', end: '18:00' }]),
    };
    const res = await fx.send('POST', '', body);
    expect(res.status).toBe(201);
    const cal = calendarResponse.parse(await res.json());
    expect(cal).toMatchObject({ id: 'cn-split', continuous: false, builtin: false, holidays: 'cn-official' });
    expect(cal.coverage.official_years.at(-1)).toBe(2026);
    expect((await fx.t.seconds('cn-split', cst('2025-09-30T11:00:00'), cst('2025-10-09T14:00:00'))).seconds).toBe((5.5 + 3.5) * 3600);
    expect((await list()).map((c) => c.id)).toEqual(['24x7', 'cn-workdays', 'cn-split']);
    const again = await fx.send('POST', '', body);
    expect(again.status).toBe(409);
  });

  it('documents its paths in the OpenAPI document', async () => {
    const doc = (await (await fx.app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths['/api/settings/calendars']!).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/api/settings/calendars/{id}/days/{day}']!).sort()).toEqual(['delete', 'put']);
  });
});
