/**
 * /api/settings/calendars: the calendars every clock runs on (METRICS.md "Time").
 * Anyone with a token reads them (a metric's "how is this computed" panel shows
 * which days counted, and which years fell back to Monday–Friday); only admin
 * adds closures or extra working days, or creates a calendar.
 */
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { validator } from 'hono/validator';
import { requireToken } from '../auth/require-token.ts';
import type { TokenVerifier } from '../auth/roles.ts';
import { calendarDayParams, postCalendarBody, putDayBody } from '../calendars/calendar-api-schemas.ts';
import { listCalendars } from '../calendars/calendar-listing.ts';
import { CalendarRefused, createCalendar, removeAdminDay, setAdminDay } from '../calendars/calendars-service.ts';
import type { Warehouse } from '../db/warehouse.ts';
import type { AppEnv } from '../http/app-env.ts';
import { BadParameter } from '../http/errors.ts';
import { jsonBodyOf } from '../http/validate.ts';

export interface CalendarRouteDeps {
  wh: Warehouse;
  verify: TokenVerifier;
}

/** Path parameters `:id/days/:day`; a bad one is a 400 naming it. */
const dayParams = validator('param', (value) => {
  const parsed = calendarDayParams.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new BadParameter(String(issue.path[0] ?? 'path'), issue.message, parsed.error);
});

/** The service's refusals as HTTP errors. */
async function refusedAsHttp<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (!(err instanceof CalendarRefused)) throw err;
    if (err.kind === 'invalid') throw new BadParameter(err.parameter, err.message, err);
    throw new HTTPException(err.kind === 'not_found' ? 404 : 409, { message: err.message, cause: err });
  }
}

export function calendarRoutes(deps: CalendarRouteDeps) {
  const { wh } = deps;
  const viewer = requireToken({ verify: deps.verify, role: 'viewer' });
  const admin = requireToken({ verify: deps.verify, role: 'admin' });
  return new Hono<AppEnv>()
    .get('/', viewer, async (c) => c.json({ calendars: await listCalendars(wh) }))
    .post('/', admin, jsonBodyOf(postCalendarBody), async (c) => {
      const body = c.req.valid('json');
      return c.json(await refusedAsHttp(createCalendar(wh, body, c.get('principal').subject)), 201);
    })
    .put('/:id/days/:day', admin, dayParams, jsonBodyOf(putDayBody), async (c) => {
      const { id, day } = c.req.valid('param');
      return c.json(await refusedAsHttp(setAdminDay(wh, id, day, c.req.valid('json'), c.get('principal').subject)));
    })
    .delete('/:id/days/:day', admin, dayParams, async (c) => {
      const { id, day } = c.req.valid('param');
      return c.json(await refusedAsHttp(removeAdminDay(wh, id, day)));
    });
}
