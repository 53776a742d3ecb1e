/**
 * /api/settings/policies through the real app: read with a viewer token, change
 * as admin, 400s naming the setting, and every response in its documented shape.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policiesResponse, policyChangeResponse, policyVersionResponse } from '../../server/policies/policy-api-schemas.ts';
import { DEFAULT_POLICY } from '../../server/policies/default-policy.ts';
import type { PolicyDocument } from '../../server/policies/policy-schema.ts';
import { removeTempDirs } from '../server/support.ts';
import { policyApp } from './policy-fixture.ts';

afterAll(removeTempDirs);

type Fx = Awaited<ReturnType<typeof policyApp>>;
type Policies = ReturnType<typeof policiesResponse.parse>;

const EFFECTIVE = '2026-03-01T00:00:00+08:00';
const EFFECTIVE_UTC = '2026-02-28T16:00:00.000Z';

async function getPolicies(fx: Fx, query = '', auth = fx.viewerAuth): Promise<Policies> {
  const res = await fx.app.request(`/api/settings/policies${query}`, { headers: auth });
  expect(res.status).toBe(200);
  return policiesResponse.parse(await res.json());
}

async function refusal(res: Response): Promise<{ status: number; parameter?: string; message: string }> {
  return ((await res.json()) as { error: { status: number; parameter?: string; message: string } }).error;
}

describe('policy routes', () => {
  let fx: Fx;
  beforeAll(async () => {
    fx = await policyApp('policy-routes');
  });
  afterAll(() => fx.wh.close());

  it('shows a viewer the version in force, the history and the defaults', async () => {
    const body = await getPolicies(fx);
    expect(body.in_force).toMatchObject({ version: 1, effective_from: '1970-01-01T00:00:00.000Z', status: 'in_force', created_by: 'system' });
    expect(body.in_force.document).toEqual(DEFAULT_POLICY);
    expect(body.defaults).toEqual(DEFAULT_POLICY);
    expect(body.history.map((v) => v.version)).toEqual([1]);
  });

  it('lets a viewer read but not change (403), and nobody without a token (401)', async () => {
    const put = await fx.send('PUT', { note: 'x', document: DEFAULT_POLICY }, fx.viewerAuth);
    expect(put.status).toBe(403);
    expect(await refusal(put)).toMatchObject({ status: 403, message: expect.stringMatching(/admin role/) });
    expect((await fx.send('PATCH', { note: 'x', document: {} }, fx.viewerAuth)).status).toBe(403);
    expect((await fx.app.request('/api/settings/policies')).status).toBe(401);
    expect((await fx.send('PUT', { note: 'x', document: DEFAULT_POLICY }, {})).status).toBe(401);
  });

  it('refuses a bad document with a 400 naming the setting', async () => {
    const doc = structuredClone(DEFAULT_POLICY) as PolicyDocument;
    (doc.sla.chat.first_response as { seconds: number }).seconds = -30;
    const res = await fx.send('PUT', { note: 'typo', effective_from: '2099-01-01T00:00:00Z', document: doc });
    expect(res.status).toBe(400);
    expect(await refusal(res)).toMatchObject({ status: 400, parameter: 'document.sla.chat.first_response.seconds' });
    const unknown = await fx.send('PATCH', { note: 'typo', document: { silence_window: { channels: { wechat: { seconds: 60, calendar: '24x7' } } } } });
    expect(await refusal(unknown)).toMatchObject({ parameter: 'document.silence_window.channels.wechat' });
    const calendar = await fx.send('PATCH', { note: 'typo', document: { fcr_window: { calendar: 'mars' } } });
    expect(await refusal(calendar)).toMatchObject({ parameter: 'document.fcr_window.calendar', message: expect.stringMatching(/no calendar 'mars'/) });
    expect(await refusal(await fx.send('PUT', { note: 'no document' }))).toMatchObject({ parameter: 'document' });
    expect(await refusal(await fx.send('PUT', { note: '', document: DEFAULT_POLICY }))).toMatchObject({ parameter: 'note' });
    expect(await refusal(await fx.send('PUT', { note: 'x', effective_from: 'next monday', document: DEFAULT_POLICY }))).toMatchObject({ parameter: 'effective_from' });
    expect((await getPolicies(fx)).history).toHaveLength(1);
  });

  it('carries the dashboard goals: defaults, a goal per metric id, and a 400 naming a bad one', async () => {
    expect((await getPolicies(fx)).in_force.document.kpi_goals).toMatchObject({ silence_rate: { at_most: 0.05 }, fcr: { at_least: 0.7 } });
    const unknown = await fx.send('PATCH', { note: 'typo', effective_from: '2099-01-01T00:00:00Z', document: { kpi_goals: { silense_rate: { at_most: 0.1 } } } });
    expect(await refusal(unknown)).toMatchObject({ status: 400, parameter: 'document.kpi_goals.silense_rate' });
    const both = await fx.send('PATCH', { note: 'typo', effective_from: '2099-01-01T00:00:00Z', document: { kpi_goals: { fcr: { at_most: 0.1, at_least: 0.2 } } } });
    expect(await refusal(both)).toMatchObject({ status: 400, parameter: 'document.kpi_goals.fcr' });
    expect((await getPolicies(fx)).history).toHaveLength(1);
  });

  it('refuses a past effective time unless backdate is confirmed', async () => {
    const res = await fx.send('PATCH', { note: 'faster urgent chats', effective_from: EFFECTIVE, document: {} });
    expect(res.status).toBe(400);
    expect(await refusal(res)).toMatchObject({ parameter: 'effective_from', message: expect.stringMatching(/backdate: true/) });
  });

  it('creates version 2 effective at the given instant', async () => {
    const res = await fx.send('PATCH', {
      note: 'urgent chats resolved within 2 h from March',
      effective_from: EFFECTIVE,
      backdate: true,
      document: { sla: { chat: { priorities: { urgent: { resolution: { seconds: 7200 } } } } } },
    });
    expect(res.status).toBe(201);
    const body = policyChangeResponse.parse(await res.json());
    expect(body.withdrawn).toEqual([]);
    expect(body.version).toMatchObject({ version: 2, effective_from: EFFECTIVE_UTC, status: 'in_force', created_by: 'local-admin', based_on: 1, backdated: true });
    expect(body.version.document.sla.chat.priorities.urgent?.resolution).toEqual({ kind: 'duration', seconds: 7200, calendar: '24x7' });
  });

  it('answers ?at= with the version in force at that instant', async () => {
    const before = await getPolicies(fx, '?at=2026-02-28T23:59:59%2B08:00');
    expect(before.at).toBe('2026-02-28T15:59:59.000Z');
    expect(before.in_force.version).toBe(1);
    expect(before.in_force.document.sla.chat.priorities.urgent?.resolution).toMatchObject({ seconds: 14_400 });
    const after = await getPolicies(fx, `?at=${encodeURIComponent(EFFECTIVE)}`);
    expect(after.in_force.version).toBe(2);
    expect(after.history.map((v) => [v.version, v.status, v.valid_to])).toEqual([[1, 'superseded', EFFECTIVE_UTC], [2, 'in_force', null]]);
    expect((await getPolicies(fx)).in_force.version).toBe(2);
    const early = await fx.app.request('/api/settings/policies?at=1969-12-31T23:59:59Z', { headers: fx.viewerAuth });
    expect(await refusal(early)).toMatchObject({ status: 400, parameter: 'at' });
    const bad = await fx.app.request('/api/settings/policies?at=yesterday', { headers: fx.viewerAuth });
    expect(await refusal(bad)).toMatchObject({ status: 400, parameter: 'at' });
  });

  it('replaces the whole document with PUT, scheduled for later, and shows one version by number', async () => {
    const doc = structuredClone(DEFAULT_POLICY) as PolicyDocument;
    doc.sl_target = 0.9;
    const res = await fx.send('PUT', { note: 'back to the defaults, with a 90 % service level', effective_from: '2099-01-01T00:00:00Z', document: doc });
    expect(res.status).toBe(201);
    const body = policyChangeResponse.parse(await res.json());
    expect(body.version).toMatchObject({ version: 3, status: 'scheduled', based_on: null, backdated: false });
    expect(body.version.document.sla.chat.priorities.urgent?.resolution).toMatchObject({ seconds: 14_400 });
    const one = await fx.app.request('/api/settings/policies/3', { headers: fx.viewerAuth });
    expect(policyVersionResponse.parse(await one.json())).toMatchObject({ version: 3, document: { sl_target: 0.9 } });
    expect((await fx.app.request('/api/settings/policies/9', { headers: fx.viewerAuth })).status).toBe(404);
    expect(await refusal(await fx.app.request('/api/settings/policies/x', { headers: fx.viewerAuth }))).toMatchObject({ parameter: 'version' });
  });

  it('documents the routes in the OpenAPI document', async () => {
    const doc = (await (await fx.app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths['/api/settings/policies']!).sort()).toEqual(['get', 'patch', 'put']);
    expect(Object.keys(doc.paths['/api/settings/policies/{version}']!)).toEqual(['get']);
  });
});
