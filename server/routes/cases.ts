/**
 * /api/cases: the contacts behind any metric's number (paged), and one contact
 * with its customer's cross-channel timeline. Personal data (customer keys that
 * are phone numbers or member ids, callers) is masked unless the request says
 * `unmask=true` and the role may see it (compliance, admin); every unmasked
 * answer is written to the audit log first (DESIGN.md "Roles and privacy").
 */
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { requireToken } from '../auth/require-token.ts';
import { roleAllows, type TokenVerifier } from '../auth/roles.ts';
import type { Warehouse } from '../db/warehouse.ts';
import type { AppEnv } from '../http/app-env.ts';
import { queryOf, paramOf } from '../http/validate.ts';
import { caseDetail, type ContactKind } from '../metrics/case-timeline.ts';
import { caseParams, caseQuery, casesQuery } from '../metrics/metric-api-schemas.ts';
import { metricCases } from '../metrics/metric-cases.ts';
import { BadParameter } from '../http/errors.ts';
import { parseInstantParam, parseScope } from '../metrics/metric-scope.ts';
import { audit } from '../privacy/audit-log.ts';
import { maskIdentity } from '../privacy/mask.ts';
import { scopeEcho, type MetricRouteDeps } from './metrics.ts';

/** Whether this request sees personal data; refuses unmask=true to a role without the right. */
function wantsUnmasked(c: Context<AppEnv>, unmask: string | undefined): boolean {
  if (unmask !== 'true') return false;
  const p = c.get('principal');
  if (!roleAllows(p.role, 'compliance')) {
    throw new HTTPException(403, { message: `unmask=true needs the compliance or admin role; the token has ${p.role}` });
  }
  return true;
}

/** Detail fields of timeline items that hold personal data. */
const PERSONAL_DETAIL = ['caller', 'customer_id'] as const;

export function caseRoutes(deps: MetricRouteDeps) {
  const { wh, timeZone } = deps;
  return new Hono<AppEnv>()
    .use('*', requireToken({ verify: deps.verify, role: 'viewer' }))
    .get('/', queryOf(casesQuery), async (c) => {
      const q = c.req.valid('query');
      const scope = parseScope(q, timeZone, new Date());
      if (!q.part) throw new BadParameter('part', 'required: numerator, denominator or pending');
      const unmasked = wantsUnmasked(c, q.unmask);
      const { total, cases } = await metricCases(wh, scope, { metric: q.metric ?? '', part: q.part, page: q.page, pageSize: q.page_size });
      if (unmasked) {
        await audit(wh, {
          principal: c.get('principal'), action: 'cases.unmasked', target: c.req.url.replace(/^[a-z]+:\/\/[^/]+/i, ''),
          detail: { metric: q.metric, part: q.part, cases: cases.map((k) => `${k.kind}:${k.id}`) },
        });
      }
      return c.json({
        ...scopeEcho(scope), metric: q.metric, part: q.part, total, page: q.page, page_size: q.page_size, masked: !unmasked,
        cases: unmasked ? cases : cases.map((k) => ({ ...k, customer_key: maskIdentity(k.customer_key) })),
      });
    })
    .get('/:kind/:id', paramOf(caseParams), queryOf(caseQuery), async (c) => {
      const { kind, id } = c.req.valid('param');
      const q = c.req.valid('query');
      const asOf = q.as_of ? parseInstantParam('as_of', q.as_of, timeZone) : new Date();
      const unmasked = wantsUnmasked(c, q.unmask);
      const detail = await caseDetail(wh, kind as ContactKind, id, asOf, q.around);
      if (!detail) throw new HTTPException(404, { message: `no ${kind} ${JSON.stringify(id)} (as of ${asOf.toISOString()})` });
      if (unmasked) {
        await audit(wh, { principal: c.get('principal'), action: 'case.unmasked', target: `${kind}:${id}`, detail: { around: q.around, as_of: asOf.toISOString() } });
        return c.json({ ...detail, as_of: asOf.toISOString(), masked: false });
      }
      return c.json({
        ...detail,
        as_of: asOf.toISOString(),
        masked: true,
        customer_key: maskIdentity(detail.customer_key),
        contact: { ...detail.contact, customer_key: maskIdentity(String(detail.contact.customer_key)) },
        timeline: detail.timeline.map((t) => ({
          ...t,
          detail: Object.fromEntries(Object.entries(t.detail).map(([k, v]) => [k, (PERSONAL_DETAIL as readonly string[]).includes(k) && typeof v === 'string' ? maskIdentity(v) : v])),
        })),
      });
    });
}
