/**
 * /api/settings/policies: the versioned settings of METRICS.md. Anyone with a
 * token (viewer and up) reads them, since every metric's "how is this computed"
 * panel shows them; only admin changes them. A change is a new version, never an
 * edit: PUT sends a whole document, PATCH a merge patch over the version in force
 * at its effective time. The rules on effective times are in
 * server/policies/policy-change.ts.
 */
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { requireToken } from '../auth/require-token.ts';
import type { TokenVerifier } from '../auth/roles.ts';
import type { Warehouse } from '../db/warehouse.ts';
import type { AppEnv } from '../http/app-env.ts';
import { BadParameter } from '../http/errors.ts';
import { jsonBodyOf, queryOf } from '../http/validate.ts';
import { DEFAULT_POLICY } from '../policies/default-policy.ts';
import { patchPolicyBody, policiesQuery, putPolicyBody, versionParam } from '../policies/policy-api-schemas.ts';
import { PolicyChangeRefused, type PolicyChange } from '../policies/policy-change.ts';
import { addPolicyVersion, getPolicyVersion, listPolicyVersions, policyAt, type PolicyVersionInfo } from '../policies/policy-store.ts';

export interface PolicyRouteDeps {
  wh: Warehouse;
  verify: TokenVerifier;
}

type Status = 'in_force' | 'scheduled' | 'superseded' | 'withdrawn';

function statusOf(v: PolicyVersionInfo, now: Date): Status {
  if (!v.in_force_ever) return 'withdrawn';
  if (v.effective_from > now) return 'scheduled';
  return v.valid_to === null || now < v.valid_to ? 'in_force' : 'superseded';
}

const withStatus = <V extends PolicyVersionInfo>(v: V, now: Date) => ({ ...v, status: statusOf(v, now) });

/** Body fields as the store takes them. */
function changeOf(body: { effective_from?: string; backdate?: boolean; note: string }, createdBy: string) {
  return {
    note: body.note,
    createdBy,
    effectiveFrom: body.effective_from === undefined ? undefined : new Date(body.effective_from),
    backdate: body.backdate,
  };
}

export function policyRoutes(deps: PolicyRouteDeps) {
  const { wh } = deps;
  const viewer = requireToken({ verify: deps.verify, role: 'viewer' });
  const admin = requireToken({ verify: deps.verify, role: 'admin' });

  /** A new version; a broken rule is a 400 naming the parameter. */
  async function change(request: PolicyChange) {
    try {
      const { version, withdrawn } = await addPolicyVersion(wh, request);
      return { version: withStatus(version, new Date()), withdrawn };
    } catch (err) {
      if (err instanceof PolicyChangeRefused) throw new BadParameter(err.parameter, err.message, err);
      throw err;
    }
  }

  return new Hono<AppEnv>()
    .get('/', viewer, queryOf(policiesQuery), async (c) => {
      const now = new Date();
      const query = c.req.valid('query');
      const at = query.at === undefined ? now : new Date(query.at);
      const [history, inForce] = await Promise.all([listPolicyVersions(wh), policyAt(wh, at)]);
      if (history.length === 0) throw new Error('no policy version stored: ensureDefaultPolicy(wh) must run at start');
      if (!inForce) throw new BadParameter('at', `before the first policy version (${history[0]!.effective_from.toISOString()})`);
      return c.json({
        at: at.toISOString(),
        in_force: withStatus(inForce, now),
        history: history.map((v) => withStatus(v, now)),
        defaults: DEFAULT_POLICY,
      });
    })
    .get('/:version', viewer, async (c) => {
      const parsed = versionParam.safeParse(c.req.param());
      if (!parsed.success) throw new BadParameter('version', parsed.error.issues[0]!.message);
      const found = await getPolicyVersion(wh, parsed.data.version);
      if (!found) throw new HTTPException(404, { message: `no policy version ${parsed.data.version}` });
      return c.json(withStatus(found, new Date()));
    })
    .put('/', admin, jsonBodyOf(putPolicyBody), async (c) => {
      const body = c.req.valid('json');
      return c.json(await change({ ...changeOf(body, c.get('principal').subject), document: body.document }), 201);
    })
    .patch('/', admin, jsonBodyOf(patchPolicyBody), async (c) => {
      const body = c.req.valid('json');
      return c.json(await change({ ...changeOf(body, c.get('principal').subject), patch: body.document }), 201);
    });
}
